using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0005: challenges (401) the anonymous request instead of forbidding it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForbiddenForAnonymousRequestFixer))]
public sealed class ForbiddenForAnonymousRequestFixer : CodeFixProvider
{
    public const string ChallengeKey = RuleIdentifiers.ForbiddenForAnonymousRequest + ".Challenge";
    public const string UnauthorizedKey = RuleIdentifiers.ForbiddenForAnonymousRequest + ".Unauthorized";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ForbiddenForAnonymousRequest);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixDocument.ReadAsync(context).ConfigureAwait(false) is not { Root: var root, SemanticModel: var semanticModel, Model: var model } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (document.ResponseAt(diagnostic, context.CancellationToken) is not (var node, var operation, { StatusCode: 403 } response))
            {
                continue;
            }

            // StatusCode(403), Response.StatusCode = 403: change the status, keep the rest.
            if (response.StatusOperation?.Syntax is ExpressionSyntax status)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Answer 401 Unauthorized", ct => StatusReplacement.ReplaceAsync(context.Document, status, 401, ct), UnauthorizedKey),
                    diagnostic);
                continue;
            }

            if (node is not ExpressionSyntax expression || response.Kind != ResponseKind.Forbid || response.ThroughHelper is not null)
            {
                continue;
            }

            // Forbid(...) and Challenge(...) take the same arguments in every style: keep them.
            var arguments = expression switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                ObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            Register(context, diagnostic, semanticModel, expression, response.Style, "Challenge", arguments, "Challenge the request (401)", ChallengeKey);
            if (arguments is null || arguments.Arguments.Count == 0)
            {
                Register(context, diagnostic, semanticModel, expression, response.Style, "Unauthorized", null, "Answer 401 Unauthorized", UnauthorizedKey);
            }
        }
    }

    private static void Register(
        CodeFixContext context, Diagnostic diagnostic, SemanticModel semanticModel, ExpressionSyntax expression, ResponseStyle style,
        string helper, ArgumentListSyntax? arguments, string title, string key)
    {
        if (AuthResponseSyntax.Helper(style, helper, arguments?.WithoutTrivia()) is not { } replacement
            || AuthResponseSyntax.TypeName(style, helper) is not { } typeName
            || ResponseReplacer.TryPlan(semanticModel, expression, typeName, context.CancellationToken) is not { } plan)
        {
            return;
        }

        context.RegisterCodeFix(CodeAction.Create(title, ct => plan.ApplyAsync(context.Document, replacement, ct), key), diagnostic);
    }
}
