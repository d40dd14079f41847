using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// A broken test-only fixer: the single fix is right (Ok(x) becomes NoContent()), but its Fix All only fixes
    /// the first diagnostic of each document.
    /// </summary>
    public sealed class PartialFixAllFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
            var invocation = first is null ? null : await OkSyntax.FindAsync(document, first, context.CancellationToken).ConfigureAwait(false);
            return invocation is null ? document : await OkSyntax.ReplaceAsync(document, invocation, OkSyntax.Rename(invocation, "NoContent"), context.CancellationToken).ConfigureAwait(false);
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var invocation = await OkSyntax.FindAsync(context.Document, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false);
            if (invocation is not null)
            {
                context.RegisterCodeFix(OkSyntax.Action(context.Document, invocation, "Use NoContent()", NoContentFixer.NoContentKey, OkSyntax.Rename(invocation, "NoContent")), context.Diagnostics);
            }
        }
    }
}
