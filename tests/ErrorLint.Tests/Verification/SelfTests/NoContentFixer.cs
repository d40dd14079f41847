using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// A well-behaved test-only fixer with two alternatives: Ok(x) becomes NoContent() (the first action) or
    /// StatusCode(204). It offers nothing for Ok() without arguments.
    /// </summary>
    public sealed class NoContentFixer : CodeFixProvider
    {
        public const string NoContentKey = "TST0001.NoContent";
        public const string StatusCodeKey = "TST0001.StatusCode";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkInvocationAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var invocation = await OkSyntax.FindAsync(context.Document, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false);
            if (invocation is null || invocation.ArgumentList.Arguments.Count == 0)
            {
                return;
            }

            context.RegisterCodeFix(
                OkSyntax.Action(context.Document, invocation, "Use NoContent()", NoContentKey, OkSyntax.Rename(invocation, "NoContent")),
                context.Diagnostics);
            context.RegisterCodeFix(
                OkSyntax.Action(context.Document, invocation, "Use StatusCode(204)", StatusCodeKey, OkSyntax.Rename(invocation, "StatusCode", Literal(204))),
                context.Diagnostics);
        }

        private static ExpressionSyntax Literal(int value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));
    }
}
