using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using static System.FormattableString;

namespace ErrorLint.RealWorld;

/// <summary>
/// <c>diff</c>: what appeared and disappeared between two diagnostics.tsv files. Rows match on repository, file, rule
/// and source text; among several candidates the nearest line wins, so code that moved a few lines still matches.
/// </summary>
internal static class DiffCommand
{
    public static int Run(string beforePath, string afterPath, string? output)
    {
        var before = DiagnosticRow.Read(beforePath);
        var after = DiagnosticRow.Read(afterPath);
        var (appeared, disappeared) = Compare(before, after);
        var text = new StringBuilder();
        text.AppendLine($"Before: {beforePath} ({before.Count} rows)");
        text.AppendLine($"After:  {afterPath} ({after.Count} rows)");
        text.AppendLine();
        text.AppendLine("| Rule | Before | After | Appeared | Disappeared |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        var rules = before.Concat(after).Select(r => r.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        foreach (var rule in rules)
        {
            text.AppendLine(Invariant($"| {rule} | {before.Count(r => r.Rule == rule)} | {after.Count(r => r.Rule == rule)} | {appeared.Count(r => r.Rule == rule)} | {disappeared.Count(r => r.Rule == rule)} |"));
        }

        text.AppendLine(Invariant($"| **Total** | {before.Count} | {after.Count} | {appeared.Count} | {disappeared.Count} |"));
        Section(text, "Appeared", appeared);
        Section(text, "Disappeared", disappeared);
        Console.Write(text.ToString());
        if (output is not null)
        {
            File.WriteAllText(output, text.ToString());
        }

        return 0;
    }

    private static void Section(StringBuilder text, string title, List<DiagnosticRow> rows)
    {
        text.AppendLine();
        text.AppendLine(Invariant($"## {title} ({rows.Count})"));
        text.AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(Invariant($"{row.Rule}\t{row.Repository}\t{row.File}:{row.Line}:{row.Column}\t{row.Source}\t{row.Message}"));
        }
    }

    private static (List<DiagnosticRow> Appeared, List<DiagnosticRow> Disappeared) Compare(IReadOnlyList<DiagnosticRow> before, IReadOnlyList<DiagnosticRow> after)
    {
        var appeared = new List<DiagnosticRow>();
        var disappeared = new List<DiagnosticRow>();
        static (string, string, string, string) Key(DiagnosticRow r) => (r.Repository, r.File, r.Rule, r.Source);
        var afterGroups = after.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in before.GroupBy(Key))
        {
            var candidates = afterGroups.TryGetValue(group.Key, out var list) ? list : new List<DiagnosticRow>();
            afterGroups.Remove(group.Key);

            // Closest pairs first, so two rows on shifted lines pair with their own counterparts.
            var pairs = group.SelectMany((b, i) => candidates.Select((a, j) => (Distance: Math.Abs(a.Line - b.Line), i, j)))
                .OrderBy(p => p.Distance).ThenBy(p => p.i).ThenBy(p => p.j);
            var matchedBefore = new HashSet<int>();
            var matchedAfter = new HashSet<int>();
            foreach (var (_, i, j) in pairs)
            {
                if (!matchedBefore.Contains(i) && !matchedAfter.Contains(j))
                {
                    matchedBefore.Add(i);
                    matchedAfter.Add(j);
                }
            }

            disappeared.AddRange(group.Where((_, i) => !matchedBefore.Contains(i)));
            appeared.AddRange(candidates.Where((_, j) => !matchedAfter.Contains(j)));
        }

        appeared.AddRange(afterGroups.Values.SelectMany(g => g));
        appeared.Sort(DiagnosticRow.Order);
        disappeared.Sort(DiagnosticRow.Order);
        return (appeared, disappeared);
    }
}
