using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ErrorLint.PackageTests
{
    /// <summary>One diagnostic line of MSBuild's console output: <c>path(line,column): warning ID: message</c>.</summary>
    internal sealed record ReportedDiagnostic(string Path, int Line, int Column, string Severity, string Id);

    internal static class BuildOutput
    {
        private static readonly Regex DiagnosticLine = new(
            @"^\s*(?<path>\S.*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+):",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>Every distinct diagnostic the output reports (MSBuild repeats them in its summary).</summary>
        public static IReadOnlyList<ReportedDiagnostic> Diagnostics(string output)
            => DiagnosticLine.Matches(output)
                .Select(m => new ReportedDiagnostic(
                    m.Groups["path"].Value,
                    int.Parse(m.Groups["line"].Value),
                    int.Parse(m.Groups["column"].Value),
                    m.Groups["severity"].Value,
                    m.Groups["id"].Value))
                .Distinct()
                .ToList();
    }
}
