using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Prints every ErrorLint diagnostic on the generated API, one sorted line each, so that two builds can be compared with
/// <c>diff</c>: a change meant to keep behaviour must leave the list identical.
/// </summary>
internal static class DiagnosticList
{
    public static async Task<int> RunAsync(int actions)
    {
        var analyzers = References.ErrorLintAnalyzers();
        foreach (var workload in new[] { Program.Web(actions), Program.Web(actions, mistakeSpacing: 1) })
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await workload.Compile().WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            var lines = diagnostics
                .Select(d => (Span: d.Location.GetLineSpan(), Diagnostic: d))
                .Select(d => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{workload.Name}\t{d.Span.Path}:{d.Span.StartLinePosition.Line + 1}:{d.Span.StartLinePosition.Character + 1}\t{d.Diagnostic.Id}\t{d.Diagnostic.GetMessage(CultureInfo.InvariantCulture)}"))
                .OrderBy(line => line, StringComparer.Ordinal);
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
        }

        return 0;
    }
}
