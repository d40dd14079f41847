using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Replaces the expression that sets a status (<c>StatusCode(401)</c>'s argument, <c>Response.StatusCode = 401</c>'s value) and keeps the rest of the response.</summary>
internal static class StatusReplacement
{
    /// <summary>The new status spelled like the one it replaces: a literal stays a literal, anything else becomes <c>StatusCodes.*</c>.</summary>
    public static ExpressionSyntax SpelledLike(ExpressionSyntax original, int status)
        => original is LiteralExpressionSyntax
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(status))
            : StatusCodeSyntax.For(status);

    /// <summary>
    /// The status expression as syntax, when the code spells it as a value an <c>int</c> can replace (an <c>int</c>
    /// or <c>int?</c> argument, initializer or assignment; <c>(int)HttpStatusCode.X</c> is replaced as a whole).
    /// </summary>
    public static ExpressionSyntax? Editable(IOperation? statusOperation)
    {
        if (statusOperation?.Syntax is not ExpressionSyntax syntax || statusOperation.SemanticModel is not { } model)
        {
            return null;
        }

        var converted = model.GetTypeInfo(syntax).ConvertedType;
        return converted is { SpecialType: SpecialType.System_Int32 }
            || converted is INamedTypeSymbol { IsValueType: true, TypeArguments.Length: 1 } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Int32
            ? syntax
            : null;
    }

    /// <summary>Replaces a status expression with <paramref name="status"/>, spelled like the original.</summary>
    public static Task<Document> ReplaceAsync(Document document, ExpressionSyntax original, int status, CancellationToken cancellationToken)
        => ApplyAsync(document, original, SpelledLike(original, status), cancellationToken);

    /// <summary>Replaces a status expression with another <c>int</c> expression (a conditional choosing between two statuses).</summary>
    public static Task<Document> ApplyAsync(Document document, ExpressionSyntax original, ExpressionSyntax replacement, CancellationToken cancellationToken)
        => ResponseReplacer.Unchecked(original).ApplyAsync(document, replacement, cancellationToken);
}
