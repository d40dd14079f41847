using System;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Reliability.SelfTests;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Every rule's analyzers and fixers on half-typed versions of the rule's positive sample (<see cref="TypingSimulation"/>),
/// and the proof that the simulation catches an analyzer that only breaks on half-typed code.
/// </summary>
public sealed class TypingSimulationTests
{
    [Theory]
    [MemberData(nameof(RuleSamples.RuleIds), MemberType = typeof(RuleSamples))]
    public async Task No_analyzer_or_fixer_throws_on_half_typed_versions_of_the_sample(string id)
    {
        var fixers = RuleCatalog.Fixers.Where(f => f.FixableDiagnosticIds.Contains(id));
        var variants = await TypingSimulation.RunAsync(RuleCatalog.AnalyzersReporting(id), fixers, RuleSamples.Source(id));
        Assert.True(variants >= 40, $"Only {variants} variants of the {id} sample were tried.");
    }

    [Fact]
    public async Task The_typing_simulation_fails_on_an_analyzer_that_throws_on_a_prefix()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            TypingSimulation.RunAsync(new[] { new PrefixThrowingAnalyzer() }, Array.Empty<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider>(), OkCallAnalyzer.Source));
        Assert.Contains("AD0001", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the prefix ending at", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_source_passes_the_typing_simulation_with_a_robust_analyzer() =>
        Assert.True(await TypingSimulation.RunAsync(new[] { new OkCallAnalyzer() }, new[] { new BreakingFixer() }, OkCallAnalyzer.Source) > 0);
}
