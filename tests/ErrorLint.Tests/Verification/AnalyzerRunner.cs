using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// Runs analyzers over plain sources (no markup, compiler errors allowed) for tests that span every rule:
    /// an empty file, half-typed code, the sample app. Every descriptor is enabled; an analyzer exception fails.
    /// </summary>
    public static class AnalyzerRunner
    {
        /// <summary>The analyzers' diagnostics (not the compiler's), sorted by document and position.</summary>
        public static async Task<ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> RunAsync(
            DiagnosticAnalyzer[] analyzers,
            string[] sources,
            TargetFrameworks framework,
            string? editorConfig = null)
        {
            ArgumentNullException.ThrowIfNull(analyzers);
            ArgumentNullException.ThrowIfNull(sources);
            var list = analyzers.ToImmutableArray();
            var project = TestProject.Create(sources, framework, editorConfig, OutputKind.DynamicallyLinkedLibrary, list);
            var result = await Analysis.RunAsync(project, list, includeCompilerDiagnostics: false).ConfigureAwait(false);
            return result.ThrowIfAnalyzerFailed($"{sources.Length} source(s) against {TestReferences.DisplayName(framework)}").AnalyzerDiagnostics;
        }
    }
}
