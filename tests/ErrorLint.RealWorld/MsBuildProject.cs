using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace ErrorLint.RealWorld;

/// <summary>A global using an MSBuild project asks for (<c>&lt;Using Include="X" Alias="Y" Static="true" /&gt;</c> or an implicit one).</summary>
internal readonly record struct GlobalUsing(string Namespace, string? Alias, bool IsStatic)
{
    public string ToDirective()
        => IsStatic ? $"global using static global::{Namespace};"
            : Alias is { Length: > 0 } ? $"global using {Alias} = global::{Namespace};"
            : $"global using global::{Namespace};";
}

/// <summary>
/// What the harness reads from a .csproj without MSBuild: whether it is an ASP.NET Core project, its project references,
/// and the settings that change how its code compiles (implicit usings, Using items, nullable). Properties come from
/// the project first, then from the nearest Directory.Build.props that sets them, up to the repository folder.
/// </summary>
internal sealed class MsBuildProject
{
    /// <summary>The implicit usings of Microsoft.NET.Sdk.</summary>
    private static readonly string[] BaseUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    /// <summary>The implicit usings of Microsoft.NET.Sdk.Web, which adds its own to the base ones.</summary>
    public static readonly string[] WebUsings = BaseUsings.Concat(new[]
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    }).ToArray();

    private MsBuildProject(string path, XDocument document, IReadOnlyList<XDocument> props)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
        var root = document.Root!;
        var sdk = (string?)root.Attribute("Sdk") ?? string.Empty;
        var sdks = new[] { sdk }
            .Concat(root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name") ?? string.Empty))
            .Concat(root.Elements().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Sdk") ?? string.Empty));
        IsWebSdk = sdks.Any(s => s.Split(';').Any(part => part.Trim().StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)));
        var items = document.Descendants().Where(e => e.Parent?.Name.LocalName == "ItemGroup").ToList();

        // A FrameworkReference or package in a Directory.Build.props or an imported props file counts too (a module
        // system's shared props that every module project imports).
        // Test projects that inherit it are left out: they are not the application, and a repository's props often give
        // every project the framework.
        var inheritedItems = props.SelectMany(d => d.Descendants().Where(e => e.Parent?.Name.LocalName == "ItemGroup")).ToList();
        static bool AddsAspNetCore(XElement e)
            => (e.Name.LocalName == "FrameworkReference" && string.Equals(Include(e), "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase))
                || (e.Name.LocalName == "PackageReference" && Include(e).StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase));
        ReferencesAspNetCore = IsWebSdk
            || items.Any(AddsAspNetCore)
            || (inheritedItems.Any(AddsAspNetCore) && !IsTestProject(path, items));
        ProjectReferences = items
            .Where(e => e.Name.LocalName == "ProjectReference")
            .SelectMany(e => Include(e).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(include => PathResolver.Resolve(Directory, include))
            .OfType<string>()
            .ToList();

        // Highest priority first: the project, then what it imports and each Directory.Build.props on the way up (see Load).
        var documents = new[] { document }.Concat(props).ToList();
        string? Property(string name)
            => documents.Select(d => d.Descendants().LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim())
                .FirstOrDefault(v => v is not null);
        var implicitUsings = Property("ImplicitUsings");
        ImplicitUsings = string.Equals(implicitUsings, "enable", StringComparison.OrdinalIgnoreCase) || string.Equals(implicitUsings, "true", StringComparison.OrdinalIgnoreCase);
        Nullable = Property("Nullable")?.ToLowerInvariant();

        var usings = new List<GlobalUsing>();
        if (ImplicitUsings)
        {
            usings.AddRange((IsWebSdk ? WebUsings : BaseUsings).Select(n => new GlobalUsing(n, null, false)));
        }

        // The farthest props first, as MSBuild evaluates them; a Remove takes out what came before it.
        foreach (var item in documents.AsEnumerable().Reverse().SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "Using" && e.Parent?.Name.LocalName == "ItemGroup")))
        {
            if ((string?)item.Attribute("Remove") is { Length: > 0 } removed)
            {
                usings.RemoveAll(u => u.Namespace == removed.Trim());
                continue;
            }

            foreach (var name in Include(item).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (name.Contains("$(", StringComparison.Ordinal))
                {
                    continue;
                }

                usings.Add(new GlobalUsing(name, (string?)item.Attribute("Alias") ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == "Alias")?.Value,
                    string.Equals((string?)item.Attribute("Static") ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == "Static")?.Value, "true", StringComparison.OrdinalIgnoreCase)));
            }
        }

        GlobalUsings = usings.Distinct().ToList();
    }

    public string Path { get; }

    public string Directory { get; }

    public bool IsWebSdk { get; }

    /// <summary>
    /// Microsoft.NET.Sdk.Web, a FrameworkReference to Microsoft.AspNetCore.App, or a Microsoft.AspNetCore.* package, in the
    /// project or the props files it inherits and imports.
    /// </summary>
    public bool ReferencesAspNetCore { get; }

    /// <summary>Full paths of the referenced projects that exist (others are left out).</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    public bool ImplicitUsings { get; }

    /// <summary>The Nullable property in lower case (enable, disable, warnings, annotations), or null when unset.</summary>
    public string? Nullable { get; }

    public IReadOnlyList<GlobalUsing> GlobalUsings { get; }

    /// <summary>
    /// Reads a project; the Directory.Build.props files looked at are those between it and <paramref name="repository"/>,
    /// with the files they and the project import (<c>&lt;Import Project="..." /&gt;</c> paths without MSBuild functions).
    /// </summary>
    public static MsBuildProject Load(string path, string repository)
    {
        var document = XDocument.Load(path);
        var visited = new HashSet<string>(StringComparer.Ordinal) { System.IO.Path.GetFullPath(path) };

        // Highest priority first: what the project imports (evaluated after the props), then each props file, nearest
        // first, each after what it imports (an import usually comes last and overrides).
        var props = Imports(document, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, visited);
        var root = System.IO.Path.GetFullPath(repository).TrimEnd('/');
        for (var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)); folder is not null; folder = System.IO.Path.GetDirectoryName(folder))
        {
            var candidate = System.IO.Path.Combine(folder, "Directory.Build.props");
            if (File.Exists(candidate) && visited.Add(candidate) && TryLoad(candidate) is { } found)
            {
                props.AddRange(Imports(found, folder, visited));
                props.Add(found);
            }

            if (string.Equals(folder.TrimEnd('/'), root, StringComparison.Ordinal))
            {
                break;
            }
        }

        return new MsBuildProject(path, document, props);
    }

    /// <summary>The files <paramref name="document"/> imports, directly or not, the last evaluated first.</summary>
    private static List<XDocument> Imports(XDocument document, string folder, HashSet<string> visited)
    {
        var result = new List<XDocument>();
        foreach (var import in document.Descendants().Where(e => e.Name.LocalName == "Import").Reverse())
        {
            var project = ((string?)import.Attribute("Project") ?? string.Empty).Trim();
            if (project.Length == 0 || PathResolver.Resolve(folder, project) is not { } full || !visited.Add(full) || TryLoad(full) is not { } imported)
            {
                continue;
            }

            result.AddRange(Imports(imported, System.IO.Path.GetDirectoryName(full)!, visited));
            result.Add(imported);
        }

        return result;
    }

    /// <summary>
    /// Whether the project at <paramref name="path"/> references ASP.NET Core, itself or through the props files it
    /// inherits and imports; false when it cannot be read.
    /// </summary>
    public static bool IsAspNetCore(string path, string repository)
    {
        try
        {
            return Load(path, repository).ReferencesAspNetCore;
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException)
        {
            return false;
        }
    }

    private static XDocument? TryLoad(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException)
        {
            return null;
        }
    }

    /// <summary>A test framework's package in the project, or a project named or placed as tests are.</summary>
    private static bool IsTestProject(string path, IEnumerable<XElement> items)
        => items.Any(e => e.Name.LocalName == "PackageReference"
                && Include(e) is var package
                && (package.StartsWith("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) || package.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                    || package.StartsWith("NUnit", StringComparison.OrdinalIgnoreCase) || package.StartsWith("MSTest", StringComparison.OrdinalIgnoreCase)))
            || path.Replace('\\', '/').Split('/').Any(segment => segment.Contains("Test", StringComparison.OrdinalIgnoreCase));

    private static string Include(XElement item) => ((string?)item.Attribute("Include") ?? string.Empty).Trim();
}
