using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorLint.PackageTests
{
    internal sealed record SourceFile(string RelativePath, string Text);

    /// <summary>A diagnostic location: the file relative to the web project and a 1-based line.</summary>
    internal sealed record Location(string RelativePath, int Line)
    {
        public override string ToString() => $"{RelativePath}({Line})";
    }

    /// <summary>
    /// The web project the package is installed into: a minimal <c>Microsoft.NET.Sdk.Web</c> project
    /// (no template, so restoring it needs no package but ErrorLint) with one controller and one
    /// minimal API, each making the EL0001 mistake once next to correct code.
    /// </summary>
    internal static class WebApp
    {
        public const string ProjectFile = """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """;

        public static readonly SourceFile Controller = new(
            "Controllers/OrdersController.cs",
            """
            using Microsoft.AspNetCore.Mvc;

            namespace ShopApi.Controllers;

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    if (id <= 0)
                    {
                        return Ok(new { error = "Order not found" });
                    }

                    return Ok(new { id, total = 42.5m });
                }

                [HttpDelete("{id}")]
                public IActionResult Delete(int id) => Ok(new { message = "Deleted" });
            }

            """);

        public static readonly SourceFile Program = new(
            "Program.cs",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();

            var app = builder.Build();
            app.MapControllers();

            app.MapGet("/carts/{id}", (int id) =>
            {
                if (id <= 0)
                {
                    return Results.Ok(new { success = false, message = "Cart not found" });
                }

                return Results.Ok(new { id, items = 3 });
            });

            app.Run();

            """);

        public static IReadOnlyList<SourceFile> SourceFiles { get; } = new[] { Controller, Program };

        /// <summary>
        /// The usual mistakes of several rules in one file, for the test that applies every fix at once: a throttling
        /// middleware (EL0007, EL0012 on one write), an action sending exception details (EL0009, EL0010, EL0012) and
        /// one answering invalid input with 500 (EL0002, EL0012).
        /// </summary>
        public static readonly SourceFile ManyMistakes = new(
            "Controllers/ReportsController.cs",
            """
            using Microsoft.AspNetCore.Mvc;

            namespace ShopApi.Controllers;

            public sealed record ReportRequest(string Name);

            [ApiController]
            [Route("reports")]
            public sealed class ReportsController : ControllerBase
            {
                [HttpPost]
                public IActionResult Create(ReportRequest request)
                {
                    if (!ModelState.IsValid)
                    {
                        return StatusCode(500, "The report request is invalid.");
                    }

                    try
                    {
                        System.IO.File.WriteAllText("/tmp/" + request.Name, "report");
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, new { message = ex.Message, stackTrace = ex.StackTrace });
                    }
                }
            }

            public static class Throttling
            {
                public static void UseThrottling(this WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        if (context.Request.Headers.ContainsKey("X-Flood"))
                        {
                            context.Response.StatusCode = 429; // slow down
                            await context.Response.WriteAsync("Too many requests");
                            return;
                        }

                        await next(context);
                    });
                }
            }

            """);

        /// <summary>Where EL0001 must be reported, and nowhere else.</summary>
        public static IReadOnlyList<Location> ExpectedEL0001 { get; } = new[]
        {
            LineOf(Controller, "return Ok(new { error = \"Order not found\" });"),
            LineOf(Program, "return Results.Ok(new { success = false, message = \"Cart not found\" });"),
        };

        public static string NuGetConfig(string feedDirectory) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="errorlint-under-test" value="{feedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <!-- ErrorLint comes only from the freshly packed folder; nothing else is needed, so the
                   restore asks no remote source. -->
              <packageSourceMapping>
                <packageSource key="errorlint-under-test">
                  <package pattern="ErrorLint" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """;

        private static Location LineOf(SourceFile file, string code)
        {
            var lines = file.Text.Split('\n');
            var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(code, StringComparison.Ordinal)).ToList();
            if (matches.Count != 1)
            {
                throw new InvalidOperationException($"Expected exactly one line containing '{code}' in {file.RelativePath}, found {matches.Count}.");
            }

            return new Location(file.RelativePath, matches[0] + 1);
        }
    }
}
