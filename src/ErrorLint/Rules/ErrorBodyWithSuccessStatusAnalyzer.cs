using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>EL0001: an error body (error member, failure flag, validation state, ...) sent with a 2xx status.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorBodyWithSuccessStatusAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0001ErrorBodyWithSuccessStatus);

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
                // A value an action returns is one of the responses too (ReturnedValues): sent with 200.
                foreach (var response in model.OperationsIn(c).Responses)
                {
                    AnalyzeResponse(c, response, model);
                }
            });
        });
    }

    private static void AnalyzeResponse(OperationBlockAnalysisContext context, HttpResponseInfo response, ResponseModel model)
    {
        if (response is not { IsSuccess: true, Body: { } body } || response.StatusOrigin == StatusOrigin.Unknown)
        {
            return;
        }

        var options = ErrorLintOptions.For(context.Options, response.Operation.Syntax.SyntaxTree);
        if (ErrorBodyClassifier.Classify(body, model.Types, options) is { } error
            && !ErrorReports.IsReportType(body.Type, options, context.Compilation)
            && !ReExecutedErrorActions.KeepsPresetStatus(response, model.Types))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0001ErrorBodyWithSuccessStatus, response.Operation.Syntax.GetLocation(), error.Description, response.StatusCode));
        }
    }
}
