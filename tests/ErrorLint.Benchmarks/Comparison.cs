using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using static ErrorLint.Benchmarks.Program;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Measures this build of ErrorLint against another build of it in one process, passes taking turns
/// (<c>--compare path/to/ErrorLint.dll</c>). On a shared machine the milliseconds of two separate runs differ by a
/// third; passes that alternate within one run see the same machine, so a change's effect shows through that noise.
/// </summary>
internal static class Comparison
{
    public static async Task<int> RunAsync(string baselinePath, Workload workload, int runs, int warmUpPasses)
    {
        // Both builds are loaded alike, each into a load context of its own. With this build used from the process's own
        // context, it came out 8 % dearer than the same assembly loaded beside it (the first rule 12 %); loaded alike,
        // the two copies came out within 3 % (the first rule within 1 %).
        var current = PauseFree(LoadAnalyzers(typeof(ErrorLint.Rules.ErrorBodyWithSuccessStatusAnalyzer).Assembly.Location, "this build's ErrorLint"));
        var baseline = PauseFree(LoadAnalyzers(baselinePath, "baseline ErrorLint"));
        var aspNetCore = References.AspNetCoreAnalyzers().Select(a => a.Analyzer).ToImmutableArray();

        for (var pass = 1; pass <= warmUpPasses; pass++)
        {
            Console.Error.WriteLine(Invariant($"warm-up {pass}/{warmUpPasses}"));
            await Measurement.RunAsync(workload, baseline, aspNetCore, checkErrors: pass == 1, measureCompile: false).ConfigureAwait(false);
            await Measurement.RunAsync(workload, current, aspNetCore, checkErrors: false, measureCompile: false).ConfigureAwait(false);
        }

        var baselineRuns = new List<RunResult>();
        var currentRuns = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            Console.Error.WriteLine(Invariant($"run {run}/{runs}"));

            // Each build goes first in every other run, so neither is always measured on a machine the other has warmed.
            var currentFirst = run % 2 == 0;
            if (currentFirst)
            {
                currentRuns.Add(await Measurement.RunAsync(workload, current, aspNetCore, checkErrors: false, measureCompile: false).ConfigureAwait(false));
            }

            baselineRuns.Add(await Measurement.RunAsync(workload, baseline, aspNetCore, checkErrors: false, measureCompile: false).ConfigureAwait(false));
            if (!currentFirst)
            {
                currentRuns.Add(await Measurement.RunAsync(workload, current, aspNetCore, checkErrors: false, measureCompile: false).ConfigureAwait(false));
            }

            // Each run's pair, with which went first: enough to see whether the second pass of a run is the dearer one.
            Console.Error.WriteLine(Invariant(
                $"  {(currentFirst ? "this build first" : "baseline first")}: baseline {baselineRuns[^1].ErrorLintMs:N1} ms ({baselineRuns[^1].ErrorLintPauseFreeMs.Values.Sum():N1} without collections, ASP.NET Core {baselineRuns[^1].AspNetCoreMs:N0}), this build {currentRuns[^1].ErrorLintMs:N1} ms ({currentRuns[^1].ErrorLintPauseFreeMs.Values.Sum():N1} without collections, ASP.NET Core {currentRuns[^1].AspNetCoreMs:N0})"));
        }

        Console.WriteLine(Invariant($"{workload.Actions:N0} actions; medians of {runs} alternating runs per build after {warmUpPasses} warm-up passes each."));
        Console.WriteLine(Invariant($"Baseline: {baselinePath}"));
        Console.WriteLine();
        var names = current.Select(Measurement.NameOf).ToList();
        PrintTable(names, baselineRuns, currentRuns, static (run, name) => run.ErrorLint.TryGetValue(name, out var t) ? t.Milliseconds : 0, static run => run.ErrorLintMs);

        // Printed to show how steady the passes were, not as a result: the same build against itself moved it by 41 %.
        Console.WriteLine(Row("ASP.NET Core's analyzers (same in both; shows how steady the passes were)", Measurement.Median(baselineRuns.Select(r => r.AspNetCoreMs)), Measurement.Median(currentRuns.Select(r => r.AspNetCoreMs))));
        Console.WriteLine();

        // The same passes with the collections that paused the process during each callback left out.
        Console.WriteLine("The same, less the garbage collections that paused each callback:");
        Console.WriteLine();
        PrintTable(names, baselineRuns, currentRuns, static (run, name) => run.ErrorLintPauseFreeMs.TryGetValue(name, out var ms) ? ms : 0, static run => run.ErrorLintPauseFreeMs.Values.Sum());
        Console.WriteLine();
        Console.WriteLine("Diagnostics, baseline: " + Diagnostics(baselineRuns[0]));
        Console.WriteLine("Diagnostics, this build: " + Diagnostics(currentRuns[0]));
        return 0;
    }

    /// <summary>Both builds' rules go to the driver wrapped alike, so that each rule's time is also read without collections.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> PauseFree(ImmutableArray<DiagnosticAnalyzer> rules)
        => rules.Select(r => (DiagnosticAnalyzer)new MeteredAnalyzer(r)).ToImmutableArray();

    /// <summary>Each rule's median for both builds, then ErrorLint's total both as the median of the runs' totals and as the sum of the rules' medians.</summary>
    private static void PrintTable(List<string> names, List<RunResult> baselineRuns, List<RunResult> currentRuns, Func<RunResult, string, double> milliseconds, Func<RunResult, double> total)
    {
        Console.WriteLine("| Analyzer | Baseline (ms) | This build (ms) | Change |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var name in names)
        {
            Console.WriteLine(Row(name, Median(baselineRuns, name), Median(currentRuns, name)));
        }

        Console.WriteLine(Row("**ErrorLint, median of the totals**", Measurement.Median(baselineRuns.Select(total)), Measurement.Median(currentRuns.Select(total))));

        // A garbage collection that starts during a callback is charged to it whole (a hundred milliseconds and more at this
        // size), so a run's total can jump by one collection; the rules' medians, summed, leave such a run out rule by rule.
        Console.WriteLine(Row("ErrorLint, sum of the rules' medians", names.Sum(n => Median(baselineRuns, n)), names.Sum(n => Median(currentRuns, n))));

        double Median(List<RunResult> runs, string name) => Measurement.Median(runs.Select(r => milliseconds(r, name)));
    }

    /// <summary>A build's analyzers, loaded into a context of their own; Roslyn itself comes from this process.</summary>
    internal static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path, string contextName)
    {
        var context = new AssemblyLoadContext(contextName);
        var assembly = context.LoadFromAssemblyPath(System.IO.Path.GetFullPath(path));
        return References.AnalyzersIn(assembly);
    }

    private static string Row(string name, double before, double after)
        => Invariant($"| {name} | {before:N1} | {after:N1} | {(before > 0 ? $"{(after - before) / before * 100:+0;-0;0} %" : "n/a")} |");
}
