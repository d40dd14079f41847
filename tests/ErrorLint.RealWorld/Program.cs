using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace ErrorLint.RealWorld;

/// <summary>
/// Runs ErrorLint over ASP.NET Core applications checked out outside this repository. See README.md.
/// <code>
/// manifest --repos DIR --out FILE [--mirrors DIR]
/// run --repos DIR [--only a,b] [--analyzers path/to/ErrorLint.dll] --out DIR
/// diff BEFORE.tsv AFTER.tsv [--out FILE]
/// context --tsv FILE [--rule ELxxxx] [--repo name] [--lines N] --repos DIR
/// score --tsv FILE [--verdicts judged/verdicts.tsv] [--mistakes judged/mistakes.tsv] [--out FILE]
/// </code>
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          manifest --repos DIR --out FILE [--mirrors DIR (default /work/.mirror)]
          run --repos DIR [--only name1,name2] [--analyzers path/to/ErrorLint.dll] --out DIR
          diff BEFORE.tsv AFTER.tsv [--out FILE]
          context --tsv FILE [--rule ELxxxx] [--repo name] [--lines N (default 12)] --repos DIR
          score --tsv FILE [--verdicts judged/verdicts.tsv] [--mistakes judged/mistakes.tsv] [--out FILE]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;

        switch (args[0])
        {
            case "manifest" when Option("--repos") is { } repos && Option("--out") is { } output:
                return ManifestCommand.Run(repos, Option("--mirrors") ?? "/work/.mirror", output);
            case "run" when Option("--repos") is { } repos && Option("--out") is { } output:
                var only = (Option("--only") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return await RunCommand.RunAsync(repos, only, Option("--analyzers"), output).ConfigureAwait(false);
            case "diff" when positional.Count == 2:
                return DiffCommand.Run(positional[0], positional[1], Option("--out"));
            case "context" when Option("--tsv") is { } tsv && Option("--repos") is { } repos:
                var lines = Option("--lines") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 12;
                return ContextCommand.Run(tsv, Option("--rule"), Option("--repo"), lines, repos);
            case "score" when Option("--tsv") is { } tsv && (Option("--verdicts") is not null || Option("--mistakes") is not null):
                return ScoreCommand.Run(tsv, Option("--verdicts"), Option("--mistakes"), Option("--out"));
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
