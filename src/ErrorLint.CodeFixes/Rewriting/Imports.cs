using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Adds the <c>using</c>s that fully qualified names written by a fix need. The workspace's own clean-up then
/// shortens the names (<see cref="Simplifier.Annotation"/>); code actions do not add imports for syntax by themselves.
/// </summary>
internal static class Imports
{
    public static Task<Document> AddAsync(Document document, CancellationToken cancellationToken)
        => ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);
}
