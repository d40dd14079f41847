using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// Compares what a state's markup expects with what was reported: same id, document and exact span, and the
    /// message and severity where the test gives them. Compiler errors always take part; compiler warnings only
    /// when the markup names their id.
    /// </summary>
    internal static class DiagnosticComparer
    {
        public static void AssertMatches(TestState state, ImmutableArray<ExpectedEntry> expected, AnalysisResult actual)
        {
            var expectedIds = expected.Select(e => e.Id).ToImmutableHashSet();
            var reported = actual.AnalyzerDiagnostics
                .Concat(actual.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || expectedIds.Contains(d.Id)))
                .ToList();

            var unmatched = new List<RoslynDiagnostic>(reported);
            var missing = new List<ExpectedEntry>();
            var wrong = new List<string>();
            foreach (var entry in expected.OrderBy(e => e.Document).ThenBy(e => e.Span.Start))
            {
                var match = unmatched.FirstOrDefault(d =>
                    d.Id == entry.Id && DiagnosticDump.DocumentIndex(d) == entry.Document && d.Location.SourceSpan == entry.Span);
                if (match is null)
                {
                    missing.Add(entry);
                    continue;
                }

                unmatched.Remove(match);
                var message = match.GetMessage(CultureInfo.InvariantCulture);
                if (entry.Message is not null && entry.Message != message)
                {
                    wrong.Add($"{DiagnosticDump.Describe(match)}{Environment.NewLine}    Expected message: {entry.Message}{Environment.NewLine}    Actual message:   {message}");
                }

                if (entry.Severity is { } severity && severity != match.Severity)
                {
                    wrong.Add($"{DiagnosticDump.Describe(match)}{Environment.NewLine}    Expected severity: {DiagnosticDump.Severity(severity)}, actual: {DiagnosticDump.Severity(match.Severity)}");
                }
            }

            if (missing.Count == 0 && unmatched.Count == 0 && wrong.Count == 0)
            {
                return;
            }

            var report = new StringBuilder();
            report.AppendLine($"Diagnostics in {state.Description} do not match its markup.");
            Section(report, "Expected but not reported:", missing.Select(e => DiagnosticDump.Describe(e, state.Documents[e.Document].Text)));
            Section(report, "Reported but not expected:", unmatched.Select(DiagnosticDump.Describe));
            Section(report, "Reported with the wrong message or severity:", wrong);
            Section(report, "All reported diagnostics:", reported.Select(DiagnosticDump.Describe));
            for (var document = 0; document < state.Documents.Length; document++)
            {
                var here = reported.Where(d => DiagnosticDump.DocumentIndex(d) == document).Select(d => (d.Location.SourceSpan, d.Id)).ToList();
                if (here.Count > 0 || expected.Any(e => e.Document == document))
                {
                    report.AppendLine($"{TestProject.DocumentName(document)} with the reported diagnostics as markup:");
                    report.AppendLine(DiagnosticDump.AsMarkup(state.Documents[document].Text, here));
                }
            }

            throw new VerificationFailedException(report.ToString());
        }

        /// <summary>Fails if the analyzers reported anything: for passes where every diagnostic must vanish.</summary>
        public static void AssertNone(ImmutableArray<RoslynDiagnostic> diagnostics, string why)
        {
            if (!diagnostics.IsEmpty)
            {
                throw new VerificationFailedException(
                    $"Expected no analyzer diagnostics {why}, but got:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics.Select(DiagnosticDump.Describe))}");
            }
        }

        private static void Section(StringBuilder report, string title, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count == 0)
            {
                return;
            }

            report.AppendLine(title);
            foreach (var line in list)
            {
                report.AppendLine(line);
            }
        }
    }
}
