using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.RealWorld;

/// <summary>The reference assemblies applications compile against, and the ErrorLint analyzers that run on them.</summary>
internal static class References
{
    private static readonly string PackageRoot = Metadata("NuGetPackageRoot");
    private static readonly string AspNetCoreVersion = Metadata("AspNetCoreVersion");

    /// <summary>Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref for net10.0: what a Web SDK project sees without its NuGet packages.</summary>
    public static ImmutableArray<MetadataReference> AspNetCore { get; } =
        Load(Path.Combine(PackageRoot, "microsoft.netcore.app.ref", AspNetCoreVersion, "ref", "net10.0"))
            .AddRange(Load(Path.Combine(PackageRoot, "microsoft.aspnetcore.app.ref", AspNetCoreVersion, "ref", "net10.0")));

    /// <summary>The analyzers of the ErrorLint build this harness references.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ErrorLintAnalyzers()
        => AnalyzersIn(typeof(ErrorLint.Rules.ErrorBodyWithSuccessStatusAnalyzer).Assembly);

    /// <summary>
    /// The analyzers of another ErrorLint build, loaded into a context of its own so a build with the same assembly
    /// name as the referenced one still loads; Roslyn and the framework resolve from the default context.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> ErrorLintAnalyzersFrom(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var context = new IsolatedContext(fullPath);
        return AnalyzersIn(context.LoadFromAssemblyPath(fullPath));
    }

    private static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly)
        => assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

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

    /// <summary>
    /// Loads an analyzer assembly on its own. Anything the default context already has (Roslyn, the framework) comes
    /// from there, so the analyzers and this process share Roslyn's types; anything else is looked for beside the analyzer.
    /// </summary>
    private sealed class IsolatedContext : AssemblyLoadContext
    {
        private readonly string folder;

        public IsolatedContext(string analyzerPath)
            : base("ErrorLint " + analyzerPath, isCollectible: false)
            => folder = Path.GetDirectoryName(analyzerPath)!;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is { } name
                && (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal)))
            {
                return null;
            }

            var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
