using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using static System.FormattableString;

namespace ErrorLint.RealWorld;

/// <summary><c>context</c>: each diagnostic with the source around it, the flagged line marked with &gt;, for judging by hand.</summary>
internal static class ContextCommand
{
    public static int Run(string tsv, string? rule, string? repository, int lines, string repositories)
    {
        var rows = DiagnosticRow.Read(tsv)
            .Where(r => rule is null || string.Equals(r.Rule, rule, StringComparison.OrdinalIgnoreCase))
            .Where(r => repository is null
                || string.Equals(r.Repository, repository, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.Repository.Replace('/', '+'), repository, StringComparison.OrdinalIgnoreCase)
                || r.Repository.Contains(repository, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            Console.WriteLine(Invariant($"=== {row.Rule} {row.Repository} {row.File}:{row.Line}:{row.Column} ({row.Project})"));
            Console.WriteLine("    " + row.Message);
            var path = Path.Combine(repositories, row.Repository.Replace('/', '+'), row.File);
            if (!cache.TryGetValue(path, out var text))
            {
                text = row.File.Length > 0 && File.Exists(path) ? File.ReadAllLines(path) : null;
                cache[path] = text;
            }

            if (text is null || row.Line < 1)
            {
                Console.WriteLine("    (no source)");
                Console.WriteLine();
                continue;
            }

            var width = Math.Min(text.Length, row.Line + lines).ToString(CultureInfo.InvariantCulture).Length;
            for (var line = Math.Max(1, row.Line - lines); line <= Math.Min(text.Length, row.Line + lines); line++)
            {
                Console.WriteLine($"{(line == row.Line ? ">" : " ")} {line.ToString(CultureInfo.InvariantCulture).PadLeft(width)} | {text[line - 1]}");
            }

            Console.WriteLine();
        }

        Console.WriteLine(Invariant($"{rows.Count} diagnostics"));
        return 0;
    }
}
