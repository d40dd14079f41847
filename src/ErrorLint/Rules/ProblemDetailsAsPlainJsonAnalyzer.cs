using System;
using System.Collections.Immutable;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0015: a <c>ProblemDetails</c> value (or a subclass) written with the JSON content type: <c>WriteAsJsonAsync</c>
/// without a content type, <c>Results.Json</c>/<c>TypedResults.Json</c> or a controller's <c>Json</c>/<c>JsonResult</c>
/// without one, and the <c>Results</c>/<c>TypedResults</c> helpers other than <c>Problem</c> and <c>ValidationProblem</c>.
/// MVC's <c>ObjectResult</c> forms (<c>BadRequest(problem)</c> in a controller) are left alone: MVC's formatters already
/// choose <c>application/problem+json</c> for a problem details value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProblemDetailsAsPlainJsonAnalyzer : DiagnosticAnalyzer
{
    public const string ProblemJson = "application/problem+json";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0015ProblemDetailsAsPlainJson);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model || model.Types.ProblemDetails is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(c =>
            {
                foreach (var response in model.OperationsIn(c).Responses)
                {
                    if (Advice(response, model) is { } advice)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0015ProblemDetailsAsPlainJson, response.Operation.Syntax.GetLocation(), response.Producer, advice));
                    }
                }
            });
        });
    }

    /// <summary>What to do instead, when the response writes problem details as plain JSON; null when it does not.</summary>
    internal static string? Advice(HttpResponseInfo response, ResponseModel model)
    {
        if (response is not { Body: { } body, ThroughHelper: null } || !ProblemDetailsFacts.IsProblemDetails(body.Type, model.Types))
        {
            return null;
        }

        switch (response.Style)
        {
            case ResponseStyle.HttpResponse when response.Operation is IInvocationOperation { TargetMethod.Name: "WriteAsJsonAsync" } write && !PassesContentType(write):
                return $"pass contentType: \"{ProblemJson}\", or write it with IProblemDetailsService";
            case ResponseStyle.Results or ResponseStyle.TypedResults when response.Operation is IInvocationOperation helper && WritesPlainJson(helper):
                return response.Style == ResponseStyle.Results ? "return Results.Problem(problem)" : "return TypedResults.Problem(problem)";
            case ResponseStyle.Controller when response.Operation is IInvocationOperation { TargetMethod.Name: "Json" } json && !PassesContentType(json):
                return "return Problem(...) or an ObjectResult";
            case ResponseStyle.ResultObject when response.Operation is IObjectCreationOperation { Type: var created } creation && created.Is(model.Types.JsonResult) && !SetsContentType(creation):
                return "return an ObjectResult, which MVC sends as application/problem+json";
            default:
                return null;
        }
    }

    /// <summary><c>BadRequest(problem)</c>, <c>NotFound(problem)</c>, <c>Ok(problem)</c> and <c>Json(problem)</c> without a content type.</summary>
    private static bool WritesPlainJson(IInvocationOperation helper) => helper.TargetMethod.Name switch
    {
        "BadRequest" or "NotFound" or "Conflict" or "UnprocessableEntity" or "Ok" or "Created" or "Accepted" or "InternalServerError" => true,
        "Json" => !PassesContentType(helper),
        _ => false,
    };

    /// <summary>A <c>contentType</c> argument the code writes, other than <c>null</c>: the author chose the type.</summary>
    private static bool PassesContentType(IInvocationOperation call)
        => ContentTypes.Argument(call.Arguments) is { } argument
            && !(argument.Value.ConstantValue is { HasValue: true, Value: null })
            && !(argument.Value.ConstantValue is { HasValue: true, Value: string type } && IsPlainJson(type));

    private static bool SetsContentType(IObjectCreationOperation creation)
    {
        if (creation.Initializer is null)
        {
            return false;
        }

        foreach (var member in creation.Initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlainJson(string type) => type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
}
