using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Asks a fixer for every action it offers and applies one the way an IDE does: the passes that try every offered
/// action, not just the one a rule test picks.
/// </summary>
internal static class OfferedActions
{
    /// <summary>The diagnostics among <paramref name="diagnostics"/> that <paramref name="fixer"/> handles.</summary>
    public static IEnumerable<Diagnostic> Fixable(CodeFixProvider fixer, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource);

    /// <summary>Every action <paramref name="fixer"/> registers for <paramref name="diagnostic"/>, nested actions flattened.</summary>
    public static async Task<ImmutableArray<CodeAction>> ForAsync(RuleSetTest test, CodeFixProvider fixer, Project project, Diagnostic diagnostic, CancellationToken cancellationToken = default)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree)
            ?? throw new InvalidOperationException($"No document holds {diagnostic}.");
        var actions = new List<CodeAction>();
        try
        {
            await fixer.RegisterCodeFixesAsync(test.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{fixer.GetType().Name}.RegisterCodeFixesAsync threw for {diagnostic}", exception);
        }

        return Flatten(actions).ToImmutableArray();
    }

    /// <summary>
    /// The solution after <paramref name="action"/>: its operations computed as an IDE computes them (simplifier,
    /// formatter and imports annotations resolved), exactly one change to this solution.
    /// </summary>
    public static async Task<Solution> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken = default)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Code action '{action.Title}' threw while computing its changes", exception);
        }

        var changes = operations.OfType<ApplyChangesOperation>().ToList();
        if (changes.Count != 1 || changes[0].ChangedSolution.Id != solution.Id)
        {
            throw new InvalidOperationException($"Code action '{action.Title}' must change this solution exactly once; it has {changes.Count} change operation(s).");
        }

        return changes[0].ChangedSolution;
    }

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
        actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? new[] { a } : Flatten(a.NestedActions));
}
