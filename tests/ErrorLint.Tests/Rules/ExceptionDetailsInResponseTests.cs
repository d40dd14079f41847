using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.ExceptionDetailsInResponseAnalyzer,
    ErrorLint.CodeFixes.Rules.ExceptionDetailsInResponseFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ExceptionDetailsInResponseTests
{
    [Fact]
    public async Task Controller_sending_stack_trace_is_reported_with_message()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, {|#0:ex.StackTrace|});
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0009").WithLocation(0).WithMessage("Exception details (ex.StackTrace) are sent to the client by StatusCode (500); log the exception and send a generic message"));
    }

    [Fact]
    public async Task Exception_object_serialized_whole_is_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (InvalidOperationException ex)
                    {
                        return BadRequest([|ex|]);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Interpolation_and_anonymous_object_through_local_is_reported_once_at_the_response()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders", () =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            var body = new { error = $"Failed: {ex}", inner = ex.InnerException?.Message };
                            return [|Results.Json(body, statusCode: 500)|];
                        }
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TypedResults_Problem_with_ToString_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public static class Handlers
            {
                public static async Task<Results<Ok, ProblemHttpResult>> Save(Func<Task> work)
                {
                    try
                    {
                        await work();
                        return TypedResults.Ok();
                    }
                    catch (Exception exception)
                    {
                        return TypedResults.Problem(detail: [|exception.ToString()|]);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Exception_handler_lambda_writing_feature_error_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        var feature = context.Features.Get<IExceptionHandlerFeature>();
                        context.Response.StatusCode = 500;
                        await context.Response.WriteAsync([|feature?.Error.StackTrace|] ?? "");
                    }));
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Exception_filter_and_ProblemDetails_customization_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class ApiExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = new ObjectResult(new ProblemDetails { Detail = [|context.Exception.ToString()|] }) { StatusCode = 500 };
                }
            }

            public static class Setup
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
                    {
                        ctx.ProblemDetails.Extensions["trace"] = [|ctx.Exception?.StackTrace|];
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Exception_handler_implementation_is_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;

            public sealed class GlobalHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await httpContext.Response.WriteAsJsonAsync(new { title = "Server error", stack = [|exception.StackTrace|] }, cancellationToken);
                    return true;
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Development_guards_are_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public class OrdersController : ControllerBase
            {
                private readonly IWebHostEnvironment env;

                public OrdersController(IWebHostEnvironment env) => this.env = env;

                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var detail = env.IsDevelopment() ? ex.ToString() : "An error occurred.";
                        return Problem(detail);
                    }
                }

                public IActionResult Post()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        if (env.IsDevelopment())
                        {
                            return StatusCode(500, ex);
                        }

                        return Problem();
                    }
                }
            }

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
                        if (!environment.IsDevelopment())
                        {
                            await Results.Problem().ExecuteAsync(context);
                            return;
                        }

                        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                        await context.Response.WriteAsync(error?.ToString() ?? "");
                    }));
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Exception_only_logged_or_message_only_is_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> logger;

                public OrdersController(ILogger<OrdersController> logger) => this.logger = logger;

                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Failed: {Stack}", ex.StackTrace);
                        var name = ex.GetType().Name;
                        return Problem(detail: "Something went wrong.", title: name);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Debug_directive_is_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Http;

            public static class Handlers
            {
                public static IResult Run(Action work)
                {
                    try
                    {
                        work();
                        return Results.Ok();
                    }
                    catch (Exception)
                    {
            #if DEBUG
                        return Results.Problem(ex.ToString());
            #else
                        return Results.Problem();
            #endif
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Switch_expression_and_local_function_are_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Http;

            public static class Handlers
            {
                public static IResult Run(Action work, bool verbose)
                {
                    try
                    {
                        work();
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        return Fail();

                        IResult Fail() => Results.Problem(verbose switch
                        {
                            true => [|ex.ToString()|],
                            false => "Failed.",
                        });
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_replaces_with_generic_message_and_logs()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> logger;

                public OrdersController(ILogger<OrdersController> logger) => this.logger = logger;

                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, [|ex.ToString()|]);
                    }
                }
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> logger;

                public OrdersController(ILogger<OrdersController> logger) => this.logger = logger;

                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "The request failed.");
                        return StatusCode(500, "An unexpected error occurred.");
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_with_primary_constructor_logger_adds_using_and_widens_interpolation()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Http;

            public sealed class OrderService(Microsoft.Extensions.Logging.ILogger<OrderService> {|CS9113:logger|})
            {
                public IResult Run(Action work)
                {
                    try
                    {
                        work();
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        return Results.Problem($"Order failed: {[|ex|]}");
                    }
                }
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public sealed class OrderService(Microsoft.Extensions.Logging.ILogger<OrderService> logger)
            {
                public IResult Run(Action work)
                {
                    try
                    {
                        work();
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "The request failed.");
                        return Results.Problem("An unexpected error occurred.");
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_All_without_logger_replaces_every_leak()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest(new { error = "Failed", stack = [|ex.StackTrace|] });
                    }
                }

                public IActionResult Delete()
                {
                    try
                    {
                        return NoContent();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, "Failed: " + [|ex|]);
                    }
                }
            }
            """;

        // The catch variable the fix leaves unused goes too: CS0168 would break a build with warnings as errors.
        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception)
                    {
                        return BadRequest(new { error = "Failed", stack = "An unexpected error occurred." });
                    }
                }

                public IActionResult Delete()
                {
                    try
                    {
                        return NoContent();
                    }
                    catch (Exception)
                    {
                        return StatusCode(500, "An unexpected error occurred.");
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Razor_page_returning_exception_in_JSON_is_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class OrderModel : PageModel
            {
                public IActionResult OnPost()
                {
                    try
                    {
                        return Page();
                    }
                    catch (Exception ex)
                    {
                        return new JsonResult(new { error = [|ex.GetBaseException()|] }) { StatusCode = 500 };
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Several_details_in_one_response_are_reported_once_and_fixed_together_logging_once()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public static class Handlers
            {
                public static IResult Run(Action work, ILogger logger)
                {
                    try
                    {
                        work();
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        return Results.Json(new { stack = [|ex.StackTrace|], source = ex.Source }, statusCode: 500);
                    }
                }
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public static class Handlers
            {
                public static IResult Run(Action work, ILogger logger)
                {
                    try
                    {
                        work();
                        return Results.Ok();
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "The request failed.");
                        return Results.Problem(detail: "An unexpected error occurred.", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Exception_handed_to_own_helper_or_result_type_is_not_reported_but_its_stack_trace_is()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ErrorResult : ObjectResult
            {
                public ErrorResult(Exception exception) : base("An error occurred.") => StatusCode = 500;
            }

            public static class ApiError
            {
                public static IActionResult Internal(Exception exception) => new ObjectResult("An error occurred.") { StatusCode = 500 };

                public static IActionResult Internal(string detail) => new ObjectResult(detail) { StatusCode = 500 };
            }

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (ArgumentException ex)
                    {
                        return new ErrorResult(ex);
                    }
                    catch (InvalidOperationException ex)
                    {
                        return ApiError.Internal(ex);
                    }
                    catch (Exception ex)
                    {
                        return ApiError.Internal([|ex.StackTrace|] ?? "");
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Details_in_a_local_are_reported_at_the_response_and_fixed_at_the_initializer()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                public IActionResult Export()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var details = ex.ToString(); // kept for the client
                        return [|StatusCode(500, details)|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                public IActionResult Export()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception)
                    {
                        var details = "An unexpected error occurred."; // kept for the client
                        return StatusCode(500, details);
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task An_exception_in_a_member_the_serializer_skips_is_not_sent()
    {
        const string source = """
            using System;
            using System.Runtime.Serialization;
            using System.Text.Json.Serialization;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ErrorModel
            {
                [IgnoreDataMember]
                public Exception? Exception { get; set; }

                [JsonIgnore]
                public string? Trace { get; set; }

                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
                public string? Details { get; set; }
            }

            public sealed class ErrorController : Controller
            {
                public IActionResult Error()
                {
                    var feature = HttpContext.Features.Get<IExceptionHandlerFeature>();
                    var model = new ErrorModel { Exception = feature?.Error, Trace = feature?.Error.StackTrace };
                    return StatusCode(500, model);
                }

                public IActionResult Detailed()
                {
                    var feature = HttpContext.Features.Get<IExceptionHandlerFeature>();
                    var model = new ErrorModel { Exception = feature?.Error };
                    model.Details = feature?.Error.ToString();
                    return [|StatusCode(500, model)|];
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task The_stack_trace_in_a_run_log_or_a_development_only_action_is_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class DevelopmentOnlyAttribute : Attribute
            {
            }

            public sealed class ImportLog
            {
                public string? Trace { get; set; }
            }

            public interface IImporter
            {
                void Import();
            }

            public sealed class ImportController : ControllerBase
            {
                private readonly IImporter importer;

                public ImportController(IImporter importer) => this.importer = importer;

                public IActionResult Run()
                {
                    try
                    {
                        importer.Import();
                        return Ok(new ImportLog());
                    }
                    catch (Exception ex)
                    {
                        return Ok(new ImportLog { Trace = ex.StackTrace });
                    }
                }

                [DevelopmentOnly]
                public IActionResult Crash()
                {
                    try
                    {
                        importer.Import();
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, ex.ToString());
                    }
                }

                public IActionResult Retry()
                {
                    try
                    {
                        importer.Import();
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, new { trace = [|ex.StackTrace|] });
                    }
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.development_only_attributes = DevelopmentOnlyAttribute") } },
        }.RunAsync();
    }

    [Fact]
    public async Task An_object_of_several_exception_members_becomes_problem_details_with_one_generic_detail()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public sealed class ReportsController : ControllerBase
            {
                public IActionResult Export()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        // answered to the dashboard
                        return StatusCode(500, new { message = ex.Message, stackTrace = [|ex.StackTrace|] });
                    }
                }
            }

            public static class ReportEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/reports", (ILogger<Program> logger) =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            return Results.Json(new { error = ex.Message, detail = [|ex.ToString()|] }, statusCode: 500);
                        }
                    });
                }
            }

            public partial class Program
            {
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public sealed class ReportsController : ControllerBase
            {
                public IActionResult Export()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception)
                    {
                        // answered to the dashboard
                        return Problem(detail: "An unexpected error occurred.", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }

            public static class ReportEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/reports", (ILogger<Program> logger) =>
                    {
                        try
                        {
                            return Results.Ok();
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "The request failed.");
                            return Results.Problem(detail: "An unexpected error occurred.", statusCode: StatusCodes.Status500InternalServerError);
                        }
                    });
                }
            }

            public partial class Program
            {
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task The_exception_handed_to_the_problem_details_service_is_read_not_sent()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    if (httpContext.Request.Query.ContainsKey("verbose"))
                    {
                        return problemDetails.TryWriteAsync(new ProblemDetailsContext
                        {
                            HttpContext = httpContext,
                            Exception = exception,
                            ProblemDetails = new ProblemDetails { Detail = [|exception.StackTrace|] },
                        });
                    }

                    return problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task A_caught_exception_handed_through_two_helpers_that_put_its_stack_trace_in_the_result_is_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ApiError
        {
            public string Message { get; set; } = "";
            public string? Trace { get; set; }
        }

        public static class ApiErrors
        {
            public static ApiError Create(string message, Exception? inner = null)
            {
                var error = new ApiError { Message = message };
                if (inner != null)
                {
                    error.Trace = inner.StackTrace;
                }

                return error;
            }
        }

        public abstract class ApiController : ControllerBase
        {
            protected IActionResult Failure(Exception ex, int statusCode = 500) => StatusCode(statusCode, ApiErrors.Create("The request failed.", ex));
        }

        public sealed class ImportsController : ApiController
        {
            [HttpPost("imports")]
            public IActionResult Start()
            {
                try
                {
                    return Accepted();
                }
                catch (Exception ex)
                {
                    return Failure({|#0:ex|});
                }
            }

            [HttpGet("imports")]
            public IActionResult List()
            {
                try
                {
                    return Ok();
                }
                catch (Exception)
                {
                    // No exception is handed over: the helper's message is generic.
                    return StatusCode(500, ApiErrors.Create("The request failed."));
                }
            }
        }
        """,
        Verifier.Diagnostic("EL0009").WithLocation(0).WithArguments("ex", "Failure(...)"));
}
