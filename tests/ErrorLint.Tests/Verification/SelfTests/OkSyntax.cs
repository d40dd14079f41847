using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>Shared plumbing of the test-only fixers: find the flagged Ok(...) call and replace it.</summary>
    internal static class OkSyntax
    {
        public static async Task<InvocationExpressionSyntax?> FindAsync(Document document, RoslynDiagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        }

        public static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(root!.ReplaceNode(node, replacement.WithTriviaFrom(node)));
        }

        /// <summary>The call with its method name replaced (keeping any receiver) and the given arguments.</summary>
        public static InvocationExpressionSyntax Rename(InvocationExpressionSyntax invocation, string name, params ExpressionSyntax[] arguments)
        {
            var identifier = SyntaxFactory.IdentifierName(name);
            ExpressionSyntax expression = invocation.Expression is MemberAccessExpressionSyntax member ? member.WithName(identifier) : identifier;
            return invocation
                .WithExpression(expression)
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));
        }

        public static CodeAction Action(Document document, InvocationExpressionSyntax invocation, string title, string key, SyntaxNode replacement) =>
            CodeAction.Create(title, ct => ReplaceAsync(document, invocation, replacement, ct), key);
    }
}
