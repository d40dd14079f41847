using System;
using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
            || SendsHtml(response.Operation, body))
        {
            return;
        }

        var options = ErrorLintOptions.For(context.Options, response.Operation.Syntax.SyntaxTree);
        if (NonProblemBody.Classify(body, model.Types, options) is { } nonProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EL0012ErrorBodyNotProblemDetails, response.Operation.Syntax.GetLocation(), response.StatusCode, nonProblem.Description));
        }
    }

    /// <summary>An HTML error page (<c>Content(html, "text/html")</c>) is meant for browsers, not API clients.</summary>
    private static bool SendsHtml(IOperation operation, IOperation body)
    {
        if (body.WithoutImplicitConversions()?.ConstantValue is { HasValue: true, Value: string text } && text.TrimStart().StartsWith("<", StringComparison.Ordinal))
        {
            return true;
        }

        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "contentType"
                && argument.Value.ConstantValue is { HasValue: true, Value: string contentType }
                && contentType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        if (operation is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" }, Value.ConstantValue: { HasValue: true, Value: string type } }
                    && type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
