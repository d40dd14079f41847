using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Fix All that applies the fixer's own action to each diagnostic in turn, on the document the previous
/// fix produced. The batch fixer merges independently computed text changes and drops those that touch
/// the same place, and ErrorLint's fixes often do (the same <c>using</c>, the same <c>Results&lt;...&gt;</c>
/// return type); applying them in sequence gives exactly what fixing one by one gives.
/// </summary>
internal sealed class SequentialFixAllProvider : FixAllProvider
{
    public static readonly SequentialFixAllProvider Instance = new();

    private SequentialFixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var diagnosticsByDocument = new Dictionary<DocumentId, ImmutableArray<Diagnostic>>();
        foreach (var document in DocumentsInScope(fixAllContext))
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                diagnosticsByDocument[document.Id] = diagnostics;
            }
        }

        if (diagnosticsByDocument.Count == 0)
        {
            return null;
        }

        return CodeAction.Create(
            "Fix all occurrences of " + string.Join(", ", fixAllContext.DiagnosticIds),
            ct => FixAllAsync(fixAllContext, diagnosticsByDocument, ct),
            fixAllContext.CodeActionEquivalenceKey);
    }

    private static IEnumerable<Document> DocumentsInScope(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Document when context.Document is not null => new[] { context.Document },
        FixAllScope.Project => context.Project.Documents,
        FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
        _ => Enumerable.Empty<Document>(),
    };

    private static async Task<Solution> FixAllAsync(
        FixAllContext context, Dictionary<DocumentId, ImmutableArray<Diagnostic>> diagnosticsByDocument, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        foreach (var pair in diagnosticsByDocument)
        {
            solution = await FixDocumentAsync(context, solution, pair.Key, pair.Value, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static async Task<Solution> FixDocumentAsync(
        FixAllContext context, Solution solution, DocumentId documentId, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(documentId);
        var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (document is null || root is null)
        {
            return solution;
        }

        // Mark every diagnosed node, and the additional locations in this document (the other sites a diagnostic
        // stands for), so they can be found again after earlier fixes moved them.
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        var sites = new List<(Diagnostic Diagnostic, SyntaxAnnotation Mark, SyntaxAnnotation[] Additional)>();
        SyntaxAnnotation MarkAt(TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (!marks.TryGetValue(node, out var mark))
            {
                marks[node] = mark = new SyntaxAnnotation();
            }

            return mark;
        }

        var marked = new HashSet<SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var mark = MarkAt(diagnostic.Location.SourceSpan);
            if (marked.Add(mark))
            {
                var additional = diagnostic.AdditionalLocations
                    .Where(l => l.SourceTree == diagnostic.Location.SourceTree && l.SourceSpan.End <= root.FullSpan.End)
                    .Select(l => MarkAt(l.SourceSpan))
                    .ToArray();
                sites.Add((diagnostic, mark, additional));
            }
        }

        root = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
        solution = solution.WithDocumentSyntaxRoot(documentId, root);

        foreach (var (diagnostic, mark, additionalMarks) in sites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document = solution.GetDocument(documentId)!;
            var currentRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var node = currentRoot?.GetAnnotatedNodes(mark).FirstOrDefault();
            if (currentRoot is null || node is null || tree is null)
            {
                continue;
            }

            var additional = additionalMarks
                .Select(m => currentRoot.GetAnnotatedNodes(m).FirstOrDefault())
                .Where(n => n is not null)
                .Select(n => Location.Create(tree, n!.Span));
            var moved = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree, node.Span), additional, diagnostic.Properties);
            var action = await FindActionAsync(context, document, moved, cancellationToken).ConfigureAwait(false);
            if (action is null)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    solution = apply.ChangedSolution;
                }
            }
        }

        return solution;
    }

    private static async Task<CodeAction?> FindActionAsync(FixAllContext context, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var fixContext = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await context.CodeFixProvider.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
        return actions.FirstOrDefault(a => a.EquivalenceKey == context.CodeActionEquivalenceKey);
    }
}
