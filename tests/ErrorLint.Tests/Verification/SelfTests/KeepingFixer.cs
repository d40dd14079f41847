using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A broken test-only fixer: its action only adds a comment, so the diagnostic it was offered for stays.</summary>
    public sealed class KeepingFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var invocation = await OkSyntax.FindAsync(context.Document, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false);
            if (invocation is null)
            {
                return;
            }

            var commented = invocation.WithLeadingTrivia(invocation.GetLeadingTrivia().Add(SyntaxFactory.Comment("/* checked */ ")));
            context.RegisterCodeFix(
                Microsoft.CodeAnalysis.CodeActions.CodeAction.Create(
                    "Mark as checked",
                    ct => OkSyntax.ReplaceAsync(context.Document, invocation, commented, ct),
                    "TST0001.Comment"),
                context.Diagnostics);
        }
    }
}
