using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;

namespace ErrorLint.Tests.Reliability;

/// <summary>The table of positive samples covers every rule, and every sample compiles and really triggers its rule.</summary>
public sealed class RuleSampleTests
{
    [Fact]
    public void Every_rule_has_a_positive_sample()
    {
        var missing = RuleCatalog.Descriptors.Select(d => d.Id).Distinct().Where(id => !RuleSamples.Positive.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"Add a positive sample to RuleSamples.Positive for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(RuleSamples.RuleIds), MemberType = typeof(RuleSamples))]
    public async Task The_sample_compiles_and_triggers_its_rule(string id)
    {
        foreach (var framework in new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 })
        {
            var result = await new RuleSetTest(RuleCatalog.AnalyzersReporting(id)) { Framework = framework }.WithSources(new[] { RuleSamples.Source(id) })
                .AnalyzeAsync($"the {id} sample");
            Assert.Empty(result.CompilerErrors);
            Assert.True(result.AnalyzerDiagnostics.Any(d => d.Id == id), $"The {id} sample does not trigger {id} against {TestReferences.DisplayName(framework)}.");
        }
    }
}
