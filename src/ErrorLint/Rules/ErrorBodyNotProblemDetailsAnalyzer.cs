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
            || response.Style == ResponseStyle.RazorPage
            || SendsHtml(response, body))
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

    /// <summary>
    /// An HTML error page (<c>Content(html, "text/html")</c>, <c>$"&lt;h1&gt;{title}&lt;/h1&gt;"</c>, a raw write after
    /// <c>Response.ContentType = "text/html"</c>) is meant for browsers, not API clients.
    /// </summary>
    private static bool SendsHtml(HttpResponseInfo response, IOperation body)
    {
        var operation = response.Operation;
        var value = body.WithoutImplicitConversions();
        if (value?.ConstantValue is { HasValue: true, Value: string text } && text.TrimStart().StartsWith("<", StringComparison.Ordinal))
        {
            return true;
        }

        if (value is IInterpolatedStringOperation { Parts: { Length: > 0 } parts }
            && parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string start } }
            && start.TrimStart().StartsWith("<", StringComparison.Ordinal))
        {
            return true;
        }

        if (response.Style == ResponseStyle.HttpResponse && SetsHtmlContentType(operation.EnclosingFunction()))
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

    private static bool SetsHtmlContentType(IOperation function)
    {
        foreach (var descendant in function.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" }, Value.ConstantValue: { HasValue: true, Value: string type } }
                && type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
