using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// A test-only fixer that works on finished code but throws when the file has a syntax error, as half-typed
    /// code always has: only the typing simulation shows it.
    /// </summary>
    public sealed class FragileFixer : CodeFixProvider
    {
        public const string Message = "fixer failure on broken code";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root!.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException(Message);
            }

            var invocation = await OkSyntax.FindAsync(context.Document, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false);
            if (invocation is not null)
            {
                context.RegisterCodeFix(OkSyntax.Action(context.Document, invocation, "Use NoContent()", NoContentFixer.NoContentKey, OkSyntax.Rename(invocation, "NoContent")), context.Diagnostics);
            }
        }
    }
}
