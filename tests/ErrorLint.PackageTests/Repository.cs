using System;
using System.Linq;
using System.Reflection;

namespace ErrorLint.PackageTests
{
    /// <summary>Facts about the repository, written into this assembly at build time.</summary>
    internal static class Repository
    {
        public static string Root { get; } = Metadata("RepositoryRoot");

        /// <summary>The Roslyn version the analyzers and fixes are compiled against, as an assembly version (4.5.0.0).</summary>
        public static Version RoslynForAnalyzersVersion { get; } = AssemblyVersion(Version.Parse(Metadata("RoslynForAnalyzersVersion")));

        private static Version AssemblyVersion(Version v)
            => new(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));

        private static string Metadata(string key)
            => typeof(Repository).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value!;
    }
}
