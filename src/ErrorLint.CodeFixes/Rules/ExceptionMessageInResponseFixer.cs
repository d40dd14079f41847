using System.Collections.Immutable;
using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rewriting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.CodeFixes.Rules;

/// <summary>EL0010: sends a neutral message instead of the exception message, logging the exception where a logger is in scope.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionMessageInResponseFixer))]
public sealed class ExceptionMessageInResponseFixer : CodeFixProvider
{
    public const string GenericMessageKey = RuleIdentifiers.ExceptionMessageInResponse + ".GenericMessage";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ExceptionMessageInResponse);

    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (ExceptionLeakRewriter.TryPlan(model, root, diagnostic, context.CancellationToken) is { } plan)
            {
                var title = plan.Logs ? "Send a generic message and log the exception" : "Send a generic message";
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(plan.Apply(context.Document, root)), GenericMessageKey),
                    diagnostic);
            }
        }
    }
}
