using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Verification;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Every rule's fix applied to one file at once (<see cref="EveryFix"/>): where two rules report one response, the
/// result is what a developer fixing both by hand would write, compiles with no compiler warning, and leaves no
/// fixable diagnostic behind.
/// </summary>
public sealed class FixCompositionTests
{
    [Fact]
    public async Task Retry_After_and_problem_details_for_one_middleware_write_are_written_once()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Throttling
            {
                public static void Use(WebApplication app)
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
            """;
        const string expected = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Throttling
            {
                public static void Use(WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        if (context.Request.Headers.ContainsKey("X-Flood"))
                        {
                            context.Response.Headers.RetryAfter = "60";
                            context.Response.StatusCode = 429; // slow down
                            await Results.Problem(detail: "Too many requests", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
                            return;
                        }

                        await next(context);
                    });
                }
            }
            """;

        await AssertEveryFixGivesAsync(source, expected);
    }

    [Fact]
    public async Task Exception_details_in_an_error_object_become_one_problem_response()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IReports
            {
                void Export();
            }

            public sealed class ReportsController : ControllerBase
            {
                private readonly IReports reports;

                public ReportsController(IReports reports) => this.reports = reports;

                [HttpPost]
                public IActionResult Export()
                {
                    try
                    {
                        reports.Export();
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, new { message = ex.Message, stackTrace = ex.StackTrace });
                    }
                }
            }
            """;
        const string expected = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IReports
            {
                void Export();
            }

            public sealed class ReportsController : ControllerBase
            {
                private readonly IReports reports;

                public ReportsController(IReports reports) => this.reports = reports;

                [HttpPost]
                public IActionResult Export()
                {
                    try
                    {
                        reports.Export();
                        return Ok();
                    }
                    catch (Exception)
                    {
                        return Problem(detail: "An unexpected error occurred.", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;

        await AssertEveryFixGivesAsync(source, expected);
    }

    private static async Task AssertEveryFixGivesAsync(string source, string expected)
    {
        foreach (var framework in new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 })
        {
            foreach (var reverse in new[] { false, true })
            {
                var what = $"{TestReferences.DisplayName(framework)}, rules {(reverse ? "last to first" : "first to last")}";
                var (text, compilerDiagnostics, left) = await EveryFix.ApplyAsync(source, framework, reverse);
                Assert.True(expected.ReplaceLineEndings() == text.ReplaceLineEndings(), $"Every fix ({what}) gave:\n{text}");
                Assert.True(compilerDiagnostics.IsEmpty, $"The fixed code has compiler warnings or errors ({what}):\n{string.Join("\n", compilerDiagnostics)}\n{text}");
                Assert.True(left.IsEmpty, $"Diagnostics are left after every fix ({what}):\n{string.Join("\n", left)}\n{text}");
            }
        }
    }
}
