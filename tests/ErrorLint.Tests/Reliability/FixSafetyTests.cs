using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Fixes = ErrorLint.Tests.Verification.CodeFixes;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Every fixer, on its rules' positive samples: every offered action compiles and removes its diagnostic (the
/// verifier's own check), and on the sample cut short after the flagged code the fixer neither throws while
/// registering nor while computing an action's changes.
/// </summary>
public sealed class FixSafetyTests
{
    private const int CutsAfterTheDiagnostic = 6;

    [Theory]
    [MemberData(nameof(RuleCatalog.FixerNames), MemberType = typeof(RuleCatalog))]
    public async Task Every_action_on_the_positive_samples_compiles(string fixerName)
    {
        var fixer = RuleCatalog.Fixer(fixerName);
        var applied = 0;
        foreach (var id in SampledIds(fixer))
        {
            var analyzers = RuleCatalog.AnalyzersReporting(id);
            foreach (var framework in new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 })
            {
                var project = TestProject.Create(new[] { RuleSamples.Source(id) }, framework, null, OutputKind.DynamicallyLinkedLibrary, analyzers);
                var initial = (await Analysis.RunAsync(project, analyzers, includeCompilerDiagnostics: true)).ThrowIfAnalyzerFailed($"the {id} sample");
                applied += await VerificationRun.AssertEveryActionIsSafeAsync(analyzers, fixer, initial, checkDiagnosticRemoved: true);
            }
        }

        Assert.True(applied > 0, $"{fixerName} offers no action on the positive samples of {string.Join(", ", fixer.FixableDiagnosticIds)}: the test proves nothing.");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.FixerNames), MemberType = typeof(RuleCatalog))]
    public async Task Fixer_does_not_throw_on_the_sample_cut_short_after_the_diagnostic(string fixerName)
    {
        var fixer = RuleCatalog.Fixer(fixerName);
        foreach (var id in SampledIds(fixer))
        {
            var analyzers = RuleCatalog.AnalyzersReporting(id);
            var source = RuleSamples.Source(id);
            var baseProject = TestProject.Create(new[] { source }, TargetFrameworks.AspNetCore10, null, OutputKind.DynamicallyLinkedLibrary, analyzers);
            var initial = (await Analysis.RunAsync(baseProject, analyzers, includeCompilerDiagnostics: false)).ThrowIfAnalyzerFailed($"the {id} sample");
            var first = initial.AnalyzerDiagnostics.First(d => d.Id == id).Location.SourceSpan;

            foreach (var cut in CutsAfter(source, first.End))
            {
                var document = baseProject.Documents.Single();
                var project = document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(source[..cut])).Project;
                var result = (await Analysis.RunAsync(project, analyzers, includeCompilerDiagnostics: false)).ThrowIfAnalyzerFailed($"the {id} sample cut at {cut}");
                foreach (var diagnostic in Fixes.Fixable(fixer, result.AnalyzerDiagnostics))
                {
                    foreach (var action in await Fixes.GetActionsAsync(fixer, project, diagnostic))
                    {
                        await Fixes.ApplyAsync(action, project.Solution);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> SampledIds(CodeFixProvider fixer) =>
        fixer.FixableDiagnosticIds.Where(RuleSamples.Positive.ContainsKey).Where(id => !RuleCatalog.AnalyzersReporting(id).IsEmpty);

    // Where typing could stop once the flagged code exists: right at its end and after each of the next tokens.
    private static IEnumerable<int> CutsAfter(string source, int end) =>
        new[] { end }.Concat(CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
                .Where(t => t.SpanStart >= end && t.Span.Length > 0)
                .Take(CutsAfterTheDiagnostic)
                .Select(t => t.Span.End))
            .Where(c => c < source.Length)
            .Distinct();
}
