using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Verification;

namespace ErrorLint.Tests.Meta;

/// <summary>No analyzer throws on an empty file, on half-typed code or on the sample API (AD0001 fails the run).</summary>
public sealed class CrashTests
{
    private const string HalfTyped = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Http;

        public class BrokenController : ControllerBase
        {
            public IActionResult A() => Ok(new { error = 
            public IActionResult B() => StatusCode(
            public IActionResult C() => Problem(statusCode: , detail: "x");
            public IActionResult D() => new ObjectResult() { StatusCode = "x" };
            public IActionResult E() => Results.
            public async Task F(HttpContext c) { c.Response.StatusCode = ; await c.Response.WriteAsJsonAsync(new { error = }); }
            public IActionResult G() { try { } catch (Exception ex) { return BadRequest(ex. ) } }
            public IActionResult H() => Forbid("you may not"
        """;

    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    [InlineData(TargetFrameworks.NoAspNetCore)]
    public async Task Empty_and_half_typed_files_do_not_crash_any_analyzer(TargetFrameworks framework)
    {
        await AnalyzeAsync(new[] { string.Empty }, framework, "an empty file");
        await AnalyzeAsync(new[] { HalfTyped }, framework, "half-typed code");
    }

    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    public async Task The_sample_api_does_not_crash_any_analyzer_and_shows_its_mistakes(TargetFrameworks framework)
    {
        var sampleDirectory = Path.Combine(RuleCatalog.RepositoryRoot, "docs", "samples", "SampleApi");
        var sources = Directory.GetFiles(sampleDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Select(File.ReadAllText)
            .Prepend(SampleGlobalUsings)
            .ToArray();
        var diagnostics = (await AnalyzeAsync(sources, framework, "the sample API")).AnalyzerDiagnostics;
        Assert.Contains(diagnostics, d => d.Id == "EL0001");
    }

    // Every analyzer over the sources as one project; an analyzer exception (AD0001) fails.
    private static Task<AnalysisResult> AnalyzeAsync(string[] sources, TargetFrameworks framework, string what) =>
        new RuleSetTest(RuleCatalog.Analyzers) { Framework = framework }.WithSources(sources).AnalyzeAsync($"{what} against {TestReferences.DisplayName(framework)}");

    // The sample is a Microsoft.NET.Sdk.Web project, which imports these namespaces implicitly.
    private const string SampleGlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;
}
