using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using static System.FormattableString;

namespace ErrorLint.RealWorld;

/// <summary>
/// <c>score</c>: precision and recall of one run against the judgements kept in this repository. A warning takes the
/// verdict recorded for its repository, file, line and rule; a labelled mistake counts as found when the run reports a
/// rule of its family in the same file within <see cref="RecallLineTolerance"/> lines (a response spans a few lines, and a
/// rule may report at the response or at the value it sends), each warning finding one mistake at most.
/// </summary>
internal static class ScoreCommand
{
    public const int RecallLineTolerance = 5;

    public static int Run(string diagnosticsPath, string? verdictsPath, string? mistakesPath, string? output)
    {
        var rows = DiagnosticRow.Read(diagnosticsPath).Where(r => r.Rule.StartsWith("EL", StringComparison.Ordinal)).ToList();
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Run: {diagnosticsPath} ({rows.Count} ErrorLint warnings)"));
        if (verdictsPath is not null)
        {
            Precision(text, rows, Judgement.ReadVerdicts(verdictsPath));
        }

        if (mistakesPath is not null)
        {
            Recall(text, rows, Judgement.ReadMistakes(mistakesPath));
        }

        Console.Write(text.ToString());
        if (output is not null)
        {
            File.WriteAllText(output, text.ToString());
        }

        return 0;
    }

    private static void Precision(StringBuilder text, List<DiagnosticRow> rows, IReadOnlyList<Verdict> verdicts)
    {
        var byPlace = new Dictionary<(string, string, int, string), Verdict>();
        foreach (var verdict in verdicts)
        {
            byPlace[(verdict.Repository, verdict.File, verdict.Line, verdict.Rule)] = verdict;
        }

        var judged = rows.Select(r => (Row: r, Verdict: byPlace.TryGetValue((r.Repository, r.File, r.Line, r.Rule), out var v) ? v : null)).ToList();
        text.AppendLine();
        text.AppendLine("## Precision");
        text.AppendLine();
        text.AppendLine("| Rule | Warnings | TP / FP / unsure | Not judged | Right |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var rule in judged.GroupBy(j => j.Row.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            AppendPrecisionRow(text, rule.Key, rule.ToList());
        }

        AppendPrecisionRow(text, "**All**", judged);

        text.AppendLine();
        text.AppendLine("Per repository (TP / FP, unsure and not judged in brackets when there are any):");
        text.AppendLine();
        var ruleNames = judged.Select(j => j.Row.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        text.AppendLine("| Repository | " + string.Join(" | ", ruleNames) + " |");
        text.AppendLine("|---|" + string.Concat(ruleNames.Select(_ => "---:|")));
        foreach (var repository in judged.GroupBy(j => j.Row.Repository).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cells = ruleNames.Select(rule =>
            {
                var cell = repository.Where(j => j.Row.Rule == rule).ToList();
                if (cell.Count == 0)
                {
                    return "·";
                }

                var (tp, fp, unsure, missing) = Count(cell);
                return Invariant($"{tp} / {fp}") + (unsure + missing > 0 ? Invariant($" ({unsure + missing})") : string.Empty);
            });
            text.AppendLine($"| {repository.Key} | " + string.Join(" | ", cells) + " |");
        }

        var falsePositives = judged.Where(j => j.Verdict?.Kind == VerdictKind.FalsePositive).ToList();
        if (falsePositives.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("False-positive classes:");
            text.AppendLine();
            text.AppendLine("| Rule | Class | Warnings |");
            text.AppendLine("|---|---|---:|");
            foreach (var group in falsePositives.GroupBy(j => (j.Row.Rule, j.Verdict!.Class)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal).ThenBy(g => g.Key.Class, StringComparer.Ordinal))
            {
                text.AppendLine(Invariant($"| {group.Key.Rule} | `{(group.Key.Class.Length == 0 ? "unclassified" : group.Key.Class)}` | {group.Count()} |"));
            }
        }

        var notJudged = judged.Where(j => j.Verdict is null).Select(j => j.Row).ToList();
        text.AppendLine();
        text.AppendLine(Invariant($"Not judged ({notJudged.Count}):"));
        foreach (var row in notJudged)
        {
            text.AppendLine(Invariant($"{row.Repository}\t{row.File}\t{row.Line}\t{row.Rule}\t{row.Source}"));
        }
    }

    private static void AppendPrecisionRow(StringBuilder text, string name, List<(DiagnosticRow Row, Verdict? Verdict)> rows)
    {
        var (tp, fp, unsure, missing) = Count(rows);
        var decided = tp + fp + unsure;
        var right = decided == 0 ? "—" : Invariant($"{tp * 100.0 / decided:0} %");
        text.AppendLine(Invariant($"| {name} | {rows.Count} | {tp} / {fp} / {unsure} | {missing} | {right} |"));
    }

    private static (int TruePositives, int FalsePositives, int Unsure, int NotJudged) Count(IEnumerable<(DiagnosticRow Row, Verdict? Verdict)> rows)
    {
        int tp = 0, fp = 0, unsure = 0, missing = 0;
        foreach (var (_, verdict) in rows)
        {
            switch (verdict?.Kind)
            {
                case VerdictKind.TruePositive: tp++; break;
                case VerdictKind.FalsePositive: fp++; break;
                case VerdictKind.Unsure: unsure++; break;
                default: missing++; break;
            }
        }

        return (tp, fp, unsure, missing);
    }

    private static void Recall(StringBuilder text, List<DiagnosticRow> rows, IReadOnlyList<Mistake> mistakes)
    {
        // One warning finds one mistake: in each file and family, the closest pairs are matched first.
        var found = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var warningsByPlace = rows.GroupBy(r => (r.Repository, r.File, Family: Judgement.Family(r.Rule))).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in mistakes.GroupBy(m => (m.Repository, m.File, Family: Judgement.Family(m.Rule))))
        {
            if (!warningsByPlace.TryGetValue(group.Key, out var warnings))
            {
                continue;
            }

            var labelled = group.ToList();
            var pairs = labelled.SelectMany((m, i) => warnings.Select((w, j) => (Distance: Math.Abs(w.Line - m.Line), i, j)))
                .Where(p => p.Distance <= RecallLineTolerance)
                .OrderBy(p => p.Distance).ThenBy(p => p.i).ThenBy(p => p.j);
            var usedWarnings = new HashSet<int>();
            foreach (var (_, i, j) in pairs)
            {
                if (!found.Contains(labelled[i]) && usedWarnings.Add(j))
                {
                    found.Add(labelled[i]);
                }
            }
        }

        var scored = mistakes.Select(m => (Mistake: m, Found: found.Contains(m))).ToList();
        text.AppendLine();
        text.AppendLine("## Recall");
        text.AppendLine();
        text.AppendLine("| Rule | Mistakes labelled | Found | Recall |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var family in scored.GroupBy(s => Judgement.Family(s.Mistake.Rule)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            AppendRecallRow(text, family.Key, family.ToList());
        }

        AppendRecallRow(text, "**All**", scored);

        text.AppendLine();
        text.AppendLine("Per repository:");
        text.AppendLine();
        text.AppendLine("| Repository | Mistakes labelled | Found |");
        text.AppendLine("|---|---:|---:|");
        foreach (var repository in scored.GroupBy(s => s.Mistake.Repository).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant($"| {repository.Key} | {repository.Count()} | {repository.Count(s => s.Found)} |"));
        }

