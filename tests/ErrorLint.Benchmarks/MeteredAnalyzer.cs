using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Hands the driver an ErrorLint rule unchanged and adds up the time its callbacks take, less the garbage
/// collections that paused the process meanwhile, and the bytes they allocate on the analyzer's thread. The driver charges a callback for every collection that starts
/// while it runs, whoever allocated (the compiler, binding on another thread, allocates nearly everything): one
/// collection adds a hundred milliseconds and more to a rule, so single passes of one build differ by half. Leaving
/// the pauses out steadies a comparison of two builds (<c>--compare</c>), which wraps both alike. The bytes split one
/// pass's allocation between the rules: the first rule to reach a member pays for the walk the others then read.
/// </summary>
// Handed to the driver by the benchmark, never loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1001, RS1012, RS1025, RS1026
internal sealed class MeteredAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer rule;
    private long ticks;
    private long bytes;

    public MeteredAnalyzer(DiagnosticAnalyzer rule)
    {
        this.rule = rule;
        SupportedDiagnostics = rule.SupportedDiagnostics;
    }

    /// <summary>The wrapped rule's name, as the report shows it.</summary>
    public string Name => rule.GetType().Name;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The bytes the rule's callbacks allocated on their thread since the last call.</summary>
    public long TakeBytes() => Interlocked.Exchange(ref bytes, 0);

    /// <summary>The time spent in the rule's callbacks since the last call, collections left out, in milliseconds.</summary>
    public double TakeMilliseconds() => Interlocked.Exchange(ref ticks, 0) * 1000.0 / Stopwatch.Frequency;

    public override void Initialize(AnalysisContext context) => rule.Initialize(new TimedContext(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(argument);
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            Interlocked.Add(ref bytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
            var pauses = (GC.GetTotalPauseDuration() - paused).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
            Interlocked.Add(ref ticks, Math.Max(0, elapsed - pauses));
        }
    };

    /// <summary>Forwards the registrations ErrorLint's rules make; any other kind fails loudly rather than go untimed.</summary>
    private sealed class TimedContext : AnalysisContext
    {
        private readonly AnalysisContext context;
        private readonly MeteredAnalyzer owner;

        public TimedContext(AnalysisContext context, MeteredAnalyzer owner)
        {
            this.context = context;
            this.owner = owner;
        }

        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => context.RegisterCompilationStartAction(owner.Timed<CompilationStartAnalysisContext>(start => action(new TimedStartContext(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Untimed(nameof(RegisterCompilationAction));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Untimed(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Untimed(nameof(RegisterSymbolAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Untimed(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Untimed(nameof(RegisterCodeBlockAction));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Untimed(nameof(RegisterSyntaxTreeAction));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Untimed(nameof(RegisterSyntaxNodeAction));
    }

    private sealed class TimedStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext start;
        private readonly MeteredAnalyzer owner;

        public TimedStartContext(CompilationStartAnalysisContext start, MeteredAnalyzer owner)
            : base(start.Compilation, start.Options, start.CancellationToken)
        {
            this.start = start;
            this.owner = owner;
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => start.RegisterOperationBlockAction(owner.Timed(action));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => start.RegisterCompilationEndAction(owner.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Untimed(nameof(RegisterSemanticModelAction));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Untimed(nameof(RegisterSymbolAction));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Untimed(nameof(RegisterCodeBlockStartAction));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Untimed(nameof(RegisterCodeBlockAction));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Untimed(nameof(RegisterSyntaxTreeAction));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Untimed(nameof(RegisterSyntaxNodeAction));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => start.RegisterOperationAction(owner.Timed(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Untimed(nameof(RegisterOperationBlockStartAction));
    }

    private static NotSupportedException Untimed(string registration)
        => new($"The benchmark's pause-free timing does not wrap {registration} yet; add it to {nameof(MeteredAnalyzer)}.");
}
