using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Applies one rewrite to several places of a document in turn, each on the document the previous one produced, for a
/// diagnostic that stands for several sites (sibling catches of one <c>try</c>). The sites are marked first so that
/// they are found again after earlier rewrites moved them, and each is read afresh (its semantics may have changed).
/// </summary>
internal static class EachSite
{
    public delegate Task<Document?> Rewrite(Document document, SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken);

    /// <summary>The diagnostic's location and its additional locations in the same document, in source order.</summary>
    public static IEnumerable<TextSpan> Of(Diagnostic diagnostic)
        => new[] { diagnostic.Location }
            .Concat(diagnostic.AdditionalLocations.Where(l => l.SourceTree == diagnostic.Location.SourceTree))
            .Select(l => l.SourceSpan)
            .Distinct()
            .OrderBy(span => span.Start);

    public static async Task<Document> ApplyAsync(Document document, IEnumerable<TextSpan> sites, Rewrite rewrite, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var span in sites)
        {
            if (span.End <= root.FullSpan.End && root.FindNode(span, getInnermostNodeForTie: true) is { } node && !marks.ContainsKey(node))
            {
                marks[node] = new SyntaxAnnotation();
            }
        }

        var order = marks.Values.ToArray();
        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
        foreach (var mark in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var currentRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (currentRoot?.GetAnnotatedNodes(mark).FirstOrDefault() is { } node && semanticModel is not null
                && await rewrite(document, node, semanticModel, cancellationToken).ConfigureAwait(false) is { } rewritten)
            {
                document = rewritten;
            }
        }

        return document;
    }
}
