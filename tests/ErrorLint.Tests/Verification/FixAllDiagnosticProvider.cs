using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// Gives Fix All the analyzer's diagnostics of whatever project snapshot it asks about, computed by the same
    /// analysis as everywhere else (so an analyzer exception here fails the test too).
    /// </summary>
    internal sealed class FixAllDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
        private readonly ConcurrentDictionary<Project, Task<AnalysisResult>> results = new();

        public FixAllDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers, AnalysisResult known)
        {
            this.analyzers = analyzers;
            results[known.Project] = Task.FromResult(known);
        }

        /// <summary>The analysis of a project snapshot, computed once however often Fix All or the verifier asks.</summary>
        public Task<AnalysisResult> AnalyzeAsync(Project project, CancellationToken cancellationToken = default) =>
            results.GetOrAdd(project, p => Analysis.RunAsync(p, analyzers, includeCompilerDiagnostics: false, cancellationToken: cancellationToken));

        public override async Task<IEnumerable<RoslynDiagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return (await AnalyzerDiagnosticsAsync(document.Project, cancellationToken).ConfigureAwait(false)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<RoslynDiagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<RoslynDiagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);

        private async Task<ImmutableArray<RoslynDiagnostic>> AnalyzerDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var result = await AnalyzeAsync(project, cancellationToken).ConfigureAwait(false);
            return result.ThrowIfAnalyzerFailed("a project snapshot during Fix All").AnalyzerDiagnostics;
        }
    }
}
