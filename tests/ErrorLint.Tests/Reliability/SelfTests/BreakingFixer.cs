using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.Tests.Reliability.SelfTests;

/// <summary>
/// A test-only fixer for <see cref="OkCallAnalyzer"/> with two actions: NoContent(), which compiles, and (unless
/// told not to break) Missing(), a method that does not exist. A test that picks only the first action passes.
/// </summary>
public sealed class BreakingFixer : CodeFixProvider
{
    private readonly bool breaks;

    public BreakingFixer()
        : this(breaks: true)
    {
    }

    public BreakingFixer(bool breaks) => this.breaks = breaks;

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(OkCallAnalyzer.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } invocation)
        {
            return;
        }

        Register("NoContent");
        if (breaks)
        {
            Register("Missing");
        }

        void Register(string method) => context.RegisterCodeFix(
            CodeAction.Create(
                $"Use {method}()",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, SyntaxFactory.ParseExpression(method + "()").WithTriviaFrom(invocation)))),
                method),
            context.Diagnostics);
    }
}
