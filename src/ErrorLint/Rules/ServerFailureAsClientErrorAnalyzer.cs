using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0003: a 4xx response in a catch of every exception or of an infrastructure exception (network, time-out, I/O,
/// database), or in an exception handler or exception filter that answers every exception alike.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServerFailureAsClientErrorAnalyzer : DiagnosticAnalyzer
{
    // 499 "client closed request" is the deliberate answer to a request the client cancelled.
    private const int ClientClosedRequest = 499;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0003ServerFailureAsClientError);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model)
            {
                return;
            }

            start.RegisterOperationBlockAction(c =>
            {
                // One warning per try statement: sibling catches that answer alike are one mistake, reported at the first
                // and listed as additional locations, which the fix rewrites together.
                Dictionary<ITryOperation, (HttpResponseInfo First, string Failure, List<Location> Siblings)>? byTry = null;
                foreach (var response in model.OperationsIn(c).Responses)
                {
                    if (Reported(response, model, c.OwningSymbol) is not { } failure)
                    {
                        continue;
                    }

                    if (ExceptionFacts.EnclosingCatch(response.Operation)?.Parent is ITryOperation tryOperation)
                    {
                        byTry ??= new Dictionary<ITryOperation, (HttpResponseInfo, string, List<Location>)>();
                        if (byTry.TryGetValue(tryOperation, out var first))
                        {
                            first.Siblings.Add(response.Operation.Syntax.GetLocation());
                        }
                        else
                        {
                            byTry.Add(tryOperation, (response, failure, new List<Location>()));
                        }

                        continue;
                    }

                    Report(c, response, failure, Array.Empty<Location>());
                }

                if (byTry is not null)
                {
                    foreach (var (first, failure, siblings) in byTry.Values)
                    {
                        Report(c, first, failure, siblings);
                    }
                }
            });
        });
    }

    /// <summary>The server failure the client error answers, when the rule reports the response; null when it does not.</summary>
    internal static string? Reported(HttpResponseInfo response, ResponseModel model, ISymbol? containingSymbol)
        => response is { IsClientError: true } && response.StatusCode != ClientClosedRequest && StatusSite.IsDecidedHere(response)
            ? Failure(response, model, containingSymbol)
            : null;

    private static void Report(OperationBlockAnalysisContext context, HttpResponseInfo response, string failure, IEnumerable<Location> siblings)
        => context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EL0003ServerFailureAsClientError, response.Operation.Syntax.GetLocation(), siblings, failure, response.StatusCode));

    /// <summary>Names the server-side failure the response answers (<c>catch (Exception)</c>), or null when it answers none.</summary>
    internal static string? Failure(HttpResponseInfo response, ResponseModel model, ISymbol? containingSymbol)
    {
        var operation = response.Operation;
        if (ExceptionFacts.EnclosingCatch(operation) is { } catchClause)
        {
            // A filter or a test of the exception picks the failures the code means to answer this way.
            if (catchClause.Filter is not null || ExceptionFacts.IsUnderConditionOnException(operation, catchClause))
            {
                return null;
            }

            // A try that only parses or checks what the client sent fails on the client's input.
            if (ClientInputTry.OnlyReadsClientInput(catchClause, model))
            {
                return null;
            }

            var type = catchClause.ExceptionType;
            return ExceptionFacts.Caught(catchClause, model.Types.Compilation) switch
            {
                FailureKind.CatchAll => type.SpecialType == SpecialType.System_Object ? "catch of every exception" : "catch (Exception)",
                FailureKind.Infrastructure when !IsDeliberateConflict(type, response) && !IsDeliberateNotFound(type, response) => "catch (" + type.Name + ")",
                _ => null,
            };
        }

        // An exception handler or exception filter that answers every exception alike, outside any branch.
        var handler = model.GetHandler(operation, containingSymbol);
        var answersExceptions = handler.Kind == HandlerKind.ExceptionHandler
            || (handler.Kind == HandlerKind.Filter && containingSymbol?.Name is "OnException" or "OnExceptionAsync");
        return answersExceptions && !TellsExceptionsApart(handler.Function) ? "an exception handler that answers every exception" : null;
    }

    /// <summary>EF Core's concurrency and unique-key failures are answered with 409 Conflict on purpose.</summary>
    private static bool IsDeliberateConflict(ITypeSymbol caught, HttpResponseInfo response)
        => response.StatusCode is 409 or 412 && (ExceptionFacts.IsConcurrencyConflict(caught) || caught.Name == "DbUpdateException");

    /// <summary>A file or folder the client named that is not there is answered with 404 (or 410) on purpose.</summary>
    private static bool IsDeliberateNotFound(ITypeSymbol caught, HttpResponseInfo response)
        => response.StatusCode is 404 or 410 && ExceptionFacts.IsMissingResource(caught);

    /// <summary>Any branch or type test in the handler means it maps some exceptions to client errors on purpose.</summary>
    private static bool TellsExceptionsApart(IOperation function)
    {
        foreach (var descendant in function.Descendants())
        {
            if (descendant is IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or IIsPatternOperation or IIsTypeOperation)
            {
                return true;
            }
        }

        return false;
    }
}
