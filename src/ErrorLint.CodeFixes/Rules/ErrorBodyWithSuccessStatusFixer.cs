using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0001: rewrites the success response to problem details with the 4xx status the error means.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorBodyWithSuccessStatusFixer))]
public sealed class ErrorBodyWithSuccessStatusFixer : CodeFixProvider
{
    public const string ProblemKey = RuleIdentifiers.ErrorBodyWithSuccessStatus + ".Problem";
    public const string ValidationProblemKey = RuleIdentifiers.ErrorBodyWithSuccessStatus + ".ValidationProblem";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ErrorBodyWithSuccessStatus);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, _, { Body: { } body } response))
            {
                continue;
            }

            var options = ErrorLintOptions.For(context.Document.Project.AnalyzerOptions, root.SyntaxTree);
            if (ErrorBodyClassifier.Classify(body, model.Types, options) is not { } error)
            {
                continue;
            }

            var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
            var style = FixStyles.For(response, containing, model.Types);
            BuildReplacement(response, error, style, options)?.Register(context, diagnostic, semanticModel, node);
        }
    }

    private static ProblemReplacement? BuildReplacement(HttpResponseInfo response, ErrorBody error, FixStyle style, ErrorLintOptions options)
    {
        if (style == FixStyle.HttpResponse && response.Kind != ResponseKind.Write)
        {
            return null;
        }

        var httpContext = style == FixStyle.HttpResponse ? ResponseAccess.HttpContextOf(response) : null;
        if (style == FixStyle.HttpResponse && httpContext is null)
        {
            return null;
        }

        // Validation state keeps its field errors: ValidationProblem(ModelState) rather than a flat message.
        if (error.Kind == ErrorBodyKind.ValidationState
            && response.Body?.Type?.Name == "ModelStateDictionary"
            && style is FixStyle.Controller
            && response.Body.Syntax is ExpressionSyntax modelState)
        {
            return new ProblemReplacement(
                ProblemResponseSyntax.ValidationProblem(style, modelState.WithoutTrivia(), options.ValidationStatus),
                "Microsoft.AspNetCore.Mvc.ActionResult",
                $"Return ValidationProblem ({options.ValidationStatus})",
                ValidationProblemKey);
        }

        var status = error.Kind == ErrorBodyKind.ValidationState ? options.ValidationStatus : StatusInference.ClientErrorFor(response.Body);
        var detail = (error.Message?.Syntax as ExpressionSyntax)?.WithoutTrivia();
        var typeName = ProblemReplacement.ProblemTypeName(style);
        return new ProblemReplacement(
            ProblemResponseSyntax.Problem(style, detail, status, httpContext),
            typeName,
            $"Return problem details with status {status}",
            ProblemKey);
    }
}
