using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Every analyzer with parts of ASP.NET Core missing: without it at all a console app pays for one compilation-start
/// action and nothing more; with MVC only, minimal APIs only or no rate limiter, code that compiles against that
/// subset is analyzed without an exception.
/// </summary>
public sealed class MissingReferenceTests
{
    // Names that look like ASP.NET Core's but are the application's own: nothing may be reported.
    private const string LookAlikes = """
        using System;
        using System.Threading.Tasks;

        namespace Microsoft.AspNetCore.Mvc
        {
            public abstract class ControllerBase
            {
                public object Ok(object? value) => value ?? new object();
                public object StatusCode(int status, object? value) => value ?? status;
                public object Forbid(string scheme) => scheme;
            }
        }

        namespace Shop
        {
            public static class Results
            {
                public static object Ok(object value) => value;
            }

            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public object Get() => Ok(new { error = "Order not found" });
                public object Fail(Exception ex) => StatusCode(500, ex.ToString());
                public object Deny() => Forbid("Only owners");
                public async Task<object> Later() { await Task.Yield(); return Results.Ok(new { error = "x" }); }
            }
        }
        """;

    private const string Controllers = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public interface IStore { Task SaveAsync(); }

        public sealed class OrdersController(IStore store) : ControllerBase
        {
            public IActionResult Get() => Ok(new { error = "Order not found" });
            public IActionResult Invalid() => ModelState.IsValid ? Ok() : StatusCode(500, ModelState);
            public IActionResult Deny() => User.Identity?.IsAuthenticated == false ? Forbid("Only owners") : Unauthorized();
            public IActionResult Busy() => Problem(detail: "Busy", statusCode: 503);
            public IActionResult Mismatch() => BadRequest(new ProblemDetails { Status = 404 });
            public async Task<IActionResult> Save()
            {
                try { await store.SaveAsync(); return Ok(); }
                catch (Exception ex) { return BadRequest(ex.Message + ex.StackTrace); }
            }
        }

        public sealed class Middleware(RequestDelegate next)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                try { await next(context); }
                catch (Exception ex) { context.Response.StatusCode = 429; await context.Response.WriteAsync(ex.ToString()); }
            }
        }

        public static class Startup
        {
            public static void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
        }
        """;

    private const string MinimalApis = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Api
        {
            public static void Map(WebApplication app)
            {
                app.UseDeveloperExceptionPage();
                app.MapGet("/a", () => Results.Ok(new { error = "Not found" }));
                app.MapGet("/b", () => TypedResults.Problem("Busy", statusCode: 429));
                app.MapGet("/c", () => Results.Forbid(authenticationSchemes: new[] { "Owners only" }));
                app.MapGet("/d", () => TypedResults.BadRequest(new ProblemDetails { Status = 404 }));
                app.MapGet("/e", async (HttpContext context) =>
                {
                    try { await Task.Yield(); return Results.Ok(); }
                    catch (Exception ex) { return Results.Problem(ex.ToString(), statusCode: 400); }
                });
                app.UseExceptionHandler(e => e.Run(context => context.Response.WriteAsync("failed")));
            }
        }
        """;

    private const string RateLimiterSetup = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        public static class Limits
        {
            public static void Add(IServiceCollection services) => services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", w => w.PermitLimit = 1));
        }
        """;

    [Fact]
    public async Task Without_ASP_NET_Core_nothing_is_reported_and_only_the_compilation_start_action_is_registered()
    {
        var analyzers = RuleCatalog.Analyzers;
        var result = await new RuleSetTest(analyzers) { Framework = TargetFrameworks.NoAspNetCore }.WithSources(new[] { LookAlikes })
            .AnalyzeAsync("the look-alike source without ASP.NET Core");
        var project = result.Project;
        Assert.Empty(result.CompilerErrors);
        Assert.Empty(result.AnalyzerDiagnostics);

        foreach (var analyzer in analyzers)
        {
            var telemetry = await TelemetryAsync(project, analyzer);
            Assert.True(telemetry.CompilationStartActionsCount == 1, $"{analyzer.GetType().Name} registers {telemetry.CompilationStartActionsCount} compilation-start actions; expected exactly one.");
            Assert.True(RegisteredAfterStart(telemetry) == 0, $"{analyzer.GetType().Name} registers {RegisteredAfterStart(telemetry)} actions in a compilation without ASP.NET Core; it must register nothing.");
        }
    }

    [Fact]
    public async Task With_ASP_NET_Core_every_analyzer_registers_actions_so_the_telemetry_check_means_something()
    {
        var project = await new RuleSetTest(RuleCatalog.Analyzers).WithSources(new[] { Controllers }).CreateProjectAsync();
        foreach (var analyzer in RuleCatalog.Analyzers)
        {
            Assert.True(RegisteredAfterStart(await TelemetryAsync(project, analyzer)) > 0, $"{analyzer.GetType().Name} registers no action even with ASP.NET Core.");
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceSubsets.SubsetsAndFrameworks), MemberType = typeof(ReferenceSubsets))]
    public async Task Every_analyzer_runs_on_code_that_compiles_against_the_subset(ReferenceSubset subset, TargetFrameworks framework)
    {
        var sources = subset switch
        {
            ReferenceSubset.MvcWithoutMinimalApis => new[] { Controllers, RateLimiterSetup },
            ReferenceSubset.MinimalApisWithoutMvc => new[] { MinimalApis, RateLimiterSetup },
            _ => new[] { Controllers, MinimalApis },
        };
        var result = await new RuleSetTest(RuleCatalog.Analyzers) { References = ReferenceSubsets.For(subset, framework) }.WithSources(sources)
            .AnalyzeAsync($"{subset} against {TestReferences.DisplayName(framework)}");
        Assert.True(result.CompilerErrors.IsEmpty, $"The {subset} sources must compile against the subset:{Environment.NewLine}{string.Join(Environment.NewLine, result.CompilerErrors)}");
    }

    private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(Project project, DiagnosticAnalyzer analyzer)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
    }

    private static int RegisteredAfterStart(AnalyzerTelemetryInfo t) =>
        t.CompilationEndActionsCount + t.CompilationActionsCount + t.SyntaxTreeActionsCount + t.AdditionalFileActionsCount +
        t.SemanticModelActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount +
        t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount +
        t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount +
        t.SuppressionActionsCount;
}
