using System;
using System.IO;
using System.Linq;

namespace ErrorLint.RealWorld;

/// <summary>Paths as Windows-authored projects write them, found on a case-sensitive file system.</summary>
internal static class PathResolver
{
    /// <summary>
    /// The full path of <paramref name="relative"/> (backslashes allowed) from <paramref name="baseDirectory"/>, each segment
    /// matched case-insensitively when the exact spelling is missing; null when it cannot be found or names an MSBuild property.
    /// </summary>
    public static string? Resolve(string baseDirectory, string relative)
    {
        var normalized = relative.Replace('\\', '/')
            .Replace("$(MSBuildThisFileDirectory)", baseDirectory + "/", StringComparison.OrdinalIgnoreCase)
            .Replace("$(MSBuildProjectDirectory)", baseDirectory, StringComparison.OrdinalIgnoreCase);
        if (normalized.Contains("$(", StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, normalized));
        if (File.Exists(full))
        {
            return full;
        }

        var current = "/";
        foreach (var segment in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, segment);
            if (File.Exists(exact) || Directory.Exists(exact))
            {
                current = exact;
                continue;
            }

            if (!Directory.Exists(current))
            {
                return null;
            }

            var match = Directory.EnumerateFileSystemEntries(current)
                .FirstOrDefault(e => string.Equals(Path.GetFileName(e), segment, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return File.Exists(current) ? current : null;
    }
}
