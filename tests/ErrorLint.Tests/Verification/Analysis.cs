using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification
{
    /// <summary>What one analyzer run over a project produced.</summary>
    internal sealed record AnalysisResult(
        Project Project,
        ImmutableArray<RoslynDiagnostic> AnalyzerDiagnostics,
        ImmutableArray<RoslynDiagnostic> CompilerDiagnostics,
        ImmutableArray<string> AnalyzerExceptions)
    {
        public ImmutableArray<RoslynDiagnostic> CompilerErrors =>
            CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        /// <summary>Throws when any analyzer threw: in an IDE that is an AD0001 and a disabled analyzer.</summary>
        public AnalysisResult ThrowIfAnalyzerFailed(string context)
        {
            if (!AnalyzerExceptions.IsEmpty)
            {
                throw new VerificationFailedException(
                    $"An analyzer threw (AD0001) while analyzing {context}:{Environment.NewLine}{string.Join(Environment.NewLine + Environment.NewLine, AnalyzerExceptions)}");
            }

            return this;
        }
    }

    /// <summary>Runs analyzers over a test project, capturing analyzer exceptions instead of hiding them.</summary>
    internal static class Analysis
    {
        public static async Task<AnalysisResult> RunAsync(
            Project project,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            bool includeCompilerDiagnostics,
            bool concurrentAnalysis = true,
            CancellationToken cancellationToken = default)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The test project has no compilation.");

            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().FullName}: {exception}"),
                concurrentAnalysis: concurrentAnalysis,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

            // One pass gives both the compiler's and the analyzers' diagnostics; binding twice would double the cost.
            var all = includeCompilerDiagnostics
                ? await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false)
                : await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            var analyzerIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet();
            foreach (var failure in all.Where(d => d.Id is "AD0001" or "AD0002"))
            {
                exceptions.Enqueue(failure.ToString());
            }

            return new AnalysisResult(
                project,
                Sort(all.Where(d => analyzerIds.Contains(d.Id))),
                Sort(all.Where(d => !analyzerIds.Contains(d.Id) && d.Id is not ("AD0001" or "AD0002"))),
                exceptions.Distinct().ToImmutableArray());
        }

        private static ImmutableArray<RoslynDiagnostic> Sort(System.Collections.Generic.IEnumerable<RoslynDiagnostic> diagnostics) =>
            diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.End)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
    }
}
