using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ErrorLint.Configuration;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>
/// EL0010: the <c>Message</c> of a catch-all or infrastructure exception reaches a response outside a development
/// guard. The application's own exception types, client-input exceptions, configured safe types and the answers of
/// try-out endpoints (<c>SendTestMail</c>) are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionMessageInResponseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0010ExceptionMessageInResponse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is { } model)
            {
                ExceptionSinks.RegisterLeakAction(start, model, ExceptionLeakKind.Message, (c, sent) => Reports(c, sent, model), Diagnose);
            }
        });
    }

    private static bool Reports(OperationBlockAnalysisContext context, SentExceptionLeak sent, ResponseModel model)
    {
        if (sent.Leak.ExceptionType is not { } type || IsAboutClientInput(sent, model) || TryOutEndpoints.IsTryOut(context.OwningSymbol))
        {
            return false;
        }

        // if (exception is InvalidOperationException) return BadRequest(exception.Message): the code maps these types
        // to a client error on purpose, unless one is a failure of a dependency (a database, the network). A catch
        // filter narrows the types but decides nothing about the answer.
        var narrowing = ExceptionNarrowing.At(sent.Leak.Value, sent.Leak.Exception);
        if (narrowing.Kind == NarrowingKind.TypeTest && !(sent.StatusCode >= 500)
            && !narrowing.Types.Any(t => ExceptionFacts.WhoseFault(t, context.Compilation) == FailureKind.Infrastructure))
        {
            return false;
        }

        if (narrowing.Kind == NarrowingKind.None && IsThrownByTheApplication(context, sent, type))
        {
            return false;
        }

        var options = ErrorLintOptions.For(context.Options, sent.Leak.Syntax.SyntaxTree);
        foreach (var possible in narrowing.Kind == NarrowingKind.None ? ImmutableArray.Create(type) : narrowing.Types)
        {
            if (ExceptionFacts.IsMessageUnsafeToShow(possible, context.Compilation) && !IsSafe(possible, options))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>catch (InvalidOperationException e) { return BadRequest(e.Message); }</c> around a call into the application's
    /// own code that throws that type with a message it wrote for the client.
    /// </summary>
    private static bool IsThrownByTheApplication(OperationBlockAnalysisContext context, SentExceptionLeak sent, ITypeSymbol type)
        => ExceptionFacts.EnclosingCatch(sent.SiteOperation) is { } catchClause
            && SymbolEqualityComparer.Default.Equals(catchClause.ExceptionType, type)
            && ExceptionFacts.Caught(catchClause, context.Compilation) != FailureKind.CatchAll
            && ApplicationThrows.ThrowsCaughtTypeWithOwnMessage(catchClause, context.Compilation, context.CancellationToken);

    /// <summary>Names the exception as the code narrowed it: <c>IOException or UnauthorizedAccessException</c> under <c>when (ex is IOException or UnauthorizedAccessException)</c>.</summary>
    private static string ExceptionName(SentExceptionLeak sent)
    {
        var narrowing = ExceptionNarrowing.At(sent.Leak.Value, sent.Leak.Exception);
        return narrowing.Kind == NarrowingKind.None
            ? sent.Leak.ExceptionType!.Name
            : string.Join(" or ", narrowing.Types.Select(t => t.Name).Distinct());
    }

    /// <summary>The message of what a try that only parses the client's input threw describes that input.</summary>
    private static bool IsAboutClientInput(SentExceptionLeak sent, ResponseModel model)
        => (ExceptionFacts.EnclosingCatch(sent.Leak.Value) ?? ExceptionFacts.EnclosingCatch(sent.SiteOperation)) is { } catchClause
            && ClientInputTry.OnlyReadsClientInput(catchClause, model);

    private static Diagnostic Diagnose(SentExceptionLeak sent, Location location, IEnumerable<Location> leaked)
        => Diagnostic.Create(Descriptors.EL0010ExceptionMessageInResponse, location, leaked, ExceptionName(sent), sent.Sink);

    private static bool IsSafe(ITypeSymbol type, ErrorLintOptions options)
    {
        for (var current = type.WithNullableAnnotation(NullableAnnotation.None); current is not null; current = current.BaseType)
        {
            if (ErrorLintOptions.Names(options.SafeExceptionTypes, current))
            {
                return true;
            }
        }

        return false;
    }
}
