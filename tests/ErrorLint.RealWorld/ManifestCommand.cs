using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ErrorLint.RealWorld;

/// <summary><c>manifest</c>: which checkouts, at which commit, with how many ASP.NET Core projects.</summary>
internal static class ManifestCommand
{
    public static int Run(string repositories, string? mirrors, string output)
    {
        var lines = new[] { "repository\tcommit\taspnetcore_projects" }.ToList();
        foreach (var repository in Repository.All(repositories))
        {
            var line = string.Join('\t', repository.Name, repository.Commit(mirrors), repository.AspNetCoreProjects().Count.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine(line);
            lines.Add(line);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllLines(output, lines);
        Console.WriteLine($"wrote {output}");
        return 0;
    }
}
