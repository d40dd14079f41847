using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Responses;
using ErrorLint.Rules;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0004: answers 403 (<c>Forbid()</c>) instead of 401, or splits into Challenge/Forbid where the branch is also reached anonymously.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnauthorizedForAuthenticatedUserFixer))]
public sealed class UnauthorizedForAuthenticatedUserFixer : CodeFixProvider
{
    public const string ForbidKey = RuleIdentifiers.UnauthorizedForAuthenticatedUser + ".Forbid";
    public const string ChallengeOrForbidKey = RuleIdentifiers.UnauthorizedForAuthenticatedUser + ".ChallengeOrForbid";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnauthorizedForAuthenticatedUser);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { StatusCode: 401 } response))
            {
                continue;
            }

            var reachableAnonymously = diagnostic.Properties.ContainsKey(UnauthorizedForAuthenticatedUserAnalyzer.ReachableAnonymouslyProperty);
            if (reachableAnonymously)
            {
                var principal = PrincipalSyntax(semanticModel, node, operation, model, context.CancellationToken);
                if (principal is not null)
                {
                    RegisterSplit(context, diagnostic, semanticModel, node, response, principal);
                }
            }
            else
            {
                RegisterForbid(context, diagnostic, semanticModel, node, response);
            }
        }
    }

    private static void RegisterForbid(CodeFixContext context, Diagnostic diagnostic, SemanticModel semanticModel, SyntaxNode node, HttpResponseInfo response)
    {
        const string title = "Answer 403 Forbidden";

        // StatusCode(401, body), Response.StatusCode = 401, new ObjectResult(x) { StatusCode = 401 }: change the status, keep the rest.
        if (response.StatusOperation?.Syntax is ExpressionSyntax status)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => StatusReplacement.ReplaceAsync(context.Document, status, 403, ct), ForbidKey),
                diagnostic);
            return;
        }

        if (node is not ExpressionSyntax expression || HasBody(response))
        {
            return;
        }

        if (AuthResponseSyntax.Helper(response.Style, "Forbid") is not { } forbid
            || AuthResponseSyntax.TypeName(response.Style, "Forbid") is not { } typeName
            || ResponseReplacer.TryPlan(semanticModel, expression, typeName, context.CancellationToken) is not { } plan)
        {
            return;
        }

        context.RegisterCodeFix(CodeAction.Create(title, ct => plan.ApplyAsync(context.Document, forbid, ct), ForbidKey), diagnostic);
    }

    private static void RegisterSplit(
        CodeFixContext context, Diagnostic diagnostic, SemanticModel semanticModel, SyntaxNode node, HttpResponseInfo response, ExpressionSyntax principal)
    {
        const string title = "Answer 403 Forbidden to a signed-in user, else challenge";
        if (response.StatusOperation?.Syntax is ExpressionSyntax status)
        {
            var split = AuthResponseSyntax.WhenSignedIn(principal, StatusReplacement.SpelledLike(status, 403), StatusReplacement.SpelledLike(status, 401));
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => StatusReplacement.ApplyAsync(context.Document, status, split, ct), ChallengeOrForbidKey),
                diagnostic);
            return;
        }

        // TypedResults.Forbid() and TypedResults.Challenge() have no common type short of a Results<...> union: no split there.
        if (node is not ExpressionSyntax expression || HasBody(response) || response.Style == ResponseStyle.TypedResults)
        {
            return;
        }

        if (AuthResponseSyntax.Helper(response.Style, "Forbid") is not { } forbid
            || AuthResponseSyntax.Helper(response.Style, "Challenge") is not { } challenge)
        {
            return;
        }

        var typeName = response.Style == ResponseStyle.Results ? "Microsoft.AspNetCore.Http.IResult" : "Microsoft.AspNetCore.Mvc.ActionResult";
        if (ResponseReplacer.TryPlan(semanticModel, expression, typeName, context.CancellationToken) is not { } plan)
        {
            return;
        }

        var replacement = AuthResponseSyntax.WhenSignedIn(principal, forbid, challenge);
        context.RegisterCodeFix(CodeAction.Create(title, ct => plan.ApplyAsync(context.Document, replacement, ct), ChallengeOrForbidKey), diagnostic);
    }

    /// <summary><c>User</c> in a controller or page model; else the principal the checks on the path name (<c>context.User</c>, <c>user</c>).</summary>
    private static ExpressionSyntax? PrincipalSyntax(SemanticModel semanticModel, SyntaxNode node, IOperation operation, ResponseModel model, System.Threading.CancellationToken cancellationToken)
    {
        var containingType = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
        if (containingType.InheritsFrom(model.Types.ControllerBase) || containingType.InheritsFrom(model.Types.PageModel))
        {
            return SyntaxFactory.IdentifierName("User");
        }

        return (model.Authentication.OnPathTo(operation).Principal()?.Syntax as ExpressionSyntax)?.WithoutTrivia();
    }

    /// <summary><c>Unauthorized(body)</c>: <c>Forbid()</c> would drop the body, so no helper swap is offered.</summary>
    private static bool HasBody(HttpResponseInfo response) => response.Body is not null;
}
