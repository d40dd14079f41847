using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>EL0012: a 4xx/5xx response whose body is a string, an anonymous object or a custom error type rather than problem details.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorBodyNotProblemDetailsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0012ErrorBodyNotProblemDetails);

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
                    AnalyzeResponse(c, response, model);
                }
            });
        });
    }

    private static void AnalyzeResponse(OperationBlockAnalysisContext context, HttpResponseInfo response, ResponseModel model)
    {
        if (response is not { IsError: true, Body: { } body, Kind: ResponseKind.Other or ResponseKind.Write }
            || response.StatusOrigin == StatusOrigin.Unknown
            || response.ThroughHelper is not null
            || response.Style == ResponseStyle.RazorPage)
        {
            return;
        }

        var options = ErrorLintOptions.For(context.Options, response.Operation.Syntax.SyntaxTree);
        if (NonProblemBody.Classify(body, model.Types, options) is { } nonProblem && !BrowserResponses.IsForBrowser(response, body, context.OwningSymbol.ContainingType, model.Types))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0012ErrorBodyNotProblemDetails, response.Operation.Syntax.GetLocation(), response.StatusCode, nonProblem.Description));
        }
    }
}
