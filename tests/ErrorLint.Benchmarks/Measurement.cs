using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace ErrorLint.Benchmarks;

/// <summary>One generated application, parsed once, compiled afresh for every measurement.</summary>
internal sealed class Workload
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // Single-threaded like the analyzer measurement, so the ratios compare like with like.
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

    public Workload(string name, int actions, IReadOnlyList<(string Path, string Text)> files, ImmutableArray<MetadataReference> references)
    {
        Name = name;
        Actions = actions;
        References = references;
        Trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, Encoding.UTF8)).ToImmutableArray();
        Lines = files.Sum(f => f.Text.AsSpan().Count('\n') + 1);
    }

    public string Name { get; }

    public int Actions { get; }

    public int Lines { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public CSharpCompilation Compile() => CSharpCompilation.Create("Shop.Api", Trees, References, CompilationOptions);

    /// <summary>
    /// A compilation of trees parsed anew, whose syntax nodes no earlier pass has made: what an analyzer allocates by
    /// reading syntax the compiler itself never reads is then counted.
    /// </summary>
    public CSharpCompilation CompileFreshlyParsed()
        => CSharpCompilation.Create("Shop.Api", Trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ParseOptions, t.FilePath)), References, CompilationOptions);
}

internal sealed record AnalyzerTiming(double Milliseconds, int RegisteredActions);

/// <summary>What one run measured.</summary>
internal sealed class RunResult
{
    public double CompileMs { get; init; }

    /// <summary>Processor time this process got per wall-clock second of the run; below 1 when other work competes for the cores.</summary>
    public double CpuShare { get; set; }

    /// <summary>
    /// The same during the analyzer pass alone, where the compiler binds on one thread while the analyzers run on
    /// another: below 2, the two threads took turns on the cores and the driver's wall-clock timing of each callback
    /// includes time its thread waited for a core.
    /// </summary>
    public double AnalysisCpuShare { get; set; }

    /// <summary>
    /// The analyzer pass's wall-clock time, and how much of it every thread of the process spent stopped for garbage
    /// collections: a callback running when a collection starts is charged for the pause, whoever allocated.
    /// </summary>
    public double AnalysisMs { get; set; }

    public double AnalysisGcPauseMs { get; set; }

    public Dictionary<string, AnalyzerTiming> ErrorLint { get; } = new(StringComparer.Ordinal);

    /// <summary>Each rule's time with garbage collections left out, when handed over wrapped in a <see cref="MeteredAnalyzer"/>.</summary>
    public Dictionary<string, double> ErrorLintPauseFreeMs { get; } = new(StringComparer.Ordinal);

    public double AspNetCoreMs { get; set; }

    /// <summary>The harness analyzer's time: the compilation's namespace set-up and an empty action per member.</summary>
    public double BaselineMs { get; set; }

    public Dictionary<string, int> Diagnostics { get; } = new(StringComparer.Ordinal);

    public double ErrorLintMs => ErrorLint.Values.Sum(t => t.Milliseconds);

    public int ErrorLintActions => ErrorLint.Values.Sum(t => t.RegisteredActions);
}

internal static class Measurement
{
    public static async Task<RunResult> RunAsync(
        Workload workload, ImmutableArray<DiagnosticAnalyzer> errorLint, ImmutableArray<DiagnosticAnalyzer> aspNetCore, bool checkErrors, bool measureCompile = true)
    {
        // Compile time: bind every method body and report every compiler diagnostic, on a fresh compilation.
        Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var compilation = workload.Compile();
        var stopwatch = Stopwatch.StartNew();
        var compilerDiagnostics = measureCompile || checkErrors ? compilation.GetDiagnostics() : ImmutableArray<Diagnostic>.Empty;
        stopwatch.Stop();
        if (checkErrors)
        {
            var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The generated {workload.Name} does not compile ({errors.Count} errors):\n" + string.Join("\n", errors.Take(20)));
            }
        }

        var result = new RunResult { CompileMs = stopwatch.Elapsed.TotalMilliseconds };

        // Analyzer time: both sets in one pass over a fresh compilation, each callback timed by the driver.
        Collect();
        var baseline = new BaselineAnalyzer();
        // The harness analyzer first: the driver starts analyzers in the order given, and the first to look up a type
        // pays for the compiler setting up the compilation's namespaces.
        var all = ImmutableArray.Create<DiagnosticAnalyzer>(baseline).AddRange(errorLint).AddRange(aspNetCore);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
        // Bind the references first, as a build or the IDE has by the time analyzers run: otherwise the first analyzer to
        // look up a type pays for the compiler's reference binding.
        var analyzed = workload.Compile();
        _ = analyzed.Assembly;
        var withAnalyzers = analyzed.WithAnalyzers(all, options);
        process.Refresh();
        var analysisCpuBefore = process.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        var analysisWall = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        analysisWall.Stop();
        result.AnalysisMs = analysisWall.Elapsed.TotalMilliseconds;
        result.AnalysisGcPauseMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        process.Refresh();
        result.AnalysisCpuShare = (process.TotalProcessorTime - analysisCpuBefore).TotalMilliseconds / analysisWall.Elapsed.TotalMilliseconds;
        foreach (var diagnostic in diagnostics)
        {
            result.Diagnostics[diagnostic.Id] = result.Diagnostics.GetValueOrDefault(diagnostic.Id) + 1;
            if (diagnostic.Id == "AD0001")
            {
                Console.Error.WriteLine("warning: an analyzer threw: " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var analyzer in errorLint)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
            result.ErrorLint[NameOf(analyzer)] = new AnalyzerTiming(telemetry.ExecutionTime.TotalMilliseconds, RegisteredActions(telemetry));
            if (analyzer is MeteredAnalyzer timed)
            {
                result.ErrorLintPauseFreeMs[timed.Name] = timed.TakeMilliseconds();
            }
        }

        foreach (var analyzer in aspNetCore)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
            result.AspNetCoreMs += telemetry.ExecutionTime.TotalMilliseconds;
        }

        result.BaselineMs = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(baseline, default).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
        process.Refresh();
        result.CpuShare = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds;
        return result;
    }

    /// <summary>A rule's name in the report: its analyzer's type, seen through the metering wrapper.</summary>
    public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer is MeteredAnalyzer timed ? timed.Name : analyzer.GetType().Name;

    /// <summary>Actions registered beyond the compilation-start action: zero when an analyzer bails out.</summary>
    private static int RegisteredActions(AnalyzerTelemetryInfo t)
        => t.CompilationActionsCount + t.CompilationEndActionsCount + t.SemanticModelActionsCount + t.SyntaxTreeActionsCount
            + t.AdditionalFileActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount
            + t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount
            + t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
