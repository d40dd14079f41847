using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// What the framework's fix checks leave out: a rule test applies the one action it picks, but a user may pick
/// any. Every action <c>fixer</c> offers for the diagnostics in a source that compiles is applied on its own; each
/// result must compile and report fewer diagnostics of the ID it was offered for.
/// </summary>
internal static class FixSafety
{
    /// <summary>Fails on the first unsafe action; returns how many actions were applied.</summary>
    public static async Task<int> AssertEveryActionIsSafeAsync(IEnumerable<DiagnosticAnalyzer> analyzers, CodeFixProvider fixer, string source, TargetFrameworks framework)
    {
        var test = new RuleSetTest(analyzers, new[] { fixer }) { Framework = framework }.WithSources(new[] { source });
        var initial = await test.AnalyzeAsync($"the source against {TestReferences.DisplayName(framework)}").ConfigureAwait(false);
        Assert.True(initial.CompilerErrors.IsEmpty, $"The source must compile, or a fix that breaks it goes unseen:{Environment.NewLine}{string.Join(Environment.NewLine, initial.CompilerErrors)}");
        var applied = 0;
        foreach (var diagnostic in OfferedActions.Fixable(fixer, initial.AnalyzerDiagnostics))
        {
            foreach (var action in await OfferedActions.ForAsync(test, fixer, initial.Project, diagnostic).ConfigureAwait(false))
            {
                var solution = await OfferedActions.ApplyAsync(action, initial.Project.Solution).ConfigureAwait(false);
                applied++;
                var what = $"the code after '{action.Title}' (offered for {diagnostic.Id} at {diagnostic.Location.GetLineSpan().Span}, against {TestReferences.DisplayName(framework)})";
                var after = await test.AnalyzeAsync(solution.GetProject(initial.Project.Id)!, what).ConfigureAwait(false);
                var fixedText = (await after.Project.Documents.Single(d => d.FilePath == diagnostic.Location.SourceTree!.FilePath).GetTextAsync().ConfigureAwait(false)).ToString();

                Assert.True(
                    after.CompilerErrors.IsEmpty,
                    $"{what} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, after.CompilerErrors)}{Environment.NewLine}{fixedText}");
                Assert.True(
                    after.AnalyzerDiagnostics.Count(d => d.Id == diagnostic.Id) < initial.AnalyzerDiagnostics.Count(d => d.Id == diagnostic.Id),
                    $"{what} still reports every {diagnostic.Id} it was offered for:{Environment.NewLine}{string.Join(Environment.NewLine, after.AnalyzerDiagnostics)}{Environment.NewLine}{fixedText}");
            }
        }

        return applied;
    }
}
