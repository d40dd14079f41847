using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Benchmarks;

/// <summary>
/// What the IDE pays per edit (<c>--document [actions]</c>): one controller file of the API is changed, which makes a new
/// compilation (<see cref="Compilation.ReplaceSyntaxTree"/>), and the analyzers run on that document alone, as the IDE
/// runs them on the open document; then on a second, unchanged controller of the same compilation. The first document
/// carries what an analyzer does once per compilation (its compilation-start work); the second shows what each further
/// document costs. Each analyzer set runs on a compilation of its own, and what it adds is measured over a pass with the
/// harness analyzer alone, which binds the same members.
/// </summary>
internal static class DocumentCost
{
    private const int Repetitions = 5;

    public static async Task<DocumentResult> MeasureAsync(Workload workload, ImmutableArray<DiagnosticAnalyzer> errorLint, ImmutableArray<DiagnosticAnalyzer> aspNetCore)
    {
        var before = workload.Compile();
        _ = before.Assembly;
        var edited = Controller(before, module: 1);
        var second = Controller(before, module: 2);
        var afterEdit = edited.WithChangedText(edited.GetText().WithChanges(Edit(edited)));

        // The compilation the edit replaces has been bound, as the IDE's has by the time the user types.
        _ = before.GetDiagnostics();

        var floor = new List<(DocumentPass First, DocumentPass Second)>();
        var ours = new List<(DocumentPass First, DocumentPass Second)>();
        var metered = new List<(DocumentPass First, DocumentPass Second)>();
        var theirs = new List<(DocumentPass First, DocumentPass Second)>();
        for (var repetition = 0; repetition <= Repetitions; repetition++)
        {
            // The first repetition is not recorded: the runtime's first use of each path allocates on its own account.
            var passes = new[]
            {
                await PassAsync(before, edited, afterEdit, second, ImmutableArray<DiagnosticAnalyzer>.Empty).ConfigureAwait(false),
                await PassAsync(before, edited, afterEdit, second, aspNetCore).ConfigureAwait(false),
                await PassAsync(before, edited, afterEdit, second, errorLint).ConfigureAwait(false),
                await PassAsync(before, edited, afterEdit, second, errorLint.Select(r => (DiagnosticAnalyzer)new MeteredAnalyzer(r)).ToImmutableArray()).ConfigureAwait(false),
            };
            if (repetition > 0)
            {
                floor.Add(passes[0]);
                theirs.Add(passes[1]);
                ours.Add(passes[2]);
                metered.Add(passes[3]);
            }
        }

        return new DocumentResult(
            workload.Actions,
            edited.FilePath,
            second.FilePath,
            Cost(ours, floor, p => p.First) with { CallbackBytes = Callbacks(metered, p => p.First) },
            Cost(theirs, floor, p => p.First),
            Cost(ours, floor, p => p.Second) with { CallbackBytes = Callbacks(metered, p => p.Second) },
            Cost(theirs, floor, p => p.Second));
    }

    /// <summary>The analyzers' own time (the driver's timing of their callbacks), and the bytes over the harness pass.</summary>
    private static DocumentFigures Cost(List<(DocumentPass First, DocumentPass Second)> set, List<(DocumentPass First, DocumentPass Second)> floor, Func<(DocumentPass First, DocumentPass Second), DocumentPass> pick)
    {
        var bytes = set.Select(p => pick(p).Bytes).ToList();
        var floorBytes = floor.Select(p => pick(p).Bytes).ToList();
        return new(
            Measurement.Median(set.Select(p => pick(p).AnalyzerMs)),
            (long)Measurement.Median(bytes.Select(b => (double)b)) - (long)Measurement.Median(floorBytes.Select(b => (double)b)),
            (bytes.Max() - bytes.Min() + floorBytes.Max() - floorBytes.Min()) / 2);
    }

    private static long Callbacks(List<(DocumentPass First, DocumentPass Second)> set, Func<(DocumentPass First, DocumentPass Second), DocumentPass> pick)
        => (long)Measurement.Median(set.Select(p => (double)pick(p).CallbackBytes));

    private static async Task<(DocumentPass First, DocumentPass Second)> PassAsync(
        Compilation before, SyntaxTree edited, SyntaxTree afterEdit, SyntaxTree second, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = before.ReplaceSyntaxTree(edited, afterEdit);
        var all = ImmutableArray.Create<DiagnosticAnalyzer>(new BaselineAnalyzer()).AddRange(analyzers);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(all, options);
        var first = await DocumentAsync(withAnalyzers, compilation.GetSemanticModel(afterEdit), analyzers, 0).ConfigureAwait(false);
        var next = await DocumentAsync(withAnalyzers, compilation.GetSemanticModel(second), analyzers, first.TotalMs).ConfigureAwait(false);
        return (first, next);
    }

    /// <summary>The IDE's requests for one document: its syntax diagnostics, then its semantic diagnostics.</summary>
    private static async Task<DocumentPass> DocumentAsync(CompilationWithAnalyzers withAnalyzers, SemanticModel model, ImmutableArray<DiagnosticAnalyzer> analyzers, double msBefore)
    {
        Allocations.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        _ = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(model.SyntaxTree, CancellationToken.None).ConfigureAwait(false);
        _ = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).ConfigureAwait(false);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var callbackBytes = analyzers.OfType<MeteredAnalyzer>().Sum(m => m.TakeBytes());

        var total = 0.0;
        foreach (var analyzer in analyzers)
        {
            total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
        }

        return new DocumentPass(total - msBefore, total, bytes, callbackBytes);
    }

    private static SyntaxTree Controller(Compilation compilation, int module)
    {
        var resource = WebApiGenerator.ResourceName(module);
        return compilation.SyntaxTrees.Single(t => t.FilePath == $"Modules/{resource}/{resource}Controller.cs");
    }

    /// <summary>A new action appended to the controller, before the brace that closes its class.</summary>
    private static TextChange Edit(SyntaxTree controller)
    {
        var text = controller.GetText().ToString();
        var end = text.LastIndexOf('}');
        Debug.Assert(end > 0, "a generated controller ends with its class's brace");
        return new TextChange(
            new TextSpan(end, 0),
            """
                [HttpGet("edited/{id:int}")]
                public IActionResult Edited(int id) => id > 0 ? Ok(id) : NotFound();

            """);
    }

    private sealed record DocumentPass(double AnalyzerMs, double TotalMs, long Bytes, long CallbackBytes);
}

/// <summary>
/// One analyzer set's cost on one document: its callbacks' time, the bytes it adds over the harness pass, and half the
/// range those bytes took over the repetitions (the driver's tasks make a few kilobytes' difference); for ErrorLint, also
/// what its callbacks allocated on their own thread, the rest being the driver's bookkeeping for its analyzers.
/// </summary>
internal sealed record DocumentFigures(double Milliseconds, long Bytes, long BytesSpread, long? CallbackBytes = null);

/// <summary>ErrorLint's and ASP.NET Core's analyzers' cost on the edited document and on a second one of the same compilation.</summary>
internal sealed record DocumentResult(
    int Actions, string EditedPath, string SecondPath, DocumentFigures ErrorLintFirst, DocumentFigures AspNetCoreFirst, DocumentFigures ErrorLintSecond, DocumentFigures AspNetCoreSecond);
