using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Rewrites a status written in the code (an argument, an initializer, an assignment) to another status.</summary>
internal static class StatusRewriter
{
    /// <summary>The status expression as syntax, when the code spells it as a plain expression that an <c>int</c> can replace.</summary>
    public static ExpressionSyntax? Editable(IOperation? statusOperation)
    {
        if (statusOperation?.Syntax is not ExpressionSyntax syntax || statusOperation.SemanticModel is not { } model)
        {
            return null;
        }

        // "(int)HttpStatusCode.X" is replaced as a whole; a nullable or int-typed parameter accepts StatusCodes.X.
        var converted = model.GetTypeInfo(syntax).ConvertedType;
        return converted is { SpecialType: SpecialType.System_Int32 } || converted is INamedTypeSymbol { SpecialType: SpecialType.None, IsValueType: true, TypeArguments.Length: 1 } nullable
            && nullable.TypeArguments[0].SpecialType == SpecialType.System_Int32
            ? syntax
            : null;
    }

    public static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax status, int newStatus, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(status, StatusCodeSyntax.For(newStatus).WithTriviaFrom(status).WithAdditionalAnnotations(Formatter.Annotation));
        return await Imports.AddAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
