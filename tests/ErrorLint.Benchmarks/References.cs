using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Benchmarks;

/// <summary>The reference assemblies the generated code compiles against, and the analyzers under measurement.</summary>
internal static class References
{
    private static readonly string PackageRoot = Metadata("NuGetPackageRoot");
    private static readonly string AspNetCoreVersion = Metadata("AspNetCoreVersion");

    public static string AspNetCoreRefPackage => Path.Combine(PackageRoot, "microsoft.aspnetcore.app.ref", AspNetCoreVersion);

    public static ImmutableArray<MetadataReference> NetCore { get; } = Load(Path.Combine(PackageRoot, "microsoft.netcore.app.ref", AspNetCoreVersion, "ref", "net10.0"));

    public static ImmutableArray<MetadataReference> AspNetCore { get; } = NetCore.AddRange(Load(Path.Combine(AspNetCoreRefPackage, "ref", "net10.0")));

    /// <summary>Every analyzer in the ErrorLint assembly, found by reflection so new rules are measured without edits here.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ErrorLintAnalyzers() => AnalyzersIn(typeof(ErrorLint.Rules.ErrorBodyWithSuccessStatusAnalyzer).Assembly);

    /// <summary>Every analyzer of an ErrorLint build, in name order.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly)
        => assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The analyzers ASP.NET Core ships in its reference pack (analyzers/dotnet/cs), as the SDK loads them.</summary>
    public static ImmutableArray<(string Assembly, DiagnosticAnalyzer Analyzer)> AspNetCoreAnalyzers()
    {
        var folder = Path.Combine(AspNetCoreRefPackage, "analyzers", "dotnet", "cs");
        var loader = new DefaultContextLoader();
        var result = ImmutableArray.CreateBuilder<(string, DiagnosticAnalyzer)>();
        foreach (var path in Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(path, loader);
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                result.Add((Path.GetFileNameWithoutExtension(path), analyzer));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Reference assemblies not found in {folder}; run 'dotnet restore' first.");
        }

        return Directory.GetFiles(folder, "*.dll")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static string Metadata(string key)
        => typeof(References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");

    /// <summary>Loads analyzer assemblies into the default context, where this process's Roslyn already lives.</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        private readonly HashSet<string> folders = new(StringComparer.Ordinal);

        public DefaultContextLoader()
            => AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                foreach (var folder in folders)
                {
                    var candidate = Path.Combine(folder, name.Name + ".dll");
                    if (File.Exists(candidate))
                    {
                        return context.LoadFromAssemblyPath(candidate);
                    }
                }

                return null;
            };

        public void AddDependencyLocation(string fullPath) => folders.Add(Path.GetDirectoryName(fullPath)!);

        public Assembly LoadFromPath(string fullPath)
        {
            AddDependencyLocation(fullPath);
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }
}
