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
/// --document [actions], or --compare path/to/another/ErrorLint.dll).
/// The main run reports time and allocation at every size, the cost of one document after an edit at the smallest and
/// largest sizes, and each budget as met or not. It reports; it never fails.
/// </summary>
internal static class Program
{
    private const int BudgetSize = 8000;

    /// <summary>The size the IDE's per-document cost is judged at: the largest API of the default run.</summary>
    private const int DocumentSize = 16000;

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
                case "--document":
                    var documentSize = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var actions) ? actions : DocumentSize;
                    return await RunDocumentAsync(documentSize).ConfigureAwait(false);
                case "--diagnostics":
                    return await DiagnosticList.RunAsync(args.Skip(i + 1).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).DefaultIfEmpty(BudgetSize).First()).ConfigureAwait(false);
                case "--profile":
                    return ModelProfiler.Run(args.Skip(i + 1).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).DefaultIfEmpty(BudgetSize).First());
                default:
                    Console.Error.WriteLine("usage: ErrorLint.Benchmarks [--sizes 2000,4000,8000,16000] [--runs 5] [--quick] | --profile [actions] | --diagnostics [actions] | --allocations [actions] [--baseline path/to/ErrorLint.dll] | --document [actions] | --compare path/to/ErrorLint.dll [--sizes 8000] [--runs 5]");
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
        var allocations = new Dictionary<int, AllocationResult>();
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
            Progress($"{workload.Name}, {workload.Actions} actions: allocation");
            allocations[workload.Actions] = await Allocations.MeasureAsync(workload, errorLint, aspNetCoreAnalyzers).ConfigureAwait(false);
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
        Progress($"{console.Name}, {console.Actions} methods: allocation");
        // Counted in ErrorLint's callbacks: a pass's total moves by more than the little that is left to count here.
        var consoleRules = errorLint.Select(r => new MeteredAnalyzer(r)).ToImmutableArray();
        await Allocations.Pass(console, consoleRules.CastArray<DiagnosticAnalyzer>()).ConfigureAwait(false);
        var consoleBytes = consoleRules.Sum(r => r.TakeBytes());

        // The IDE's cost of one document at the smallest and the largest size: what is done once per compilation must
        // not make a document dearer in a larger project.
        var documents = new List<DocumentResult>();
        foreach (var (workload, _) in new[] { web[0], web[^1] }.Distinct())
        {
            Progress($"{workload.Name}, {workload.Actions} actions: one document after an edit");
            documents.Add(await DocumentCost.MeasureAsync(workload, errorLint, aspNetCoreAnalyzers).ConfigureAwait(false));
        }

        Console.WriteLine(Report(web, allocations, (dense, denseRuns), console, consoleRuns, consoleBytes, documents, errorLint, aspNetCore, runs, total.Elapsed));
        return 0;
    }

    /// <summary><c>--document [actions]</c>: the IDE's per-document cost alone, after one warm-up pass on the same API.</summary>
    private static async Task<int> RunDocumentAsync(int actions)
    {
        var errorLint = References.ErrorLintAnalyzers();
        var aspNetCore = References.AspNetCoreAnalyzers().Select(a => a.Analyzer).ToImmutableArray();
        var workload = Web(actions);
        Progress($"{workload.Name}, {workload.Actions} actions: warm-up");
        await Measurement.RunAsync(workload, errorLint, aspNetCore, checkErrors: true).ConfigureAwait(false);
        Progress($"{workload.Name}, {workload.Actions} actions: one document after an edit");
        var result = await DocumentCost.MeasureAsync(workload, errorLint, aspNetCore).ConfigureAwait(false);
        var text = new StringBuilder();
        AppendDocumentTable(text, new[] { result });
        text.AppendLine();
        text.Append(DocumentBudget(result));
        Console.WriteLine(text.ToString());
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
        Dictionary<int, AllocationResult> allocations,
        (Workload Workload, List<RunResult> Runs) dense,
        Workload console,
        List<RunResult> consoleRuns,
        long consoleBytes,
        List<DocumentResult> documents,
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

        text.AppendLine(Invariant($"A module in {WebApiGenerator.DefaultMistakeSpacing} carries mistakes (two controller actions and an endpoint). Allocation, in MB: what compiling a fresh compilation allocates, and what each analyzer set adds to a pass of the harness analyzer alone; single-threaded, each pass on a fresh compilation of freshly parsed trees after a full collection (GC.GetTotalAllocatedBytes(precise: true)), medians of 3 rounds; ErrorLint's callbacks counted on their own thread in one more pass:"));
        text.AppendLine();
        AppendAllocationTable(text, web, allocations);

        text.AppendLine();
        text.AppendLine("Time, the same API:");
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
        text.AppendLine("Per ErrorLint analyzer (MB allocated in its callbacks, on their thread, all rules in one pass; the first rule to reach a member walks it for all):");
        text.AppendLine();
        text.AppendLine("| Analyzer | " + string.Join(" | ", web.Select(w => Invariant($"{w.Workload.Actions:N0} actions"))) + " |");
        text.AppendLine("|---|" + string.Concat(web.Select(_ => "---:|")));
        foreach (var analyzer in errorLint.Select(a => a.GetType().Name))
        {
            text.AppendLine($"| {analyzer} | " + string.Join(" | ", web.Select(w => Allocations.Mb(allocations[w.Workload.Actions].PerRule[analyzer]))) + " |");
        }

        text.AppendLine("| **all rules' callbacks** | " + string.Join(" | ", web.Select(w => Allocations.Mb(allocations[w.Workload.Actions].ErrorLintCallbacks))) + " |");

        text.AppendLine();
        text.AppendLine("Without ASP.NET Core (the same modules as plain services):");
        text.AppendLine();
        text.AppendLine("| Methods | Lines | Compile (ms) | ErrorLint (ms) | ErrorLint / compile | ErrorLint's callbacks allocate (KB) | Actions ErrorLint registered | ErrorLint diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        var consoleCompile = Measurement.Median(consoleRuns.Select(r => r.CompileMs));
        var consoleOurs = Measurement.Median(consoleRuns.Select(r => r.ErrorLintMs));
        text.AppendLine(Invariant(
            $"| {console.Actions:N0} | {console.Lines:N0} | {consoleCompile:N0} | {consoleOurs:N2} | {Percent(consoleOurs, consoleCompile)} | {consoleBytes / 1024.0:N1} | {consoleRuns[0].ErrorLintActions} | {Diagnostics(consoleRuns[0])} |"));

        text.AppendLine();
        text.AppendLine("One document after an edit, as the IDE analyzes it: an action appended to one controller (a new compilation through ReplaceSyntaxTree), then that document's syntax and semantic diagnostics alone, then a second controller of the same compilation. Medians of 5 repetitions; ms is the analyzers' callbacks as the driver times them, KB what the set adds to the harness analyzer alone on the same documents:");
        text.AppendLine();
        AppendDocumentTable(text, documents);

        text.AppendLine();
        text.AppendLine(Budgets(web, allocations, consoleRuns, documents));
        return text.ToString();
    }

    private static void AppendAllocationTable(StringBuilder text, List<(Workload Workload, List<RunResult> Runs)> web, Dictionary<int, AllocationResult> allocations)
    {
        text.AppendLine("| Actions | Compiling allocates (MB) | ASP.NET Core's analyzers add (MB) | ErrorLint adds (MB) | range of 3 rounds (MB) | of which in ErrorLint's callbacks (MB) | ErrorLint / compile | ErrorLint / ASP.NET Core | ErrorLint KB per action |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (workload, _) in web)
        {
            var a = allocations[workload.Actions];
            text.AppendLine(Invariant(
                $"| {workload.Actions:N0} | {Allocations.Mb(a.Compile)} | {Allocations.Mb(a.AspNetCore)} | {Allocations.Mb(a.ErrorLint)} | {Allocations.Mb(a.ErrorLintLowest)}–{Allocations.Mb(a.ErrorLintHighest)} | {Allocations.Mb(a.ErrorLintCallbacks)} | {Percent(a.ErrorLint, a.Compile)} | {Percent(a.ErrorLint, a.AspNetCore)} | {a.ErrorLint / 1024.0 / workload.Actions:N2} |"));
        }
    }

    private static void AppendDocumentTable(StringBuilder text, IEnumerable<DocumentResult> documents)
    {
        text.AppendLine("| API | Document | ErrorLint (ms) | ASP.NET Core analyzers (ms) | ErrorLint / ASP.NET Core, time | ErrorLint (KB) | of which in its callbacks (KB) | ASP.NET Core analyzers (KB) | ErrorLint / ASP.NET Core, bytes |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var d in documents)
        {
            foreach (var (name, ours, theirs) in new[] { ($"the edited one, first after the edit ({d.EditedPath})", d.ErrorLintFirst, d.AspNetCoreFirst), ($"a second one ({d.SecondPath})", d.ErrorLintSecond, d.AspNetCoreSecond) })
            {
                text.AppendLine(Invariant(
                    $"| {d.Actions:N0} actions | {name} | {ours.Milliseconds:N2} | {theirs.Milliseconds:N2} | {Percent(ours.Milliseconds, theirs.Milliseconds)} | {Kb(ours)} | {ours.CallbackBytes / 1024.0:N1} | {Kb(theirs)} | {Percent(ours.Bytes, theirs.Bytes)} |"));
            }
        }
    }

    // How far the repetitions disagreed is shown beside the figure, so a reader knows how exact it is.
    private static string Kb(DocumentFigures figures) => Invariant($"{figures.Bytes / 1024.0:N1} ± {figures.BytesSpread / 1024.0:N1}");

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

    private static string Budgets(
        List<(Workload Workload, List<RunResult> Runs)> web, Dictionary<int, AllocationResult> allocations, List<RunResult> consoleRuns, List<DocumentResult> documents)
    {
        var text = new StringBuilder("Budgets (allocation, which repeats from run to run; time is reported beside it):").AppendLine().AppendLine();
        var (budget, results) = web.OrderBy(w => Math.Abs(w.Workload.Actions - BudgetSize)).First();
        var bytes = allocations[budget.Actions];
        text.AppendLine(Invariant(
            $"- ErrorLint allocates ≤ 2 % of what compiling allocates at {budget.Actions:N0} actions: {Allocations.Mb(bytes.ErrorLint)} of {Allocations.Mb(bytes.Compile)} MB, {Percent(bytes.ErrorLint, bytes.Compile)} ({Verdict(bytes.ErrorLint <= 0.02 * bytes.Compile)}){Rounds(bytes, bytes.Compile, 0.02)}"));
        text.AppendLine(Invariant(
            $"- ErrorLint allocates ≤ 10 % of what ASP.NET Core's analyzers add at {budget.Actions:N0} actions: {Allocations.Mb(bytes.ErrorLint)} of {Allocations.Mb(bytes.AspNetCore)} MB, {Percent(bytes.ErrorLint, bytes.AspNetCore)} ({Verdict(bytes.ErrorLint <= 0.10 * bytes.AspNetCore)}){Rounds(bytes, bytes.AspNetCore, 0.10)}"));

        // Allocation resolves small steps, so flat means within a quarter across every size, not the time budget's half.
        var perAction = web.Select(w => allocations[w.Workload.Actions].ErrorLint / 1024.0 / w.Workload.Actions).ToList();
        var spread = perAction.Max() / Math.Max(perAction.Min(), double.Epsilon);
        text.AppendLine(Invariant(
            $"- allocation per action flat (the dearest size within 1.25× of the cheapest): {string.Join(" → ", perAction.Select(p => $"{p:N2}"))} KB, ×{spread:N2} ({Verdict(spread <= 1.25)})"));

        var registered = consoleRuns[0].ErrorLintActions;
        text.AppendLine(Invariant($"- nothing registered without ASP.NET Core: {registered} actions ({Verdict(registered == 0)})"));
        foreach (var document in documents.Where(d => d.Actions == documents.Max(d => d.Actions)))
        {
            text.Append(DocumentBudget(document));
        }

        var compile = Measurement.Median(results.Select(r => r.CompileMs));
        var ours = Measurement.Median(results.Select(r => r.ErrorLintMs));
        var theirs = Measurement.Median(results.Select(r => r.AspNetCoreMs));
        var timePerAction = web.Select(w => Measurement.Median(w.Runs.Select(r => r.ErrorLintMs)) * 1000 / w.Workload.Actions).ToList();
        text.AppendLine();
        text.AppendLine("Time, reported against the earlier time budgets:");
        text.AppendLine();
        text.AppendLine(Invariant($"- ErrorLint's time ≤ 2 % of compile time at {budget.Actions:N0} actions: {Percent(ours, compile)} ({Verdict(ours <= 0.02 * compile)})"));
        text.AppendLine(Invariant($"- ErrorLint's time ≤ 15 % of ASP.NET Core's analyzers at {budget.Actions:N0} actions: {Percent(ours, theirs)} ({Verdict(ours <= 0.15 * theirs)})"));
        text.Append(Invariant(
            $"- time per action flat (largest size within 1.5× of the smallest): {string.Join(" → ", timePerAction.Select(p => $"{p:N2}"))} µs, ×{timePerAction[^1] / Math.Max(timePerAction[0], double.Epsilon):N2} ({Verdict(timePerAction[^1] <= 1.5 * timePerAction[0])})"));
        return text.ToString();
    }

    /// <summary>The budget's verdict across the rounds too, when their lowest and highest totals fall on either side of it.</summary>
    private static string Rounds(AllocationResult bytes, long whole, double limit)
        => (bytes.ErrorLintLowest <= limit * whole) == (bytes.ErrorLintHighest <= limit * whole)
            ? string.Empty
            : Invariant($"; the rounds ranged over {Percent(bytes.ErrorLintLowest, whole)}–{Percent(bytes.ErrorLintHighest, whole)}, on both sides of the limit");

    /// <summary>
    /// The per-document budget is judged on the edited document, the first after the edit: that is what each edit costs,
    /// compilation-start work included. The second document is shown beside it.
    /// </summary>
    private static string DocumentBudget(DocumentResult d)
    {
        var text = new StringBuilder();
        foreach (var (name, ours, theirs) in new[] { ("the edited document (the budget)", d.ErrorLintFirst, d.AspNetCoreFirst), ("a second document", d.ErrorLintSecond, d.AspNetCoreSecond) })
        {
            text.AppendLine(Invariant(
                $"- per document ≤ a tenth of ASP.NET Core's analyzers, {d.Actions:N0} actions, {name}: {ours.Bytes / 1024.0:N1} against {theirs.Bytes / 1024.0:N1} KB, {Percent(ours.Bytes, theirs.Bytes)} ({Verdict(ours.Bytes <= 0.1 * theirs.Bytes)}); time {ours.Milliseconds:N2} against {theirs.Milliseconds:N2} ms, {Percent(ours.Milliseconds, theirs.Milliseconds)} ({Verdict(ours.Milliseconds <= 0.1 * theirs.Milliseconds)})"));
        }

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
