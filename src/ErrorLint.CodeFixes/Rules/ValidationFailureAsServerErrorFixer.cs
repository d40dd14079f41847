using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0002: answers the invalid request with the configured validation status (400 or 422): <c>ValidationProblem(ModelState)</c>
/// or <c>Results.ValidationProblem(errors)</c> where validation state is at hand, else <c>Problem(..., statusCode: 400)</c>
/// when the body is only a message; a status written as a plain value (<c>Response.StatusCode = 500</c>, <c>statusCode: 500</c>)
/// is changed in place, and so is the status of a body with other data, which is never dropped.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValidationFailureAsServerErrorFixer))]
public sealed class ValidationFailureAsServerErrorFixer : CodeFixProvider
{
    public const string ValidationProblemKey = RuleIdentifiers.ValidationFailureAsServerError + ".ValidationProblem";
    public const string ProblemKey = RuleIdentifiers.ValidationFailureAsServerError + ".Problem";
    public const string StatusKey = RuleIdentifiers.ValidationFailureAsServerError + ".Status";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ValidationFailureAsServerError);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
        var status = options.ValidationStatus;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { } response))
            {
                continue;
            }

            // Response.StatusCode = 500 and ValidationProblem(..., statusCode: 500): the status alone is wrong.
            if (response.Kind is ResponseKind.StatusAssignment or ResponseKind.ValidationProblem
                && StatusReplacement.Editable(response.StatusOperation) is { } statusSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Send status {status}", ct => StatusReplacement.ReplaceAsync(context.Document, statusSyntax, status, ct), StatusKey),
                    diagnostic);
                continue;
            }

            var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
            var style = FixStyles.For(response, containing, model.Types);
            if (style == FixStyle.HttpResponse)
            {
                continue;
            }

            if (ValidationProblem(response, style, containing, model, semanticModel, status) is { } validationProblem)
            {
                validationProblem.Register(context, diagnostic, semanticModel, node);
            }
            else if (!SendsData(response))
            {
                Problem(response, style, status).Register(context, diagnostic, semanticModel, node);
            }
            else if (StatusReplacement.Editable(response.StatusOperation) is { } dataStatus)
            {
                // Field errors that ValidationProblem cannot take as they are (a list of ValidationResult, a
                // Dictionary<string, string>) stay in the body: only the status changes.
                context.RegisterCodeFix(
                    CodeAction.Create($"Send status {status}", ct => StatusReplacement.ReplaceAsync(context.Document, dataStatus, status, ct), StatusKey),
                    diagnostic);
            }
        }
    }

    /// <summary><c>ValidationProblem(ModelState)</c> in a controller, <c>Results.ValidationProblem(errors)</c> given an errors dictionary.</summary>
    private static ProblemReplacement? ValidationProblem(HttpResponseInfo response, FixStyle style, ISymbol? containing, ResponseModel model, SemanticModel semanticModel, int status)
    {
        var body = response.Body;
        if (style == FixStyle.Controller)
        {
            if (!(containing?.ContainingType).InheritsFrom(model.Types.ControllerBase) || containing is IMethodSymbol { IsStatic: true })
            {
                return null;
            }

            ExpressionSyntax? modelState = null;
            if ((body?.Type).InheritsFrom(model.Types.ModelStateDictionary) && body!.Syntax is ExpressionSyntax bodySyntax)
            {
                modelState = bodySyntax.WithoutTrivia();
            }
            else if (model.Validation.FailedCheck(response.Operation) is { IsControllerModelState: true })
            {
                modelState = SyntaxFactory.IdentifierName("ModelState");
            }

            return modelState is null
                ? null
                : new ProblemReplacement(
                    ProblemResponseSyntax.ValidationProblem(style, modelState, status, Message(response)),
                    "Microsoft.AspNetCore.Mvc.ActionResult",
                    $"Return ValidationProblem ({status})",
                    ValidationProblemKey);
        }

        if (style is FixStyle.Results or FixStyle.TypedResults
            && body?.Type is { } bodyType
            && body.Syntax is ExpressionSyntax errors
            && model.Types.Find("System.Collections.Generic.IDictionary`2") is { } dictionary
            && semanticModel.Compilation.GetSpecialType(SpecialType.System_String) is { } stringType)
        {
            var errorsType = dictionary.Construct(stringType, semanticModel.Compilation.CreateArrayTypeSymbol(stringType));
            if (semanticModel.Compilation.ClassifyConversion(bodyType, errorsType).IsImplicit)
            {
                return new ProblemReplacement(
                    ProblemResponseSyntax.ValidationProblem(style, errors.WithoutTrivia(), status),
                    style == FixStyle.TypedResults ? "Microsoft.AspNetCore.Http.HttpResults.ValidationProblem" : "Microsoft.AspNetCore.Http.IResult",
                    $"Return ValidationProblem ({status})",
                    ValidationProblemKey);
            }
        }

        return null;
    }

    /// <summary>Whether the body carries data a <c>Problem(...)</c> would drop: anything but a message (a string) or <c>null</c>.</summary>
    private static bool SendsData(HttpResponseInfo response)
        => response.Kind != ResponseKind.Problem
            && response.Body.WithoutImplicitConversions() is { } body
            && body.Type?.SpecialType != SpecialType.System_String
            && body.ConstantValue is not { HasValue: true, Value: null };

    /// <summary><c>Problem(detail: ..., statusCode: 400)</c>, keeping the message the response sent as its detail.</summary>
    private static ProblemReplacement Problem(HttpResponseInfo response, FixStyle style, int status)
    {
        var detail = Message(response);
        var typeName = style switch
        {
            FixStyle.Results => "Microsoft.AspNetCore.Http.IResult",
            FixStyle.TypedResults => "Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult",
            _ => "Microsoft.AspNetCore.Mvc.ObjectResult",
        };
        return new ProblemReplacement(ProblemResponseSyntax.Problem(style, detail, status), typeName, $"Return problem details with status {status}", ProblemKey);
    }

    /// <summary>The message the response sends: its <c>detail</c> argument, or a body that is a string.</summary>
    private static ExpressionSyntax? Message(HttpResponseInfo response)
        => DetailArgument(response)
            ?? (response.Body.WithoutImplicitConversions() is { Type.SpecialType: SpecialType.System_String, Syntax: ExpressionSyntax text } ? text.WithoutTrivia() : null);

    /// <summary>The <c>detail</c> a <c>Problem("...")</c> call already passes.</summary>
    private static ExpressionSyntax? DetailArgument(HttpResponseInfo response)
    {
        if (response.Operation is IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "detail" && argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Syntax is ExpressionSyntax detail)
                {
                    return detail.WithoutTrivia();
                }
            }
        }

        return null;
    }
}
