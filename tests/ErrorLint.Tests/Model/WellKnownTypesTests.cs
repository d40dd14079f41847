using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ErrorLint.Symbols;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorLint.Tests.Model;

/// <summary>
/// The rules' types are looked up in the assembly that defines each (<see cref="WellKnownTypes.DefiningAssemblies"/>)
/// before the compilation-wide search. These tests pin that map to both supported frameworks, check that the fast
/// lookup finds the very types the compilation-wide one does, and that a type whose assembly is not referenced is
/// still found.
/// </summary>
public sealed class WellKnownTypesTests
{
    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    public void Every_type_is_defined_in_the_assembly_the_map_names(TargetFrameworks framework)
    {
        var compilation = Compilation(framework);

        Assert.All(WellKnownTypes.DefiningAssemblies, entry =>
        {
            var type = compilation.GetTypeByMetadataName(entry.Key);
            Assert.True(type is not null, $"{entry.Key} is not found.");
            Assert.Equal(entry.Value, type!.ContainingAssembly.Name);
        });
    }

    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    public void The_fast_lookup_finds_the_same_types_as_the_compilation(TargetFrameworks framework)
    {
        var compilation = Compilation(framework);
        var types = WellKnownTypes.TryCreate(compilation);

        Assert.NotNull(types);
        Assert.All(WellKnownTypes.DefiningAssemblies.Keys, name =>
        {
            var expected = compilation.GetTypeByMetadataName(name);
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, types!.FindInDefiningAssembly(name)), $"{name} is not found in its own assembly.");
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, types.Find(name)), $"{name} resolves to another symbol.");
        });
    }

    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    public void A_type_outside_the_map_is_found_by_the_compilation_wide_search(TargetFrameworks framework)
    {
        var compilation = Compilation(framework);
        var types = WellKnownTypes.TryCreate(compilation)!;

        Assert.Null(types.FindInDefiningAssembly("System.Text.StringBuilder"));
        Assert.Same(compilation.GetTypeByMetadataName("System.Text.StringBuilder"), types.Find("System.Text.StringBuilder"));
    }

    [Fact]
    public void A_type_whose_assembly_is_not_referenced_is_found_where_it_is()
    {
        // ASP.NET Core's own assemblies are absent: the compilation-wide search finds the type in source.
        var compilation = CSharpCompilation.Create(
            "Stubs",
            new[] { CSharpSyntaxTree.ParseText("namespace Microsoft.AspNetCore.Http { public class HttpContext { } }") },
            TestReferences.For(TargetFrameworks.NoAspNetCore));

        var types = WellKnownTypes.TryCreate(compilation);

        Assert.NotNull(types);
        Assert.Same(compilation.Assembly, types!.HttpContext.ContainingAssembly);
        Assert.Null(types.ControllerBase);
    }

    [Fact]
    public void Every_type_the_analyzers_look_up_is_in_the_map()
    {
        var sources = Directory.GetFiles(Path.Combine(RuleCatalog.RepositoryRoot, "src", "ErrorLint"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText);

        var lookedUp = sources.Values
            .SelectMany(text => Regex.Matches(text, "Find\\(\"([^\"]+)\"\\)").Select(match => match.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(lookedUp);
        Assert.All(lookedUp, name => Assert.True(WellKnownTypes.DefiningAssemblies.ContainsKey(name), $"{name} is looked up but not in the map."));
        Assert.All(
            sources.Where(source => source.Key != "WellKnownTypes.cs"),
            source => Assert.DoesNotContain(".GetTypeByMetadataName(", source.Value));
    }

    private static CSharpCompilation Compilation(TargetFrameworks framework)
        => CSharpCompilation.Create("Types", references: TestReferences.For(framework));
}
