using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Adds the <c>using</c>s that fully qualified names written by a fix need. The workspace's own clean-up then
/// shortens the names (<see cref="Simplifier.Annotation"/>); code actions do not add imports for syntax by themselves.
/// </summary>
internal static class Imports
{
    public static async Task<Document> AddAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await ShortenImportedNamesAsync(document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The simplifier leaves some qualified names as they are (inside a <c>?:</c>, for one). Shorten every name the fix
    /// wrote whose simple name already binds to the same type here, so the output does not depend on where it landed.
    /// </summary>
    private static async Task<Document> ShortenImportedNamesAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var names = root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).OfType<QualifiedNameSyntax>().ToList();
        var shortened = names
            .Where(name => model.GetSymbolInfo(name, cancellationToken).Symbol is INamedTypeSymbol { IsGenericType: false } type
                && model.LookupNamespacesAndTypes(name.SpanStart, name: type.Name).Length == 1
                && SymbolEqualityComparer.Default.Equals(model.LookupNamespacesAndTypes(name.SpanStart, name: type.Name)[0], type))
            .ToList();
        if (shortened.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(shortened, (original, _) => SyntaxFactory.IdentifierName(original.Right.Identifier.ValueText).WithTriviaFrom(original));
        return document.WithSyntaxRoot(newRoot);
    }
}
