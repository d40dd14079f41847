using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// A broken test-only fixer: its first action (NoContent()) is fine, its second calls a method that does not
    /// exist. Tests that only pick the first action must still fail.
    /// </summary>
    public sealed class UncompilableFixer : CodeFixProvider
    {
        public const string BrokenKey = "TST0001.Missing";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var invocation = await OkSyntax.FindAsync(context.Document, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false);
            if (invocation is null)
            {
                return;
            }

            context.RegisterCodeFix(OkSyntax.Action(context.Document, invocation, "Use NoContent()", NoContentFixer.NoContentKey, OkSyntax.Rename(invocation, "NoContent")), context.Diagnostics);
            context.RegisterCodeFix(OkSyntax.Action(context.Document, invocation, "Use Missing()", BrokenKey, OkSyntax.Rename(invocation, "Missing")), context.Diagnostics);
        }
    }
}
