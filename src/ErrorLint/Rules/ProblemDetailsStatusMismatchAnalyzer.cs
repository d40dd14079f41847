using System.Collections.Immutable;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>EL0013: a problem details body whose <c>Status</c> disagrees with the status code the response is sent with.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProblemDetailsStatusMismatchAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0013ProblemDetailsStatusMismatch);

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
                foreach (var response in model.OperationsIn(c).Responses)
                {
                    Analyze(c, response, model);
                }
            });
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, HttpResponseInfo response, ResponseModel model)
    {
        if (Mismatch(response, model) is not { } mismatch)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EL0013ProblemDetailsStatusMismatch, response.Operation.Syntax.GetLocation(), mismatch.ProblemStatus, response.StatusCode));
    }

    /// <summary>
    /// The problem details' own status and where it is written, when it disagrees with an error status the response is
    /// sent with. A success status is left to EL0001; a problem details without <c>Status</c> is filled in by the framework;
    /// <c>Results.Problem(problem)</c> sends the problem's own status.
    /// </summary>
    internal static (int ProblemStatus, IOperation StatusWrite)? Mismatch(HttpResponseInfo? response, ResponseModel model)
    {
        if (response is not { IsError: true, Body: { } body, ThroughHelper: null }
            || response.StatusOrigin is StatusOrigin.Unknown
            || (response.Kind == ResponseKind.Problem && response.StatusOperation is null)
            || !ProblemDetailsFacts.IsProblemDetails(body.Type, model.Types)
            || ProblemDetailsFacts.SentStatus(body) is not { } statusWrite
            || StatusCodeValue.Read(statusWrite) is not { } problemStatus
            || problemStatus == response.StatusCode)
        {
            return null;
        }

        return (problemStatus, statusWrite);
    }
}
