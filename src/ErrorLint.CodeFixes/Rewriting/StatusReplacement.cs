using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Replaces the expression that sets a status (<c>StatusCode(401)</c>'s argument, <c>Response.StatusCode = 401</c>'s value) and keeps the rest of the response.</summary>
internal static class StatusReplacement
{
    /// <summary>The new status spelled like the one it replaces: a literal stays a literal, anything else becomes <c>StatusCodes.*</c>.</summary>
    public static ExpressionSyntax SpelledLike(ExpressionSyntax original, int status)
        => original is LiteralExpressionSyntax
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(status))
            : StatusCodeSyntax.For(status);

    public static async Task<Document> ApplyAsync(Document document, SyntaxNode original, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(original, replacement.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation));
        return await Imports.AddAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
