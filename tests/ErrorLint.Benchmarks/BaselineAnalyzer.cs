using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>
/// The driver's floor: an analyzer that registers for the operation kinds ErrorLint's response rules watch and does
/// nothing with them. What it costs, every analyzer that watches those kinds pays before its first line runs.
/// </summary>
// Handed to the driver by the benchmark, never loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1001, RS2008
internal sealed class BaselineAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BASELINE", "Baseline", "Baseline", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
            start.RegisterOperationBlockAction(static _ => { }));
    }
}
