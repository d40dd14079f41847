using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>
/// The harness's own analyzer, handed to the driver first. Its compilation-start action looks up a type, so the
/// compiler's one-time set-up of the compilation's namespaces is paid here and not by whichever real analyzer happens
/// to come first (as binding the references before the pass keeps that cost off them too). Its empty operation-block
/// action is the driver's floor: what every analyzer pays per member before its first line runs.
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
        {
            _ = start.Compilation.GetTypeByMetadataName("System.Object");
            start.RegisterOperationBlockAction(static _ => { });
        });
    }
}
