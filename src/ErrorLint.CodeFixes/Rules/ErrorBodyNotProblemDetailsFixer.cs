using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0012: rewrites the error response to problem details with the same status, carrying the message over as
/// <c>detail</c>; validation state becomes <c>ValidationProblem(ModelState)</c>. Offered only when nothing in
/// the body would be lost.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorBodyNotProblemDetailsFixer))]
public sealed class ErrorBodyNotProblemDetailsFixer : CodeFixProvider
{
    public const string ProblemKey = RuleIdentifiers.ErrorBodyNotProblemDetails + ".Problem";
    public const string ValidationProblemKey = RuleIdentifiers.ErrorBodyNotProblemDetails + ".ValidationProblem";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ErrorBodyNotProblemDetails);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { StatusCode: { } status, Body: { } body } response))
            {
                continue;
            }

            var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
            if (NonProblemBody.Classify(body, model.Types, options) is not { } nonProblem)
            {
                continue;
            }

            var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
            var style = FixStyles.For(response, containing, model.Types);
            BuildReplacement(response, nonProblem, style, status)?.Register(context, diagnostic, semanticModel, node);
        }
    }

    private static ProblemReplacement? BuildReplacement(HttpResponseInfo response, NonProblemBody body, FixStyle style, int status)
    {
        ExpressionSyntax? httpContext = null;
        if (style == FixStyle.HttpResponse)
        {
            httpContext = response.Kind == ResponseKind.Write ? ResponseAccess.HttpContextOf(response) : null;
            if (httpContext is null)
            {
                return null;
            }
        }

        if (body.Kind == NonProblemBodyKind.ValidationState)
        {
            // ModelState keeps its field errors in ValidationProblem; other validation shapes need a human.
            if (style != FixStyle.Controller || response.Body?.Type?.Name != "ModelStateDictionary" || response.Body.Syntax is not ExpressionSyntax modelState)
            {
                return null;
            }

            return new ProblemReplacement(
                ProblemResponseSyntax.ValidationProblem(style, modelState.WithoutTrivia(), status),
                "Microsoft.AspNetCore.Mvc.ActionResult",
                $"Return ValidationProblem ({status})",
                ValidationProblemKey);
        }

        if (body.SoleMessage?.Syntax is not ExpressionSyntax detail)
        {
            return null;
        }

        var typeName = ProblemReplacement.ProblemTypeName(style);
        return new ProblemReplacement(
            ProblemResponseSyntax.Problem(style, detail.WithoutTrivia(), status, httpContext),
            typeName,
            $"Return problem details with status {status}",
            ProblemKey);
    }
}
