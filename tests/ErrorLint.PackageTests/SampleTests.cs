using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ErrorLint.PackageTests
{
    /// <summary>
    /// The sample API shows what its comments say: building it reports a rule on exactly the lines
    /// that end with a comment naming that rule (<c>// EL0001: ...</c>), and the build still succeeds.
    /// </summary>
    public sealed class SampleTests
    {
        private static readonly Regex Marker = new(@"//\s*(?<id>EL\d{4})\b", RegexOptions.CultureInvariant);

        private static string SampleDirectory => Path.Combine(Repository.Root, "docs", "samples", "SampleApi");

        [Fact]
        public void Building_the_sample_reports_each_marked_line_and_no_other()
        {
            var project = Path.Combine(SampleDirectory, "SampleApi.csproj");

            // The first build brings the analyzer projects up to date; the second recompiles the
            // sample alone, so its warnings are printed even when nothing changed since last time.
            var prepare = DotNetCli.Run(Repository.Root, "build", project, "-tl:off");
            Assert.True(prepare.Succeeded, prepare.ToString());
            var build = DotNetCli.Run(Repository.Root,
                "build", project, "--no-restore", "--no-incremental", "-p:BuildProjectReferences=false", "-tl:off");
            Assert.True(build.Succeeded, "The sample's warnings must not fail its build:\n" + build);

            var expected = MarkedLines();
            Assert.True(expected.Count > 0, "No line of the sample is marked with a rule ID.");
            var reported = BuildOutput.Diagnostics(build.Output)
                .Where(d => d.Id.StartsWith("EL", StringComparison.Ordinal))
                .Select(d => $"{Path.GetRelativePath(SampleDirectory, d.Path).Replace('\\', '/')}({d.Line}): {d.Id}")
                .Distinct()
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
            var others = BuildOutput.Diagnostics(build.Output).Where(d => !d.Id.StartsWith("EL", StringComparison.Ordinal)).ToList();

            Assert.True(expected.SequenceEqual(reported),
                $"Marked in the sample:\n  {string.Join("\n  ", expected)}\nreported by the build:\n  {string.Join("\n  ", reported)}\n{build}");
            Assert.True(others.Count == 0, "The sample should show ErrorLint's warnings only:\n" + build);
        }

        private static List<string> MarkedLines()
        {
            var marked = new List<string>();
            foreach (var file in Directory.EnumerateFiles(SampleDirectory, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(SampleDirectory, file).Replace('\\', '/');
                if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in Marker.Matches(lines[i]))
                    {
                        marked.Add($"{relative}({i + 1}): {match.Groups["id"].Value}");
                    }
                }
            }

            marked.Sort(StringComparer.Ordinal);
            return marked;
        }
    }
}
