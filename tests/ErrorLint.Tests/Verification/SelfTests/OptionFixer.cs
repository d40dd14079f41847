using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A test-only fixer that reads its replacement method name from errorlint_selftest.replacement, as the IDE passes it.</summary>
    public sealed class OptionFixer : CodeFixProvider
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

            var options = context.Document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(invocation.SyntaxTree);
            var name = options.TryGetValue("errorlint_selftest.replacement", out var value) ? value : "NoContent";
            context.RegisterCodeFix(OkSyntax.Action(context.Document, invocation, $"Use {name}()", "TST0001.Configured", OkSyntax.Rename(invocation, name)), context.Diagnostics);
        }
    }
}
