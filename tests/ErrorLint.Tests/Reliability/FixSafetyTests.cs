using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Reliability.SelfTests;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Every fixer, on its rules' positive samples: every offered action compiles and removes its diagnostic
/// (<see cref="FixSafety"/>), and on the sample cut short after the flagged code the fixer neither throws while
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
            foreach (var framework in new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 })
            {
                applied += await FixSafety.AssertEveryActionIsSafeAsync(RuleCatalog.AnalyzersReporting(id), fixer, RuleSamples.Source(id), framework);
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
            var source = RuleSamples.Source(id);
            var test = new RuleSetTest(RuleCatalog.AnalyzersReporting(id), new[] { fixer }).WithSources(new[] { source });
            var initial = await test.AnalyzeAsync($"the {id} sample");
            var first = initial.AnalyzerDiagnostics.First(d => d.Id == id).Location.SourceSpan;

            foreach (var cut in CutsAfter(source, first.End))
            {
                var project = initial.Project.Documents.Single().WithText(Microsoft.CodeAnalysis.Text.SourceText.From(source[..cut])).Project;
                var result = await test.AnalyzeAsync(project, $"the {id} sample cut at {cut}");
                foreach (var diagnostic in OfferedActions.Fixable(fixer, result.AnalyzerDiagnostics))
                {
                    foreach (var action in await OfferedActions.ForAsync(test, fixer, project, diagnostic))
                    {
                        await OfferedActions.ApplyAsync(action, project.Solution);
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

    [Fact]
    public async Task The_fix_safety_pass_fails_on_an_action_that_breaks_the_build()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            FixSafety.AssertEveryActionIsSafeAsync(new[] { new OkCallAnalyzer() }, new BreakingFixer(), OkCallAnalyzer.Source, TargetFrameworks.AspNetCore10));
        Assert.Contains("does not compile", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CS0103", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fix_safety_pass_accepts_the_same_fixer_when_its_actions_compile()
    {
        Assert.Equal(1, await FixSafety.AssertEveryActionIsSafeAsync(new[] { new OkCallAnalyzer() }, new BreakingFixer(breaks: false), OkCallAnalyzer.Source, TargetFrameworks.AspNetCore10));
    }
}
