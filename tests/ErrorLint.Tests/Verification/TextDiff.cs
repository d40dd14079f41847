using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ErrorLint.Tests.Verification
{
    /// <summary>A line diff of expected and actual text, so a failing fix test shows what differs and not two walls of code.</summary>
    internal static class TextDiff
    {
        private const int Context = 2;

        public static string Describe(string expected, string actual, string expectedLabel = "expected", string actualLabel = "actual")
        {
            if (expected.Replace("\r\n", "\n") == actual.Replace("\r\n", "\n"))
            {
                return "The texts differ only in line endings (\\r\\n versus \\n).";
            }

            var a = Lines(expected);
            var b = Lines(actual);
            var script = Script(a, b);

            var report = new StringBuilder($"--- {expectedLabel}{Environment.NewLine}+++ {actualLabel}{Environment.NewLine}");
            var changed = script.Select((line, i) => (line, i)).Where(x => x.line.Kind != ' ').Select(x => x.i).ToList();
            var shown = new HashSet<int>(changed.SelectMany(i => Enumerable.Range(i - Context, (2 * Context) + 1)));
            var skipping = false;
            for (var i = 0; i < script.Count; i++)
            {
                if (!shown.Contains(i))
                {
                    skipping = true;
                    continue;
                }

                if (skipping)
                {
                    report.AppendLine("  ...");
                    skipping = false;
                }

                var (kind, number, text) = script[i];
                report.AppendLine($"{kind} {number,4}: {Visible(text)}");
            }

            return report.ToString();
        }

        private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

        // Trailing blanks are the usual invisible cause of a mismatch: show them.
        private static string Visible(string line)
        {
            var trimmed = line.TrimEnd(' ', '\t');
            return trimmed.Length == line.Length ? line : trimmed + line[trimmed.Length..].Replace(' ', '·').Replace('\t', '→');
        }

        // Longest common subsequence over lines; test sources are small, so the quadratic table is fine.
        private static List<(char Kind, int Number, string Text)> Script(string[] a, string[] b)
        {
            var lcs = new int[a.Length + 1, b.Length + 1];
            for (var i = a.Length - 1; i >= 0; i--)
            {
                for (var j = b.Length - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            var script = new List<(char, int, string)>();
            int x = 0, y = 0;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && a[x] == b[y])
                {
                    script.Add((' ', y + 1, b[y]));
                    x++;
                    y++;
                }
                else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    script.Add(('-', x + 1, a[x]));
                    x++;
                }
                else
                {
                    script.Add(('+', y + 1, b[y]));
                    y++;
                }
            }

            return script;
        }
    }
}