        var missed = scored.Where(s => !s.Found).Select(s => s.Mistake).ToList();
        text.AppendLine();
        text.AppendLine(Invariant($"Missed ({missed.Count}):"));
        foreach (var mistake in missed)
        {
            text.AppendLine(Invariant($"{mistake.Repository}\t{mistake.File}\t{mistake.Line}\t{mistake.Rule}\t{mistake.Reason}"));
        }
    }

    private static void AppendRecallRow(StringBuilder text, string name, List<(Mistake Mistake, bool Found)> rows)
    {
        var found = rows.Count(r => r.Found);
        text.AppendLine(Invariant($"| {name} | {rows.Count} | {found} | {(rows.Count == 0 ? "—" : Invariant($"{found * 100.0 / rows.Count:0} %"))} |"));
    }
}

internal enum VerdictKind
{
    TruePositive,
    FalsePositive,
    Unsure,
}

/// <summary>One judged warning: where it was reported, the verdict, the false-positive class (if one) and why.</summary>
internal sealed record Verdict(string Repository, string File, int Line, string Rule, VerdictKind Kind, string Class, string Reason);

/// <summary>One mistake found by hand in real code, with the rule that should report it.</summary>
internal sealed record Mistake(string Repository, string File, int Line, string Rule, string Reason);

/// <summary>Reads the judgement files (<c>judged/verdicts.tsv</c>, <c>judged/mistakes.tsv</c>); see README.md for their columns.</summary>
internal static class Judgement
{
    public const string VerdictsHeader = "repository\tfile\tline\trule\tverdict\tclass\treason";
    public const string MistakesHeader = "repository\tfile\tline\trule\treason";

    /// <summary>EL0009 and EL0010 report one leak between them (stack trace or message), so they are scored as one.</summary>
    public static string Family(string rule) => rule is "EL0009" or "EL0010" ? "EL0009/EL0010" : rule;

    public static IReadOnlyList<Verdict> ReadVerdicts(string path)
        => Cells(path, VerdictsHeader, 7).Select(c => new Verdict(c[0], c[1], Number(path, c[2]), c[3], Kind(path, c[4]), c[5], c[6])).ToList();

    public static IReadOnlyList<Mistake> ReadMistakes(string path)
        => Cells(path, MistakesHeader, 5).Select(c => new Mistake(c[0], c[1], Number(path, c[2]), c[3], c[4])).ToList();

    private static IEnumerable<string[]> Cells(string path, string header, int columns)
    {
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || lines.Current != header)
        {
            throw new InvalidDataException($"{path}: the first line must be the header '{header.Replace('\t', ' ')}' (tab-separated)");
        }

        while (lines.MoveNext())
        {
            if (lines.Current.Length == 0)
            {
                continue;
            }

            var cells = lines.Current.Split('\t');
            if (cells.Length != columns)
            {
                throw new InvalidDataException($"{path}: expected {columns} tab-separated columns, found {cells.Length}: {lines.Current}");
            }

            yield return cells;
        }
    }

    private static int Number(string path, string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw new InvalidDataException($"{path}: '{text}' is not a line number");

    private static VerdictKind Kind(string path, string text) => text switch
    {
        "TP" => VerdictKind.TruePositive,
        "FP" => VerdictKind.FalsePositive,
        "unsure" => VerdictKind.Unsure,
        _ => throw new InvalidDataException($"{path}: verdict '{text}' is not TP, FP or unsure"),
    };
}
