using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Responses;
using ErrorLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>
/// EL0013: makes the problem details and the response agree, in either direction: set <c>Status</c> to the status
/// sent, or send the problem's status (changing the written status, <c>StatusCode(404, problem)</c> in a controller,
/// <c>Results.Problem(problem)</c> / <c>TypedResults.Problem(problem)</c> in a minimal API).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProblemDetailsStatusMismatchFixer))]
public sealed class ProblemDetailsStatusMismatchFixer : CodeFixProvider
{
    public const string UseResponseStatusKey = RuleIdentifiers.ProblemDetailsStatusMismatch + ".UseResponseStatus";
    public const string UseProblemStatusKey = RuleIdentifiers.ProblemDetailsStatusMismatch + ".UseProblemStatus";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ProblemDetailsStatusMismatch);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { StatusCode: { } sent } response)
                || ProblemDetailsStatusMismatchAnalyzer.Mismatch(response, model) is not { } mismatch)
            {
                continue;
            }

            if (StatusReplacement.Editable(mismatch.StatusWrite) is { } problemStatusSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Set ProblemDetails.Status to {sent}",
                        ct => StatusReplacement.ReplaceAsync(context.Document, problemStatusSyntax, sent, ct),
                        UseResponseStatusKey),
                    diagnostic);
            }

            RegisterUseProblemStatus(context, diagnostic, semanticModel, node, response, mismatch.ProblemStatus, model);
        }
    }

    private static void RegisterUseProblemStatus(
        CodeFixContext context, Diagnostic diagnostic, SemanticModel semanticModel, ExpressionSyntax node, HttpResponseInfo response, int problemStatus, ResponseModel model)
    {
        var title = $"Send status {problemStatus}";

        // The status is written as a value: StatusCode(500, problem), statusCode: 400, { StatusCode = 500 }, Response.StatusCode = 500.
        if (response.StatusOrigin == StatusOrigin.Explicit && StatusReplacement.Editable(response.StatusOperation) is { } statusSyntax)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => StatusReplacement.ReplaceAsync(context.Document, statusSyntax, problemStatus, ct), UseProblemStatusKey),
                diagnostic);
            return;
        }

        // The status is implied by the helper (BadRequest(problem)): send the problem with its own status.
        if (response.StatusOrigin != StatusOrigin.Implied || response.Body?.Syntax is not ExpressionSyntax problem)
        {
            return;
        }

        var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
        var (replacement, typeName) = FixStyles.For(response, containing, model.Types) switch
        {
            FixStyle.Controller when response.Style == ResponseStyle.Controller => (
                Invoke(SyntaxFactory.IdentifierName("StatusCode"), SyntaxFactory.Argument(StatusCodeSyntax.For(problemStatus)), SyntaxFactory.Argument(problem.WithoutTrivia())),
                "Microsoft.AspNetCore.Mvc.ObjectResult"),
            FixStyle.Results => (
                Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.Results", "Problem"), SyntaxFactory.Argument(problem.WithoutTrivia())),
                "Microsoft.AspNetCore.Http.IResult"),
            FixStyle.TypedResults => (
                Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.TypedResults", "Problem"), SyntaxFactory.Argument(problem.WithoutTrivia())),
                "Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"),
            _ => ((ExpressionSyntax?)null, string.Empty),
        };

        if (replacement is null || ResponseReplacer.TryPlan(semanticModel, node, typeName, context.CancellationToken) is not { } plan)
        {
            return;
        }

        context.RegisterCodeFix(CodeAction.Create(title, ct => plan.ApplyAsync(context.Document, replacement, ct), UseProblemStatusKey), diagnostic);
    }

    private static ExpressionSyntax Invoke(ExpressionSyntax target, params ArgumentSyntax[] arguments)
        => SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList((IEnumerable<ArgumentSyntax>)arguments)));
}
