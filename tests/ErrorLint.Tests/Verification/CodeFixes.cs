using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification
{
    /// <summary>Asks a fixer for its actions and applies them the way an IDE does, turning fixer exceptions into failures.</summary>
    internal static class CodeFixes
    {
        public static ImmutableArray<RoslynDiagnostic> Fixable(CodeFixProvider fixer, ImmutableArray<RoslynDiagnostic> diagnostics)
        {
            var ids = fixer.FixableDiagnosticIds.ToImmutableHashSet();
            return diagnostics.Where(d => ids.Contains(d.Id) && d.Location.IsInSource).ToImmutableArray();
        }

        /// <summary>Every action the fixer registers for the diagnostic, nested actions flattened into the ones that change code.</summary>
        public static async Task<ImmutableArray<CodeAction>> GetActionsAsync(CodeFixProvider fixer, Project project, RoslynDiagnostic diagnostic, CancellationToken cancellationToken = default)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)
                ?? throw new InvalidOperationException($"No document for {diagnostic}.");
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            try
            {
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new VerificationFailedException(
                    $"{fixer.GetType().Name}.RegisterCodeFixesAsync threw for{Environment.NewLine}{DiagnosticDump.Describe(diagnostic)}{Environment.NewLine}{exception}",
                    exception);
            }

            return Flatten(actions).ToImmutableArray();
        }

        public static async Task<Solution> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken = default)
        {
            ImmutableArray<CodeActionOperation> operations;
            try
            {
                // GetOperationsAsync runs the action's post-processing: Simplifier, Formatter and add-imports
                // annotations are resolved here, exactly as when the IDE applies the fix.
                operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new VerificationFailedException($"Code action {Name(action)} threw while computing its changes:{Environment.NewLine}{exception}", exception);
            }

            var changes = operations.OfType<ApplyChangesOperation>().ToList();
            if (changes.Count != 1)
            {
                throw new VerificationFailedException($"Code action {Name(action)} produced {changes.Count} ApplyChangesOperation(s); exactly one is expected.");
            }

            var changed = changes[0].ChangedSolution;
            if (changed.Id != solution.Id)
            {
                throw new VerificationFailedException($"Code action {Name(action)} returned a different solution.");
            }

            return changed;
        }

        public static string Name(CodeAction action) =>
            string.Format(CultureInfo.InvariantCulture, "'{0}' (equivalence key: {1})", action.Title, action.EquivalenceKey is null ? "none" : "'" + action.EquivalenceKey + "'");

        private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
            actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? new[] { a } : Flatten(a.NestedActions));
    }
}
