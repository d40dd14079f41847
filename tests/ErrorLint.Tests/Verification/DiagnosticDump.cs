using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification
{
    /// <summary>Renders diagnostics the way a reader wants them in a failing test: position, id, message, the source line.</summary>
    internal static class DiagnosticDump
    {
        public static int DocumentIndex(RoslynDiagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource)
            {
                return -1;
            }

            var name = Path.GetFileNameWithoutExtension(diagnostic.Location.SourceTree!.FilePath);
            return name.StartsWith("Test", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        }

        public static string Describe(RoslynDiagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource)
            {
                return $"  (no source location): {Severity(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
            }

            var text = diagnostic.Location.SourceTree!.GetText();
            return Describe(Path.GetFileName(diagnostic.Location.SourceTree!.FilePath), text, diagnostic.Location.SourceSpan, $"{Severity(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
        }

        public static string Describe(ExpectedEntry expected, string text)
        {
            var details = new StringBuilder(expected.Id);
            if (expected.Severity is { } severity)
            {
                details.Insert(0, Severity(severity) + " ");
            }

            if (expected.Message is not null)
            {
                details.Append(": ").Append(expected.Message);
            }

            details.Append("   (from ").Append(expected.Origin).Append(')');
            return Describe(TestProject.DocumentName(expected.Document), SourceText.From(text), expected.Span, details.ToString());
        }

        public static string Severity(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

        /// <summary>The text with the given diagnostics written in as {|ID:...|} markup, ready to paste into a test.</summary>
        public static string AsMarkup(string text, IEnumerable<(TextSpan Span, string Id)> diagnostics)
        {
            var inserts = new List<(int Position, int Order, string Text)>();
            foreach (var (span, id) in diagnostics)
            {
                // At one position: closers before openers; outer spans open first and close last.
                inserts.Add((span.Start, 1_000_000 - span.Length, "{|" + id + ":"));
                inserts.Add((span.End, span.Length - 2_000_000, "|}"));
            }

            var builder = new StringBuilder(text);
            foreach (var insert in inserts.OrderByDescending(i => i.Position).ThenByDescending(i => i.Order))
            {
                builder.Insert(insert.Position, insert.Text);
            }

            return builder.ToString();
        }

        private static string Describe(string documentName, SourceText text, TextSpan span, string details)
        {
            var position = text.Lines.GetLinePositionSpan(span);
            var line = text.Lines[position.Start.Line];
            var lineText = line.ToString().Replace('\t', ' ');
            var underlineEnd = position.End.Line == position.Start.Line ? position.End.Character : lineText.Length;
            var underline = new string(' ', position.Start.Character) + new string('^', Math.Max(1, underlineEnd - position.Start.Character));
            return $"  {documentName}({position.Start.Line + 1},{position.Start.Character + 1})-({position.End.Line + 1},{position.End.Character + 1}): {details}{Environment.NewLine}" +
                   $"      {lineText}{Environment.NewLine}" +
                   $"      {underline}";
        }
    }
}
