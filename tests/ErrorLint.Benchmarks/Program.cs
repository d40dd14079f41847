using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Measures ErrorLint against the compiler and ASP.NET Core's own analyzers on a generated API.
/// Usage: dotnet run -c Release --project tests/ErrorLint.Benchmarks [--sizes 2000,4000,8000,16000] [--runs 5] [--quick]
/// (or --profile [actions], --diagnostics [actions], --allocations [actions] [--baseline path/to/ErrorLint.dll],
/// or --compare path/to/another/ErrorLint.dll).
/// It reports; it never fails on timings.
/// </summary>
internal static class Program
{
    private const int BudgetSize = 8000;

    // The runtime moves a method to optimized code only after it has run a while (tiered compilation), and a
    // compiler server or an IDE has long been warm when it analyzes: one pass left the first measured size slower.
    private const int WarmUpPasses = 3;

    public static async Task<int> Main(string[] args)
    {
        var sizes = new[] { 2000, 4000, 8000, 16000 };
        var runs = 5;
        string? compare = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes" when i + 1 < args.Length:
                    sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--quick":
                    sizes = new[] { 1000, 2000 };
                    runs = 2;
                    break;
                case "--compare" when i + 1 < args.Length:
                    compare = args[++i];
                    break;
                case "--allocations":
                    var allocationSize = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : BudgetSize;
                    var baselineIndex = Array.IndexOf(args, "--baseline");
                    return await Allocations.RunAsync(allocationSize, baselineIndex >= 0 && baselineIndex + 1 < args.Length ? args[baselineIndex + 1] : null).ConfigureAwait(false);
                case "--diagnostics":
                    return await DiagnosticList.RunAsync(args.Skip(i + 1).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).DefaultIfEmpty(BudgetSize).First()).ConfigureAwait(false);
                case "--profile":
                    return ModelProfiler.Run(args.Skip(i + 1).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).DefaultIfEmpty(BudgetSize).First());
                default:
                    Console.Error.WriteLine("usage: ErrorLint.Benchmarks [--sizes 2000,4000,8000,16000] [--runs 5] [--quick] | --profile [actions] | --diagnostics [actions] | --allocations [actions] [--baseline path/to/ErrorLint.dll] | --compare path/to/ErrorLint.dll [--sizes 8000] [--runs 5]");
                    return 2;
            }
        }

        Array.Sort(sizes);
        if (compare is not null)
        {
            return await Comparison.RunAsync(compare, Web(NearestToBudget(sizes)), runs, WarmUpPasses).ConfigureAwait(false);
        }

        var total = Stopwatch.StartNew();
        var errorLint = References.ErrorLintAnalyzers();
        var aspNetCore = References.AspNetCoreAnalyzers();
        var aspNetCoreAnalyzers = aspNetCore.Select(a => a.Analyzer).ToImmutableArray();

        // Warm-up on the smallest API, not recorded.
        var warmUp = Web(sizes[0]);
        for (var pass = 1; pass <= WarmUpPasses; pass++)
        {
            Progress($"warm-up {pass}/{WarmUpPasses}");
            await Measurement.RunAsync(warmUp, errorLint, aspNetCoreAnalyzers, checkErrors: pass == 1).ConfigureAwait(false);
        }

        var web = new List<(Workload Workload, List<RunResult> Runs)>();
        foreach (var size in sizes)
        {
            var workload = size == sizes[0] ? warmUp : Web(size);
            if (workload != warmUp)
            {
                // One unrecorded pass per new size: the garbage collector sizes its generations to the workload, and a
                // compiler server or an IDE analyzing an application of this size has long done so.
                Progress($"{workload.Name}, {workload.Actions} actions: warm-up");
                await Measurement.RunAsync(workload, errorLint, aspNetCoreAnalyzers, checkErrors: false).ConfigureAwait(false);
            }

            web.Add((workload, await Repeat(workload, runs, errorLint, aspNetCoreAnalyzers).ConfigureAwait(false)));
        }

        // The same API with mistakes in every module: what reporting costs on top of finding (the rules' own work on a
        // mistake, building its diagnostic and its fix's properties).
        var denseSize = NearestToBudget(sizes);
        var dense = Web(denseSize, mistakeSpacing: 1);
        var denseRuns = await Repeat(dense, runs, errorLint, aspNetCoreAnalyzers).ConfigureAwait(false);

        var consoleSize = denseSize;
        var modules = WebApiGenerator.ModulesFor(consoleSize);
        var console = new Workload("console application", modules * WebApiGenerator.ActionsPerModule, ConsoleAppGenerator.Generate(modules), References.NetCore);
        var consoleRuns = await Repeat(console, runs, errorLint, ImmutableArray<DiagnosticAnalyzer>.Empty).ConfigureAwait(false);

        Console.WriteLine(Report(web, (dense, denseRuns), console, consoleRuns, errorLint, aspNetCore, runs, total.Elapsed));
        return 0;
    }

    /// <summary>The size the budgets are judged at, or the nearest one measured.</summary>
    private static int NearestToBudget(int[] sizes) => sizes.OrderBy(s => Math.Abs(s - BudgetSize)).First();

    internal static Workload Web(int actions, int mistakeSpacing = WebApiGenerator.DefaultMistakeSpacing)
    {
        var modules = WebApiGenerator.ModulesFor(actions);
        var name = mistakeSpacing == 1 ? "web API, mistakes in every module" : "web API";
        return new Workload(name, modules * WebApiGenerator.ActionsPerModule, WebApiGenerator.Generate(modules, mistakeSpacing), References.AspNetCore);
    }

    private static async Task<List<RunResult>> Repeat(Workload workload, int runs, ImmutableArray<DiagnosticAnalyzer> errorLint, ImmutableArray<DiagnosticAnalyzer> aspNetCore)
    {
        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            Progress($"{workload.Name}, {workload.Actions} actions: run {run}/{runs}");
            results.Add(await Measurement.RunAsync(workload, errorLint, aspNetCore, checkErrors: run == 1).ConfigureAwait(false));
        }

        return results;
    }

    private static string Report(
        List<(Workload Workload, List<RunResult> Runs)> web,
        (Workload Workload, List<RunResult> Runs) dense,
        Workload console,
        List<RunResult> consoleRuns,
        ImmutableArray<DiagnosticAnalyzer> errorLint,
        ImmutableArray<(string Assembly, DiagnosticAnalyzer Analyzer)> aspNetCore,
        int runs,
        TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Medians of {runs} runs after {WarmUpPasses} warm-up passes; compiler and analyzers single-threaded; {Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}; whole run {elapsed.TotalMinutes:0.0} min."));
        var share = Measurement.Median(web.SelectMany(w => w.Runs).Concat(consoleRuns).Select(r => r.CpuShare));
        text.AppendLine(Invariant($"Times are wall-clock (the analyzer driver's own timing); the process got {share:N2} of a core per second while measuring, so on a busy machine compare the ratios, not the milliseconds."));
        var analysisShare = Measurement.Median(web.SelectMany(w => w.Runs).Select(r => r.AnalysisCpuShare));
        text.AppendLine(Invariant($"During the analyzer passes the compiler binds on one thread while the analyzers run on another; the process got {analysisShare:N2} of a core per second there (2 would mean neither thread waited for a core)."));
        var pauseShare = Measurement.Median(web.SelectMany(w => w.Runs).Select(r => r.AnalysisGcPauseMs / r.AnalysisMs));
        text.AppendLine(Invariant($"Garbage collections stopped every thread for {pauseShare:P0} of the analyzer passes' wall-clock time; a callback running when one starts is charged for its pause, whoever allocated."));
        text.AppendLine(Invariant($"ErrorLint: {errorLint.Length} analyzers. ASP.NET Core: {aspNetCore.Length} analyzers from {string.Join(", ", aspNetCore.GroupBy(a => a.Assembly).Select(g => $"{g.Key} ({g.Count()})"))}."));
        text.AppendLine();

        text.AppendLine(Invariant($"A module in {WebApiGenerator.DefaultMistakeSpacing} carries mistakes (two controller actions and an endpoint):"));
        text.AppendLine();
        AppendWebTable(text, web);

        text.AppendLine();
        text.AppendLine("The same API with mistakes in every module, to show what reporting costs on top of finding:");
        text.AppendLine();
        AppendWebTable(text, new List<(Workload Workload, List<RunResult> Runs)> { dense });

        text.AppendLine();
        text.AppendLine("Per ErrorLint analyzer (ms):");
        text.AppendLine();
        var columns = web.Append(dense).ToList();
        text.AppendLine("| Analyzer | " + string.Join(" | ", columns.Select(w => Invariant($"{w.Workload.Actions:N0} actions{(w == dense ? ", mistakes in every module" : string.Empty)}"))) + " |");
        text.AppendLine("|---|" + string.Concat(columns.Select(_ => "---:|")));
        foreach (var analyzer in errorLint.Select(a => a.GetType().Name))
        {
            text.AppendLine($"| {analyzer} | " + string.Join(" | ", columns.Select(w => Invariant($"{Measurement.Median(w.Runs.Select(r => r.ErrorLint[analyzer].Milliseconds)):N1}"))) + " |");
        }

        text.AppendLine("| (harness analyzer: namespace set-up and the driver's floor) | " + string.Join(" | ", columns.Select(w => Invariant($"{Measurement.Median(w.Runs.Select(r => r.BaselineMs)):N1}"))) + " |");

        text.AppendLine();
        text.AppendLine("Without ASP.NET Core (the same modules as plain services):");
        text.AppendLine();
        text.AppendLine("| Methods | Lines | Compile (ms) | ErrorLint (ms) | ErrorLint / compile | Actions ErrorLint registered | ErrorLint diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        var consoleCompile = Measurement.Median(consoleRuns.Select(r => r.CompileMs));
        var consoleOurs = Measurement.Median(consoleRuns.Select(r => r.ErrorLintMs));
        text.AppendLine(Invariant(
            $"| {console.Actions:N0} | {console.Lines:N0} | {consoleCompile:N0} | {consoleOurs:N2} | {Percent(consoleOurs, consoleCompile)} | {consoleRuns[0].ErrorLintActions} | {Diagnostics(consoleRuns[0])} |"));

        text.AppendLine();
        text.AppendLine(Budgets(web, consoleRuns));
        return text.ToString();
    }

    private static void AppendWebTable(StringBuilder text, List<(Workload Workload, List<RunResult> Runs)> web)
    {
        text.AppendLine("| Actions | Lines | Compile (ms) | ErrorLint (ms) | ErrorLint / compile | ASP.NET Core analyzers (ms) | ErrorLint / ASP.NET Core | ErrorLint µs per action | ErrorLint diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (workload, results) in web)
        {
            var compile = Measurement.Median(results.Select(r => r.CompileMs));
            var ours = Measurement.Median(results.Select(r => r.ErrorLintMs));
            var theirs = Measurement.Median(results.Select(r => r.AspNetCoreMs));
            text.AppendLine(Invariant(
                $"| {workload.Actions:N0} | {workload.Lines:N0} | {compile:N0} | {ours:N1} | {Percent(ours, compile)} | {theirs:N0} | {Percent(ours, theirs)} | {ours * 1000 / workload.Actions:N2} | {Diagnostics(results[0])} |"));
        }
    }

    private static string Budgets(List<(Workload Workload, List<RunResult> Runs)> web, List<RunResult> consoleRuns)
    {
        var text = new StringBuilder("Budgets:").AppendLine().AppendLine();
        var (budget, results) = web.OrderBy(w => Math.Abs(w.Workload.Actions - BudgetSize)).First();
        var compile = Measurement.Median(results.Select(r => r.CompileMs));
        var ours = Measurement.Median(results.Select(r => r.ErrorLintMs));
        var theirs = Measurement.Median(results.Select(r => r.AspNetCoreMs));
        text.AppendLine(Invariant($"- ErrorLint ≤ 2 % of compile time at {budget.Actions:N0} actions: {Percent(ours, compile)} ({Verdict(ours <= 0.02 * compile)})"));
        text.AppendLine(Invariant($"- ErrorLint ≤ 15 % of ASP.NET Core's analyzers at {budget.Actions:N0} actions: {Percent(ours, theirs)} ({Verdict(ours <= 0.15 * theirs)})"));

        var perAction = web.Select(w => Measurement.Median(w.Runs.Select(r => r.ErrorLintMs)) * 1000 / w.Workload.Actions).ToList();
        var growth = perAction[^1] / Math.Max(perAction[0], double.Epsilon);
        text.AppendLine(Invariant(
            $"- flat cost per action (largest size within 1.5× of the smallest): {string.Join(" → ", perAction.Select(p => $"{p:N2}"))} µs, ×{growth:N2} ({Verdict(growth <= 1.5)})"));

        var registered = consoleRuns[0].ErrorLintActions;
        text.Append(Invariant($"- nothing registered without ASP.NET Core: {registered} actions ({Verdict(registered == 0)})"));
        return text.ToString();
    }

    internal static string Diagnostics(RunResult result)
    {
        var ours = result.Diagnostics.Where(d => d.Key.StartsWith("EL", StringComparison.Ordinal)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        return ours.Count == 0 ? "none" : string.Join(", ", ours.Select(d => Invariant($"{d.Key} ×{d.Value}")));
    }

    private static string Percent(double part, double whole) => whole <= 0 ? "n/a" : Invariant($"{part / whole * 100:N2} %");

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Progress(string message) => Console.Error.WriteLine(Invariant($"[{DateTime.Now:HH:mm:ss}] {message}"));
}
