using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ErrorLint.RealWorld;

/// <summary>One checkout under the repositories folder, named owner+name.</summary>
internal sealed class Repository
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", ".vs" };

    private Repository(string folder)
    {
        Folder = Path.GetFullPath(folder).TrimEnd('/');
        FolderName = Path.GetFileName(Folder);
        Name = FolderName.Replace('+', '/');
    }

    public string Folder { get; }

    /// <summary>owner+name, as the folder is called.</summary>
    public string FolderName { get; }

    /// <summary>owner/name.</summary>
    public string Name { get; }

    /// <summary>Every repository folder under <paramref name="root"/> in name order, or only those <paramref name="only"/> names (folder name or owner/name, any case).</summary>
    public static IReadOnlyList<Repository> All(string root, IReadOnlyCollection<string>? only = null)
        => Directory.GetDirectories(root)
            .Select(d => new Repository(d))
            .Where(r => !r.FolderName.StartsWith('.'))
            .Where(r => only is null || only.Count == 0 || only.Any(o => string.Equals(o, r.FolderName, StringComparison.OrdinalIgnoreCase) || string.Equals(o, r.Name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The checkout's commit: git's short hash when the folder is a git work tree; else a COMMIT file's first line;
    /// else the mirror's HEAD (<paramref name="mirrors"/>/owner+name/repo, bare or not); else "unknown".
    /// </summary>
    public string Commit(string? mirrors)
    {
        if (Directory.Exists(Path.Combine(Folder, ".git")) || File.Exists(Path.Combine(Folder, ".git")))
        {
            if (Git("-C", Folder, "rev-parse", "--short", "HEAD") is { } hash)
            {
                return hash;
            }
        }

        var commitFile = Path.Combine(Folder, "COMMIT");
        if (File.Exists(commitFile) && File.ReadLines(commitFile).FirstOrDefault()?.Trim() is { Length: > 0 } recorded)
        {
            return recorded;
        }

        if (mirrors is not null)
        {
            var mirror = Path.Combine(mirrors, FolderName, "repo");
            var gitDir = Directory.Exists(Path.Combine(mirror, ".git")) ? Path.Combine(mirror, ".git") : mirror;
            if (Directory.Exists(gitDir) && Git("--git-dir=" + gitDir, "rev-parse", "--short", "HEAD") is { } hash)
            {
                return hash;
            }
        }

        return "unknown";
    }

    /// <summary>Every .csproj in the checkout (outside bin, obj and the like), in path order.</summary>
    public IReadOnlyList<string> Projects()
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Folder);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            result.AddRange(Directory.EnumerateFiles(folder, "*.csproj"));
            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>The checkout's projects that reference ASP.NET Core.</summary>
    public IReadOnlyList<string> AspNetCoreProjects() => Projects().Where(p => MsBuildProject.IsAspNetCore(p, Folder)).ToList();

    /// <summary>
    /// The .cs files a project compiles by default: everything under its folder except bin, obj and the folders of
    /// nested projects (a folder below it that holds a .csproj of its own).
    /// </summary>
    public static IReadOnlyList<string> SourceFiles(string projectDirectory)
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(projectDirectory);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            result.AddRange(Directory.EnumerateFiles(folder, "*.cs"));
            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)) && !Directory.EnumerateFiles(child, "*.csproj").Any())
                {
                    pending.Push(child);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>A path relative to the checkout, with forward slashes.</summary>
    public string Relative(string path) => Path.GetRelativePath(Folder, path).Replace('\\', '/');

    private static string? Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            _ = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
