using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Measures what analysis allocates, which barely moves from run to run where wall time on a shared machine moves by a
/// third (<c>--allocations [actions] [--baseline path/to/ErrorLint.dll]</c>). Each configuration runs on a fresh
/// compilation, single-threaded, after a full collection; what an analyzer set adds is the pass's allocation less that of
/// a pass with the harness analyzer alone, which binds every member and builds its operations as any analyzer does.
/// </summary>
internal static class Allocations
{
    private const int Rounds = 3;

    public static async Task<int> RunAsync(int actions, string? baselinePath)
    {
        var workload = Program.Web(actions);
        var current = References.ErrorLintAnalyzers();
        var baseline = baselinePath is null ? ImmutableArray<DiagnosticAnalyzer>.Empty : Comparison.LoadAnalyzers(baselinePath, "baseline ErrorLint");
        var aspNetCore = References.AspNetCoreAnalyzers().Select(a => a.Analyzer).ToImmutableArray();

        // One unrecorded pass of everything, so that the runtime's own first-use allocations (JIT, type loading) are not counted.
        await Pass(workload, current.AddRange(baseline).AddRange(aspNetCore)).ConfigureAwait(false);

        var compile = Compile(workload);
        var floor = await Pass(workload, ImmutableArray<DiagnosticAnalyzer>.Empty).ConfigureAwait(false);
        var aspNetCoreAdds = await Pass(workload, aspNetCore).ConfigureAwait(false) - floor;
        var errorLintAdds = await Pass(workload, current).ConfigureAwait(false) - floor;
        var again = await Pass(workload, current).ConfigureAwait(false) - floor;

        Console.WriteLine(Program.Invariant($"{workload.Actions:N0} actions; allocation in MB, single-threaded, each pass on a fresh compilation after a full collection."));
        Console.WriteLine();
        Console.WriteLine("| Compiling allocates | ASP.NET Core's analyzers add | ErrorLint adds | again | ErrorLint / compile | ErrorLint / ASP.NET Core |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Program.Invariant(
            $"| {Mb(compile)} | {Mb(aspNetCoreAdds)} | {Mb(errorLintAdds)} | {Mb(again)} | {errorLintAdds * 100.0 / compile:N2} % | {errorLintAdds * 100.0 / aspNetCoreAdds:N2} % |"));
        Console.WriteLine();

        var rows = new List<(string Name, long Current, long? Baseline)>();
        foreach (var rule in current)
        {
            var name = Measurement.NameOf(rule);
            var currentBytes = await Pass(workload, ImmutableArray.Create(rule)).ConfigureAwait(false) - floor;
            long? baselineBytes = null;
            if (baseline.FirstOrDefault(b => Measurement.NameOf(b) == name) is { } old)
            {
                baselineBytes = await Pass(workload, ImmutableArray.Create(old)).ConfigureAwait(false) - floor;
            }

            rows.Add((name, currentBytes, baselineBytes));
        }

        long? baselineAll = baseline.IsEmpty ? null : await Pass(workload, baseline).ConfigureAwait(false) - floor;
        Console.WriteLine(baseline.IsEmpty ? "| Rule, alone | MB |" : "| Rule, alone | Baseline (MB) | This build (MB) | Change |");
        Console.WriteLine(baseline.IsEmpty ? "|---|---:|" : "|---|---:|---:|---:|");
        foreach (var (name, bytes, old) in rows.Append(("**all rules together**", errorLintAdds, baselineAll)))
        {
            // A rule the baseline build does not have gets a dash in its columns, so the table keeps its shape.
            Console.WriteLine(old is { } before
                ? Program.Invariant($"| {name} | {Mb(before)} | {Mb(bytes)} | {(before > 0 ? $"{(bytes - before) * 100.0 / before:+0.0;-0.0;0.0} %" : "n/a")} |")
                : baseline.IsEmpty ? Program.Invariant($"| {name} | {Mb(bytes)} |") : Program.Invariant($"| {name} | — | {Mb(bytes)} | new |"));
        }

        return 0;
    }

    /// <summary>
    /// The main run's allocation figures at one size. A pass's total moves by a few hundred kilobytes from pass to pass
    /// (the compiler binds on one thread while the driver's tasks wait on it), so each set's addition is the median of
    /// <see cref="Rounds"/> rounds of a harness pass, an ASP.NET Core pass and an ErrorLint pass, taken in turn. Each
    /// rule's share is counted on the analyzer's own thread in one more pass, which moves by a fraction of a percent.
    /// </summary>
    public static async Task<AllocationResult> MeasureAsync(Workload workload, ImmutableArray<DiagnosticAnalyzer> errorLint, ImmutableArray<DiagnosticAnalyzer> aspNetCore)
    {
        var compile = Compile(workload);
        var aspNetCoreAdds = new List<long>();
        var errorLintAdds = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var floor = await Pass(workload, ImmutableArray<DiagnosticAnalyzer>.Empty).ConfigureAwait(false);
            aspNetCoreAdds.Add(await Pass(workload, aspNetCore).ConfigureAwait(false) - floor);
            errorLintAdds.Add(await Pass(workload, errorLint).ConfigureAwait(false) - floor);
        }

        // All rules in one pass, as they run in a build. What the driver allocates for a rule (its actions, its
        // diagnostics' bookkeeping) falls outside every callback.
        var metered = errorLint.Select(r => new MeteredAnalyzer(r)).ToImmutableArray();
        await Pass(workload, metered.CastArray<DiagnosticAnalyzer>()).ConfigureAwait(false);
        var perRule = metered.ToDictionary(m => m.Name, m => m.TakeBytes(), StringComparer.Ordinal);
        return new AllocationResult(compile, Median(aspNetCoreAdds), Median(errorLintAdds), errorLintAdds.Min(), errorLintAdds.Max(), perRule);
    }

    /// <summary>What compiling a fresh compilation allocates: binding every member and reporting every compiler diagnostic.</summary>
    public static long Compile(Workload workload)
    {
        Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        _ = workload.CompileFreshlyParsed().GetDiagnostics();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>What one analyzer pass over a fresh compilation allocates, the harness analyzer included.</summary>
    public static async Task<long> Pass(Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = workload.CompileFreshlyParsed();
        _ = compilation.Assembly;
        var all = ImmutableArray.Create<DiagnosticAnalyzer>(new BaselineAnalyzer()).AddRange(analyzers);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        _ = await compilation.WithAnalyzers(all, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static long Median(List<long> values) => (long)Measurement.Median(values.Select(v => (double)v));

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N2", CultureInfo.InvariantCulture);

    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

/// <summary>
/// What one size of the main run allocates, in bytes: the analyzer sets' figures are medians of what they add to the
/// harness pass, with the lowest and highest of ErrorLint's; each rule's is what its callbacks allocated.
/// </summary>
internal sealed record AllocationResult(long Compile, long AspNetCore, long ErrorLint, long ErrorLintLowest, long ErrorLintHighest, IReadOnlyDictionary<string, long> PerRule)
{
    public long ErrorLintCallbacks => PerRule.Values.Sum();
}
