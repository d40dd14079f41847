using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// A test-only fixer that leaves the tidying to annotations, as real fixes should: Ok(x) becomes
    /// "new global::System.Text.StringBuilder(  )", the type (from SyntaxGenerator, which marks it for
    /// simplification) marked for import adding, the whole marked for formatting.
    /// </summary>
    public sealed class AnnotatedFixer : CodeFixProvider
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

            context.RegisterCodeFix(
                CodeAction.Create("Use a StringBuilder", ct => ReplaceAsync(context.Document, invocation, ct), "TST0001.StringBuilder"),
                context.Diagnostics);
        }

        private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var type = model!.Compilation.GetTypeByMetadataName("System.Text.StringBuilder")!;
            var generator = SyntaxGenerator.GetGenerator(document);
            var typeName = generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
            var replacement = ((ObjectCreationExpressionSyntax)generator.ObjectCreationExpression(typeName))
                .WithArgumentList(SyntaxFactory.ParseArgumentList("(  )"))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return await OkSyntax.ReplaceAsync(document, invocation, replacement, cancellationToken).ConfigureAwait(false);
        }
    }
}
