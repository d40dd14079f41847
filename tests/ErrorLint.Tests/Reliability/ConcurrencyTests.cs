using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// The rules share per-compilation and per-member state (the walk of each member, the member the driver is on, the
/// helper summaries). With concurrent execution the driver runs them on several threads at once: they must report
/// exactly what they report one at a time.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int CopiesOfEachSample = 4;
    private const int ConcurrentRuns = 4;

    [Fact]
    public async Task Concurrent_analysis_reports_what_sequential_analysis_reports()
    {
        var sources = Sources();
        var sequential = await DiagnosticsAsync(sources, concurrentAnalysis: false);
        Assert.Equal(
            RuleSamples.Positive.Keys.OrderBy(id => id, System.StringComparer.Ordinal),
            sequential.Select(d => d.Split(' ')[0]).Distinct().OrderBy(id => id, System.StringComparer.Ordinal));

        for (var run = 0; run < ConcurrentRuns; run++)
        {
            var concurrent = await DiagnosticsAsync(sources, concurrentAnalysis: true);
            Assert.Equal(sequential, concurrent);
        }
    }

    /// <summary>Every rule's sample several times over, each copy in a namespace of its own, one file each.</summary>
    private static List<string> Sources()
    {
        var sources = new List<string>();
        var copy = 0;
        foreach (var id in RuleSamples.Positive.Keys.OrderBy(id => id, System.StringComparer.Ordinal))
        {
            for (var i = 0; i < CopiesOfEachSample; i++)
            {
                sources.Add(RuleSamples.Source(id).Replace(
                    "public interface IOrderStore", $"namespace Sample{copy++};\n\npublic interface IOrderStore", System.StringComparison.Ordinal));
            }
        }

        return sources;
    }

    /// <summary>The analyzers' diagnostics on a fresh project, so no state is carried over from an earlier run.</summary>
    private static async Task<List<string>> DiagnosticsAsync(List<string> sources, bool concurrentAnalysis)
    {
        var result = await new RuleSetTest(RuleCatalog.Analyzers) { ConcurrentAnalysis = concurrentAnalysis }.WithSources(sources)
            .AnalyzeAsync(concurrentAnalysis ? "concurrent analysis" : "sequential analysis");
        Assert.Empty(result.CompilerErrors);
        return result.AnalyzerDiagnostics
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToList();
    }
}
