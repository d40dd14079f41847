using System.Collections.Immutable;
using ErrorLint.Facts.Headers;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>EL0007: a 429 or 503 response with no <c>Retry-After</c> header set on the way, or a <c>Retry-After</c> value clients cannot read.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRetryAfterAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that tells the fixer which of the rule's two messages it is looking at.</summary>
    public const string ProblemProperty = "Problem";

    public const string InvalidValue = "InvalidValue";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.EL0007MissingRetryAfter, Descriptors.EL0007InvalidRetryAfter);

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

            var facts = model.Headers;
            start.RegisterOperationBlockAction(c =>
            {
                var body = model.OperationsIn(c);
                foreach (var operation in body.Operations)
                {
                    if (operation.Response is { } response)
                    {
                        AnalyzeResponse(c, response, body, model);
                    }

                    if (operation.Kind == OperationKind.SimpleAssignment || ResponseHeaderFacts.IsHeaderWriteName(operation.CalledName))
                    {
                        AnalyzeHeaderValue(c, operation.Operation, facts);
                    }
                }
            });
        });
    }

    private static void AnalyzeResponse(OperationBlockAnalysisContext context, HttpResponseInfo response, BodyOperations body, ResponseModel model)
    {
        if (response is not { StatusCode: 429 or 503, ThroughHelper: null } || model.RawWrites.RepeatsStatusSetBefore(response))
        {
            return;
        }

        var facts = model.Headers;

        // A raw response is reported where its status is assigned; the write that follows only repeats it.
        if (response.Style == ResponseStyle.HttpResponse && response.Kind != ResponseKind.StatusAssignment)
        {
            return;
        }

        // A health or readiness probe's 503 takes the instance out of rotation; the prober keeps its own schedule.
        // A 503 sent because the host is stopping has no time to tell: this instance is not coming back.
        if (response.StatusCode == 503 && (HealthEndpoints.Contains(response.Operation, context.OwningSymbol) || ShutdownResponses.AnswersShutdown(response.Operation)))
        {
            return;
        }

        // The options' OnRejected is EL0008's; a policy class's own OnRejected answers its endpoints' rejections in
        // place of the options' one, so it is reported here, where its fix goes.
        if ((facts.IsInRejectionCallback(response.Operation, context.OwningSymbol) && !ResponseHeaderFacts.IsPolicyClassMember(context.OwningSymbol))
            || facts.IsRetryAfterSet(response.Operation, body, anywhereInFunction: response.Kind == ResponseKind.StatusAssignment, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0007MissingRetryAfter, response.Operation.Syntax.GetLocation(), response.StatusCode));
    }

    private static void AnalyzeHeaderValue(OperationBlockAnalysisContext context, IOperation operation, ResponseHeaderFacts facts)
    {
        if (facts.RetryAfterWrite(operation) is { } value
            && value != operation
            && ResponseHeaderFacts.IsEvidentlyInvalid(value, out var text))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0007InvalidRetryAfter,
                value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(ProblemProperty, InvalidValue),
                text));
        }
    }
}
