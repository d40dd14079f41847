using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// The reference assemblies test code compiles against, read from the reference packs the test project
    /// downloads at restore. Loaded once per process: reading ~300 assemblies per test would dominate the suite.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore8 = new(() => Load(Metadata("AspNetCore8Version"), "net8.0", withAspNetCore: true));
        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore10 = new(() => Load(Metadata("AspNetCore10Version"), "net10.0", withAspNetCore: true));
        private static readonly Lazy<ImmutableArray<MetadataReference>> NoAspNetCore = new(() => Load(Metadata("AspNetCore10Version"), "net10.0", withAspNetCore: false));
        private static readonly ReferenceAssemblies Net80 = new("net8.0");
        private static readonly ReferenceAssemblies Net100 = new("net10.0");

        /// <summary>The references of exactly one framework (a single flag of <see cref="TargetFrameworks"/>).</summary>
        public static ImmutableArray<MetadataReference> For(TargetFrameworks framework) => framework switch
        {
            TargetFrameworks.AspNetCore8 => AspNetCore8.Value,
            TargetFrameworks.AspNetCore10 => AspNetCore10.Value,
            TargetFrameworks.NoAspNetCore => NoAspNetCore.Value,
            _ => throw new ArgumentException($"Pick exactly one framework, not '{framework}'.", nameof(framework)),
        };

        /// <summary>
        /// The test framework's <see cref="ReferenceAssemblies"/> for a reference set: only the target framework's
        /// name, with no package to resolve, so the framework downloads nothing; the assemblies themselves are
        /// <see cref="For"/>, added to each project. One instance per set: the framework caches per instance.
        /// </summary>
        public static ReferenceAssemblies Assemblies(TargetFrameworks framework) => framework switch
        {
            TargetFrameworks.AspNetCore8 => Net80,
            TargetFrameworks.AspNetCore10 or TargetFrameworks.NoAspNetCore => Net100,
            _ => throw new ArgumentException($"Pick exactly one framework, not '{framework}'.", nameof(framework)),
        };

        /// <summary>A readable name for failure messages.</summary>
        public static string DisplayName(TargetFrameworks framework) => framework switch
        {
            TargetFrameworks.AspNetCore8 => $"ASP.NET Core 8 (net8.0, {Metadata("AspNetCore8Version")})",
            TargetFrameworks.AspNetCore10 => $"ASP.NET Core 10 (net10.0, {Metadata("AspNetCore10Version")})",
            TargetFrameworks.NoAspNetCore => $"no ASP.NET Core (net10.0 base library, {Metadata("AspNetCore10Version")})",
            _ => framework.ToString(),
        };

        /// <summary>The single flags set in <paramref name="frameworks"/>, in a fixed order.</summary>
        public static ImmutableArray<TargetFrameworks> Split(TargetFrameworks frameworks)
        {
            var unknown = frameworks & ~(TargetFrameworks.AspNetCore8 | TargetFrameworks.AspNetCore10 | TargetFrameworks.NoAspNetCore);
            if (frameworks == 0 || unknown != 0)
            {
                throw new ArgumentException($"Not a valid set of frameworks: '{frameworks}'.", nameof(frameworks));
            }

            return new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10, TargetFrameworks.NoAspNetCore }
                .Where(f => frameworks.HasFlag(f))
                .ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> Load(string version, string tfm, bool withAspNetCore)
        {
            var root = Metadata("NuGetPackageRoot");
            var folders = withAspNetCore
                ? new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" }
                : new[] { "microsoft.netcore.app.ref" };

            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var package in folders)
            {
                var folder = Path.Combine(root, package, version, "ref", tfm);
                if (!Directory.Exists(folder))
                {
                    throw new InvalidOperationException($"Reference pack folder '{folder}' is missing; run 'dotnet restore' on the test project.");
                }

                foreach (var file in Directory.EnumerateFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
                {
                    builder.Add(MetadataReference.CreateFromFile(file));
                }
            }

            return builder.ToImmutable();
        }

        private static string Metadata(string key)
        {
            var value = typeof(TestReferences).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == key)?.Value;
            return string.IsNullOrEmpty(value)
                ? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; it comes from ErrorLint.Tests.csproj.")
                : value;
        }
    }
}
