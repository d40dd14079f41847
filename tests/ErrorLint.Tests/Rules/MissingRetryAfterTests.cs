using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using OutputKind = Microsoft.CodeAnalysis.OutputKind;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.MissingRetryAfterAnalyzer, ErrorLint.CodeFixes.Rules.MissingRetryAfterFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class MissingRetryAfterTests
{
    [Fact]
    public async Task Controller_StatusCode_429_sets_Retry_After_before_the_response()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public class QuotaController : ControllerBase
            {
                [HttpGet("/quota")]
                public IActionResult Get(bool exhausted)
                {
                    if (exhausted)
                    {
                        return {|#0:StatusCode(StatusCodes.Status429TooManyRequests)|};
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public class QuotaController : ControllerBase
            {
                [HttpGet("/quota")]
                public IActionResult Get(bool exhausted)
                {
                    if (exhausted)
                    {
                        Response.Headers.RetryAfter = "60";
                        return StatusCode(StatusCodes.Status429TooManyRequests);
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(
            source,
            Verifier.Diagnostic(Descriptors.EL0007MissingRetryAfter).WithLocation(0).WithMessage(
                "Status 429 is sent without a Retry-After header; set Retry-After so clients know when to retry, or, if the condition is permanent, send a status that does not invite a retry"),
            fixedSource);
    }

    [Fact]
    public async Task Controller_Problem_503_uses_the_delay_in_scope()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class ReportsController : ControllerBase
            {
                [HttpPost("/reports")]
                public IActionResult Create()
                {
                    var retryDelay = TimeSpan.FromMinutes(2);
                    return [|Problem(detail: "The report queue is full.", statusCode: 503)|];
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Globalization;
            using Microsoft.AspNetCore.Mvc;

            public class ReportsController : ControllerBase
            {
                [HttpPost("/reports")]
                public IActionResult Create()
                {
                    var retryDelay = TimeSpan.FromMinutes(2);
                    Response.Headers.RetryAfter = ((int)retryDelay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    return Problem(detail: "The report queue is full.", statusCode: 503);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_All_wraps_embedded_statements_and_uses_configured_seconds()
    {
        const string source = """
            using System.Net;
            using Microsoft.AspNetCore.Mvc;

            public class ImportController : ControllerBase
            {
                private const int Busy = 503;

                [HttpPost("/import")]
                public IActionResult Import(bool throttled)
                {
                    if (throttled)
                        return [|StatusCode((int)HttpStatusCode.TooManyRequests)|];
                    return NoContent();
                }

                [HttpPost("/export")]
                public IActionResult Export(bool maintenance)
                {
                    if (maintenance)
                    {
                        // Exports are paused while the nightly job runs.
                        return [|new StatusCodeResult(Busy)|];
                    }

                    return NoContent();
                }
            }
            """;
        const string fixedSource = """
            using System.Net;
            using Microsoft.AspNetCore.Mvc;

            public class ImportController : ControllerBase
            {
                private const int Busy = 503;

                [HttpPost("/import")]
                public IActionResult Import(bool throttled)
                {
                    if (throttled)
                    {
                        Response.Headers.RetryAfter = "120";
                        return StatusCode((int)HttpStatusCode.TooManyRequests);
                    }
                    return NoContent();
                }

                [HttpPost("/export")]
                public IActionResult Export(bool maintenance)
                {
                    if (maintenance)
                    {
                        // Exports are paused while the nightly job runs.
                        Response.Headers.RetryAfter = "120";
                        return new StatusCodeResult(Busy);
                    }

                    return NoContent();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.retry_after_seconds = 120") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Minimal_api_lambda_with_typed_parameters_gets_an_HttpContext_parameter()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapGet("/export/{id}", (int id) => [|Results.StatusCode(StatusCodes.Status503ServiceUnavailable)|]);
            app.Run();
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapGet("/export/{id}", (int id, HttpContext httpContext) =>
            {
                httpContext.Response.Headers.RetryAfter = "60";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task TypedResults_in_async_lambda_uses_the_context_parameter_and_the_retry_value()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapPost("/jobs", async (HttpContext context) =>
            {
                await Task.Yield();
                int {|CS0219:retryAfterSeconds|} = 30;
                return [|TypedResults.Problem("Too many jobs are queued.", statusCode: 429)|];
            });
            app.Run();
            """;
        const string fixedSource = """
            using System.Globalization;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapPost("/jobs", async (HttpContext context) =>
            {
                await Task.Yield();
                int retryAfterSeconds = 30;
                context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem("Too many jobs are queued.", statusCode: 429);
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Method_group_handler_is_reported_without_a_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapGet("/status", Unavailable);
            app.Run();

            static IResult Unavailable() => [|Results.StatusCode(503)|];
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Inline_middleware_sets_the_header_on_the_same_response()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.ContainsKey("X-Flood"))
                {
                    [|context.Response.StatusCode = StatusCodes.Status429TooManyRequests|];
                    await context.Response.WriteAsync("Slow down.");
                    return;
                }

                await next(context);
            });
            app.Run();
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.ContainsKey("X-Flood"))
                {
                    context.Response.Headers.RetryAfter = "60";
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    await context.Response.WriteAsync("Slow down.");
                    return;
                }

                await next(context);
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Middleware_class_header_set_after_the_status_but_before_the_body_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Net.Http.Headers;

            public sealed class MaintenanceMiddleware
            {
                private readonly RequestDelegate next;

                public MaintenanceMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    if (context.Request.Path.StartsWithSegments("/admin"))
                    {
                        context.Response.StatusCode = 503;
                        context.Response.Headers.Append(HeaderNames.RetryAfter, "300");
                        await context.Response.WriteAsJsonAsync(new { message = "Down for maintenance" });
                        return;
                    }

                    await next(context);
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Every_spelling_of_the_header_counts_when_set_before()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Net.Http.Headers;

            public class ThrottleController : ControllerBase
            {
                private const string RetryHeader = "Retry-After";

                [HttpGet("/a")]
                public IActionResult A()
                {
                    Response.Headers["retry-after"] = "10";
                    return StatusCode(429);
                }

                [HttpGet("/b")]
                public IActionResult B()
                {
                    Response.Headers.TryAdd(RetryHeader, "10");
                    return StatusCode(429);
                }

                [HttpGet("/c")]
                public IActionResult C()
                {
                    Response.GetTypedHeaders().Set(HeaderNames.RetryAfter, 10);
                    return StatusCode(503);
                }

                [HttpGet("/d")]
                public IActionResult D()
                {
                    HttpContext.Response.Headers.Add(HeaderNames.RetryAfter, "10");
                    return Problem(statusCode: 503);
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Header_set_conditionally_before_is_not_reported_but_after_or_in_another_function_is()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class SearchController : ControllerBase
            {
                [HttpGet("/search")]
                public IActionResult Search(TimeSpan? backoff)
                {
                    if (backoff is { } wait)
                    {
                        Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString();
                    }

                    return StatusCode(429);
                }

                [HttpGet("/suggest")]
                public IActionResult Suggest(bool busy)
                {
                    if (busy)
                    {
                        return [|StatusCode(429)|];
                    }

                    Response.Headers.RetryAfter = "5";
                    return Ok();
                }

                [HttpGet("/lookup")]
                public IActionResult Lookup()
                {
                    Action setHeader = () => Response.Headers.RetryAfter = "5";
                    Func<IActionResult> reject = () => [|StatusCode(503)|];
                    return reject();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Helper_that_receives_the_response_counts_other_helpers_do_not()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class ThrottlingHeaders
            {
                public static void AddRetryAfter(this HttpResponse response, int seconds)
                    => response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

                public static void AddRateLimitInfo(HttpResponse response)
                    => response.Headers["X-RateLimit-Remaining"] = "0";
            }

            public class UploadsController : ControllerBase
            {
                [HttpPost("/uploads")]
                public IActionResult Upload()
                {
                    Response.AddRetryAfter(30);
                    return StatusCode(StatusCodes.Status429TooManyRequests);
                }

                [HttpPost("/uploads/bulk")]
                public IActionResult Bulk()
                {
                    ThrottlingHeaders.AddRateLimitInfo(Response);
                    return [|StatusCode(StatusCodes.Status429TooManyRequests)|];
                }

                [HttpPost("/uploads/retry")]
                public IActionResult Retry()
                {
                    SetRetry();
                    return StatusCode(503);
                }

                private void SetRetry() => Response.Headers.RetryAfter = "15";
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Action_filter_result_object_uses_the_filter_context()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ReadOnlyModeFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    context.Result = [|new StatusCodeResult(503)|];
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ReadOnlyModeFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    context.Result = new StatusCodeResult(503);
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Razor_page_sets_the_header_on_its_response()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class CheckoutModel : PageModel
            {
                public IActionResult OnPost(bool paymentsDown) => paymentsDown ? [|StatusCode(503)|] : Page();

                public IActionResult OnGet() => [|StatusCode(503)|];
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class CheckoutModel : PageModel
            {
                public IActionResult OnPost(bool paymentsDown) => paymentsDown ? {|EL0007:StatusCode(503)|} : Page();

                public IActionResult OnGet()
                {
                    Response.Headers.RetryAfter = "60";
                    return StatusCode(503);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Switch_expression_arm_is_reported_without_a_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.MapGet("/exports/{state}", (string state) => state switch
            {
                "ok" => Results.Ok(),
                "draining" => [|Results.StatusCode(503)|],
                _ => Results.NotFound(),
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Invalid_Retry_After_values_are_reported_with_their_own_message()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;

            public static class Throttle
            {
                public static void Reject(HttpContext context, int variant)
                {
                    context.Response.StatusCode = 429;
                    if (variant == 0)
                    {
                        context.Response.Headers.RetryAfter = {|#0:"-30"|};
                    }
                    else if (variant == 1)
                    {
                        context.Response.Headers["Retry-After"] = {|#1:"a few seconds"|};
                    }
                    else if (variant == 2)
                    {
                        context.Response.Headers.RetryAfter = "Wed, 21 Oct 2026 07:28:00 GMT";
                    }
                    else
                    {
                        context.Response.Headers.RetryAfter = "120";
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic(Descriptors.EL0007InvalidRetryAfter).WithLocation(0).WithMessage("Retry-After is set to \"-30\", which is neither a non-negative number of seconds nor an HTTP date; clients ignore it"),
            Verifier.Diagnostic(Descriptors.EL0007InvalidRetryAfter).WithLocation(1).WithMessage("Retry-After is set to \"a few seconds\", which is neither a non-negative number of seconds nor an HTTP date; clients ignore it"));
    }

    [Fact]
    public async Task Other_statuses_and_the_rate_limiters_own_callback_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.OnRejected = (context, token) =>
                {
                    context.HttpContext.Response.StatusCode = 429;
                    return ValueTask.CompletedTask;
                };
            });
            var app = builder.Build();
            app.MapGet("/a", () => Results.Problem());
            app.MapGet("/b", () => Results.StatusCode(502));
            app.MapGet("/c", () => TypedResults.BadRequest());
            app.Run(async context =>
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("Not here");
            });
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Exception_handler_for_an_outage_is_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;

            public sealed class OutageExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is not TimeoutException)
                    {
                        return false;
                    }

                    [|httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable|];
                    await httpContext.Response.WriteAsJsonAsync(new { title = "Service unavailable" }, cancellationToken);
                    return true;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;

            public sealed class OutageExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is not TimeoutException)
                    {
                        return false;
                    }

                    httpContext.Response.Headers.RetryAfter = "60";
                    httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await httpContext.Response.WriteAsJsonAsync(new { title = "Service unavailable" }, cancellationToken);
                    return true;
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }
    [Fact]
    public async Task Switch_section_and_local_function_with_Results_union_are_fixed_in_place()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            var app = WebApplication.Create(args);
            app.MapGet("/orders/{state}", (string state, HttpResponse response) =>
            {
                switch (state)
                {
                    case "busy":
                        return Reject();
                    default:
                        return Results.Ok();
                }

                IResult Reject()
                {
                    return [|Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable)|];
                }
            });
            app.MapGet("/stock", Results<Ok, StatusCodeHttpResult> (bool low, HttpContext context) =>
            {
                switch (low)
                {
                    case true:
                        return [|TypedResults.StatusCode(429)|];
                    default:
                        return TypedResults.Ok();
                }
            });
            app.Run();
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            var app = WebApplication.Create(args);
            app.MapGet("/orders/{state}", (string state, HttpResponse response) =>
            {
                switch (state)
                {
                    case "busy":
                        return Reject();
                    default:
                        return Results.Ok();
                }

                IResult Reject()
                {
                    response.Headers.RetryAfter = "60";
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            });
            app.MapGet("/stock", Results<Ok, StatusCodeHttpResult> (bool low, HttpContext context) =>
            {
                switch (low)
                {
                    case true:
                        context.Response.Headers.RetryAfter = "60";
                        return TypedResults.StatusCode(429);
                    default:
                        return TypedResults.Ok();
                }
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task UseExceptionHandler_lambda_and_OnStarting_callback()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create(args);
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                [|context.Response.StatusCode = 503|];
                await context.Response.WriteAsync("The database is unavailable.");
            }));
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.RetryAfter = "30";
                    return Task.CompletedTask;
                });
                context.Response.StatusCode = 503;
                await next(context);
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task A_health_or_readiness_503_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IDatabase
            {
                Task<bool> CanConnectAsync();
            }

            [ApiController]
            [Route("api/[controller]")]
            public sealed class HealthController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get() => StatusCode(503);
            }

            [ApiController]
            public sealed class StatusController : ControllerBase
            {
                [HttpGet("ready")]
                public async Task<IActionResult> Ready([FromServices] IDatabase database)
                    => await database.CanConnectAsync() ? Ok() : StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/healthz", async (IDatabase database) =>
                        await database.CanConnectAsync() ? Results.Ok() : Results.StatusCode(503));

                    app.MapGet("/live", (HttpContext context) =>
                    {
                        context.Response.StatusCode = 503;
                        return Task.CompletedTask;
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_503_of_an_ordinary_endpoint_next_to_a_health_endpoint_is_still_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/health", () => Results.Ok());
                    app.MapGet("/reports/{id}", (int id) => [|Results.StatusCode(503)|]);
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_503_sent_while_the_host_is_stopping_is_not_reported()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Hosting;

            public sealed class SchedulerMiddleware
            {
                private readonly CancellationToken stopping;
                private readonly IHostApplicationLifetime lifetime;

                public SchedulerMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
                {
                    this.lifetime = lifetime;
                    stopping = lifetime.ApplicationStopping;
                }

                public async Task InvokeAsync(HttpContext context, CancellationToken requestAborted)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        return;
                    }

                    if (lifetime.ApplicationStopping.IsCancellationRequested || context.RequestAborted.IsCancellationRequested)
                    {
                        context.Response.StatusCode = 503;
                        return;
                    }

                    if (requestAborted.IsCancellationRequested)
                    {
                        [|context.Response.StatusCode = 503|];
                        return;
                    }

                    await context.Response.WriteAsync("ran");
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_result_executed_after_the_same_status_was_set_is_one_response_reported_at_the_status()
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
                            [|context.Response.StatusCode = 429|];
                            await Results.Problem(statusCode: 429).ExecuteAsync(context);
                            return;
                        }

                        if (context.Request.Headers.ContainsKey("X-Busy"))
                        {
                            await [|Results.Problem(statusCode: 503)|].ExecuteAsync(context);
                            return;
                        }

                        await next(context);
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_trailing_comment_stays_on_the_response_the_fix_puts_in_a_block()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class QuotaController : ControllerBase
            {
                [HttpGet("/quota")]
                public IActionResult Get(bool exhausted)
                {
                    if (exhausted)
                        return [|StatusCode(429)|]; // the plan's quota is used up

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public class QuotaController : ControllerBase
            {
                [HttpGet("/quota")]
                public IActionResult Get(bool exhausted)
                {
                    if (exhausted)
                    {
                        Response.Headers.RetryAfter = "60";
                        return StatusCode(429); // the plan's quota is used up
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task A_rate_limiter_policy_class_that_rejects_without_Retry_After_is_reported_in_its_own_callback()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;

            public sealed class ExportsRateLimiterPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
                {
                    {|#0:context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests|};
                    return default;
                };

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("exports", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) });
            }

            public sealed class ImportsRateLimiterPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
                {
                    context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
                    }

                    return default;
                };

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("imports", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) });
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source, Verifier.Diagnostic(Descriptors.EL0007MissingRetryAfter).WithLocation(0).WithArguments(429));
    }

    [Fact]
    public Task The_fix_sets_Retry_After_in_the_policy_class_callback() => Verifier.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.RateLimiting;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;

        public sealed class ExportsRateLimiterPolicy : IRateLimiterPolicy<string>
        {
            public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
            {
                // Exports are expensive: five a minute.
                [|context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests|];
                return default;
            };

            public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                => RateLimitPartition.GetFixedWindowLimiter("exports", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) });
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.RateLimiting;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;

        public sealed class ExportsRateLimiterPolicy : IRateLimiterPolicy<string>
        {
            public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
            {
                // Exports are expensive: five a minute.
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return default;
            };

            public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                => RateLimitPartition.GetFixedWindowLimiter("exports", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) });
        }
        """);
}
