using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ErrorLint.RealWorld;

/// <summary>One line of diagnostics.tsv.</summary>
internal sealed record DiagnosticRow(string Repository, string Project, string File, int Line, int Column, string Rule, string Message, string Source)
{
    public const string Header = "repository\tproject\tfile\tline\tcolumn\trule\tmessage\tsource";

    /// <summary>Repository, file, line, column, rule: the order rows are written in.</summary>
    public static readonly IComparer<DiagnosticRow> Order = Comparer<DiagnosticRow>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Repository, b.Repository);
        c = c != 0 ? c : string.CompareOrdinal(a.File, b.File);
        c = c != 0 ? c : a.Line.CompareTo(b.Line);
        c = c != 0 ? c : a.Column.CompareTo(b.Column);
        c = c != 0 ? c : string.CompareOrdinal(a.Rule, b.Rule);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });

    public string ToLine()
        => string.Join('\t', Repository, Project, File, Line.ToString(CultureInfo.InvariantCulture), Column.ToString(CultureInfo.InvariantCulture), Rule, Message, Source);

    /// <summary>Tabs and line breaks become spaces so a value stays in its cell.</summary>
    public static string Clean(string text, int? maxLength = null)
    {
        var clean = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Trim();
        return maxLength is { } max && clean.Length > max ? clean[..max] : clean;
    }

    public static void Write(string path, IEnumerable<DiagnosticRow> rows)
        => System.IO.File.WriteAllLines(path, new[] { Header }.Concat(rows.Select(r => r.ToLine())));

    public static IReadOnlyList<DiagnosticRow> Read(string path)
    {
        var rows = new List<DiagnosticRow>();
        foreach (var line in System.IO.File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 8)
            {
                throw new InvalidDataException($"{path}: expected 8 tab-separated columns, found {cells.Length}: {line}");
            }

            rows.Add(new DiagnosticRow(cells[0], cells[1], cells[2], int.Parse(cells[3], CultureInfo.InvariantCulture), int.Parse(cells[4], CultureInfo.InvariantCulture),
                cells[5], cells[6], string.Join('\t', cells.Skip(7))));
        }

        return rows;
    }
}
