using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.ErrorBodyWithSuccessStatusAnalyzer,
    ErrorLint.CodeFixes.Rules.ErrorBodyWithSuccessStatusFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ErrorBodyWithSuccessStatusTests
{
    [Fact]
    public Task Controller_ok_with_error_member_is_fixed_to_not_found_problem() => Verifier.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id)
            {
                if (id <= 0)
                {
                    return [|Ok(new { error = "Order not found" })|];
                }

                return Ok(new { id });
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id)
            {
                if (id <= 0)
                {
                    return Problem(detail: "Order not found", statusCode: StatusCodes.Status404NotFound);
                }

                return Ok(new { id });
            }
        }
        """);

    [Fact]
    public Task Message_names_the_evidence_and_the_status() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class UsersController : ControllerBase
        {
            public IActionResult Register(string email)
                => {|#0:Ok(new { success = false, message = "Email already registered" })|};
        }
        """,
        Verifier.Diagnostic("EL0001").WithLocation(0).WithMessage(
            "This response sends an error body ('success = false') with status 200; return problem details with a 4xx status so clients can tell it failed"));

    [Fact]
    public Task Duplicate_message_is_fixed_to_conflict() => Verifier.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class UsersController : ControllerBase
        {
            public IActionResult Register(string email)
                => [|Ok(new { success = false, message = "Email already registered" })|];
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class UsersController : ControllerBase
        {
            public IActionResult Register(string email)
                => Problem(detail: "Email already registered", statusCode: StatusCodes.Status409Conflict);
        }
        """);

    [Fact]
    public Task Status_code_200_json_and_result_objects_are_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class PaymentsController : Controller
        {
            private const int Success = 200;

            public IActionResult A() => [|StatusCode(200, new { error = "Card declined" })|];
            public IActionResult B() => [|StatusCode(StatusCodes.Status200OK, new { errorMessage = "Card declined" })|];
            public IActionResult C() => [|StatusCode(Success, new { Error = true })|];
            public IActionResult D() => [|Json(new { error = 1 })|];
            public IActionResult E() => [|new OkObjectResult(new { errors = new[] { "Card declined" } })|];
            public IActionResult F() => [|new JsonResult(new { status = "error" })|];
            public IActionResult G() => [|new ObjectResult(new { succeeded = false })|];
            public IActionResult H() => [|Ok(ModelState)|];
        }
        """);

    [Fact]
    public Task Minimal_api_results_and_typed_results_are_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", () => [|Results.Ok(new { error = "Not allowed" })|]);
                app.MapGet("/b", () => [|TypedResults.Ok(new { success = false })|]);
                app.MapGet("/c", () => [|Results.Json(new { error = "Busy" })|]);
                app.MapGet("/d", () => [|Results.Json(new { error = "Busy" }, statusCode: 200)|]);
                app.MapGet("/e", GetE);

                static IResult GetE() => [|Results.Ok(new { error = "Broken" })|];
            }
        }
        """);

    [Fact]
    public Task Typed_results_fix_widens_the_results_union() => Verifier.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;

        public sealed class Todo
        {
            public string? Title { get; set; }
            public string? Error { get; set; }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/todos/{id}", Results<Ok<Todo>, NotFound> (int id) =>
                {
                    if (id == 0)
                    {
                        return TypedResults.NotFound();
                    }

                    if (id < 0)
                    {
                        return [|TypedResults.Ok(new Todo { Error = "Invalid id" })|];
                    }

                    return TypedResults.Ok(new Todo { Title = "Write tests" });
                });
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;

        public sealed class Todo
        {
            public string? Title { get; set; }
            public string? Error { get; set; }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/todos/{id}", Results<Ok<Todo>, NotFound, ProblemHttpResult> (int id) =>
                {
                    if (id == 0)
                    {
                        return TypedResults.NotFound();
                    }

                    if (id < 0)
                    {
                        return TypedResults.Problem(detail: "Invalid id", statusCode: StatusCodes.Status400BadRequest);
                    }

                    return TypedResults.Ok(new Todo { Title = "Write tests" });
                });
            }
        }
        """);

    [Fact]
    public Task Results_fix_keeps_the_message_and_the_style() => Verifier.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/orders", (string sku) =>
                    sku.Length == 0
                        ? [|Results.Ok(new { error = "Sku is required" })|]
                        : Results.Ok(new { sku }));
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/orders", (string sku) =>
                    sku.Length == 0
                        ? Results.Problem(detail: "Sku is required", statusCode: StatusCodes.Status400BadRequest)
                        : Results.Ok(new { sku }));
            }
        }
        """);

    [Fact]
    public Task Fix_all_rewrites_every_occurrence() => Verifier.VerifyCodeFixAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            public IActionResult Add(int quantity)
            {
                if (quantity <= 0)
                {
                    return [|Ok(new { error = "Quantity must be positive" })|];
                }

                if (quantity > 99)
                {
                    return [|Ok(new { error = "Too many items" })|];
                }

                return NoContent();
            }

            public IActionResult Remove(int id) => [|Ok(new { success = false, error = "Item does not exist" })|];
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            public IActionResult Add(int quantity)
            {
                if (quantity <= 0)
                {
                    return Problem(detail: "Quantity must be positive", statusCode: StatusCodes.Status400BadRequest);
                }

                if (quantity > 99)
                {
                    return Problem(detail: "Too many items", statusCode: StatusCodes.Status400BadRequest);
                }

                return NoContent();
            }

            public IActionResult Remove(int id) => Problem(detail: "Item does not exist", statusCode: StatusCodes.Status404NotFound);
        }
        """);

    [Fact]
    public Task Model_state_is_fixed_to_validation_problem_with_configured_status() => new Verifier.Test
    {
        TestCode = """
        using Microsoft.AspNetCore.Mvc;

        public sealed class SignupController : ControllerBase
        {
            public IActionResult Post(string name)
            {
                if (!ModelState.IsValid)
                {
                    return [|Ok(ModelState)|];
                }

                return NoContent();
            }
        }
        """,
        FixedCode = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SignupController : ControllerBase
        {
            public IActionResult Post(string name)
            {
                if (!ModelState.IsValid)
                {
                    return ValidationProblem(modelStateDictionary: ModelState, statusCode: StatusCodes.Status422UnprocessableEntity);
                }

                return NoContent();
            }
        }
        """,
        TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.validation_status = 422") } },
    }.RunAsync();

    [Fact]
    public Task Middleware_writing_an_error_without_a_status_is_fixed_to_a_problem_result() => Verifier.VerifyCodeFixAsync(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        public sealed class TenantMiddleware
        {
            private readonly RequestDelegate next;

            public TenantMiddleware(RequestDelegate next) => this.next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                if (!context.Request.Headers.ContainsKey("X-Tenant"))
                {
                    await [|context.Response.WriteAsJsonAsync(new { error = "Missing tenant header" })|];
                    return;
                }

                await next(context);
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        public sealed class TenantMiddleware
        {
            private readonly RequestDelegate next;

            public TenantMiddleware(RequestDelegate next) => this.next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                if (!context.Request.Headers.ContainsKey("X-Tenant"))
                {
                    await Results.Problem(detail: "Missing tenant header", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                    return;
                }

                await next(context);
            }
        }
        """);

    [Fact]
    public Task Error_types_failure_factories_and_envelopes_are_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed record ApiErrorResponse(string Code, string Message);

        public sealed class Envelope
        {
            public bool Success { get; set; }
            public string? Message { get; set; }
        }

        public sealed class Result
        {
            public static Result Fail(string message) => new();
        }

        public sealed class ImportController : ControllerBase
        {
            public IActionResult A() => [|Ok(new ApiErrorResponse("E42", "Import failed"))|];
            public IActionResult B() => [|Ok(Result.Fail("Import failed"))|];
            public IActionResult C() => [|Ok(new Envelope { Success = false, Message = "Import failed" })|];
            public IActionResult D(Exception ex) => [|Ok(ex)|];
            public IActionResult E() => [|Ok(new ProblemDetails { Title = "Import failed" })|];
        }
        """);

    [Fact]
    public Task An_action_returning_an_error_object_directly_is_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;

        public sealed record ErrorDto(string Message);

        public sealed class StatusController : ControllerBase
        {
            [HttpGet]
            public ActionResult<ErrorDto> Get() => [|new ErrorDto("Service degraded")|];
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapGet("/x", () => [|new { error = "Nope" }|]);
        }
        """);

    [Fact]
    public Task Configured_member_names_and_types_are_reported() => new Verifier.Test
    {
        TestCode = """
        using Microsoft.AspNetCore.Mvc;

        public sealed class Outcome
        {
            public static Outcome Rejected(string reason) => new();
        }

        public sealed class Refusal { public string Reason { get; set; } = ""; }

        public sealed class LoansController : ControllerBase
        {
            public IActionResult A() => [|Ok(new { problem = "Limit exceeded" })|];
            public IActionResult B() => [|Ok(Outcome.Rejected("Limit exceeded"))|];
            public IActionResult C() => [|Ok(new Refusal { Reason = "Limit exceeded" })|];
        }
        """,
        TestState =
        {
            AnalyzerConfigFiles =
            {
                ("/.globalconfig", """
                    is_global = true
                    errorlint.error_member_names = problem, reason
                    errorlint.failure_factories = Outcome.Rejected
                    errorlint.error_types = Refusal
                    """),
            },
        },
    }.RunAsync();

    [Fact]
    public Task Success_messages_and_success_flags_are_not_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ItemsController : ControllerBase
        {
            public IActionResult Delete(int id) => Ok(new { message = "Deleted" });
            public IActionResult Save() => Ok(new { success = true, error = (string?)null });
            public IActionResult Check() => Ok(new { isSuccess = true, errors = new string[0] });
            public IActionResult Count() => Ok(new { errorCount = 0, error = 0 });
            public IActionResult Flags() => Ok(new { error = false });
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ok", () => Results.Ok(new { status = "ok" }));
                app.MapGet("/typed", () => TypedResults.Ok(new { succeeded = true, message = "Saved" }));
            }
        }
        """);

    [Fact]
    public Task Resources_about_errors_are_not_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed record ErrorLogEntry(DateTime At, string Message);

        public sealed class ErrorLogController : ControllerBase
        {
            private readonly List<ErrorLogEntry> entries = new();

            public IActionResult List() => Ok(entries);
            public IActionResult Page() => Ok(new { errors = entries, total = entries.Count });
            public ActionResult<ErrorLogEntry> Latest() => entries[0];
        }
        """);

    [Fact]
    public Task Error_statuses_and_unknown_statuses_are_not_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult A() => BadRequest(new { error = "Invalid" });
            public IActionResult B(int status) => StatusCode(status, new { error = "Invalid" });
            public IActionResult C() => new ObjectResult(new { error = "Invalid" }) { StatusCode = 422 };
            public IActionResult D() => NotFound(new { error = "Missing" });
        }

        public static class Writers
        {
            // A helper does not know the status its caller set.
            public static Task WriteError(HttpResponse response, string message) => response.WriteAsJsonAsync(new { error = message });

            public static async Task Downstream(HttpContext context, RequestDelegate next)
            {
                await next(context);
                await context.Response.WriteAsJsonAsync(new { error = "Upstream failed" });
            }

            public static Task WithStatus(HttpContext context)
            {
                context.Response.StatusCode = 503;
                return context.Response.WriteAsJsonAsync(new { error = "Try later" });
            }
        }
        """);

    [Fact]
    public Task Razor_page_json_result_is_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public sealed class CheckoutModel : PageModel
        {
            public IActionResult OnPostApply(string code)
                => code.Length == 0 ? [|new JsonResult(new { error = "Code required" })|] : new JsonResult(new { applied = true });
        }
        """);

    [Fact]
    public Task Async_switch_expression_and_helper_are_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ReportsController : ControllerBase
        {
            public async Task<IActionResult> Get(int kind)
            {
                await Task.Yield();
                return kind switch
                {
                    0 => [|Ok(new { error = "Unknown report" })|],
                    _ => Ok(new { kind }),
                };
            }
        }
        """);

    [Fact]
    public Task Nothing_is_reported_without_aspnetcore() => new Verifier.Test
    {
        TestCode = """
        public sealed class Calculator
        {
            public object Ok(object value) => value;
            public object Run() => Ok(new { error = "Division by zero" });
        }
        """,
        Frameworks = TargetFrameworks.NoAspNetCore,
    }.RunAsync();

    [Fact]
    public Task Status_set_on_the_result_afterwards_is_what_is_sent() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Get(int id)
            {
                var missing = Ok(new { error = "Order not found" });
                missing.StatusCode = 404;
                if (id <= 0)
                {
                    return missing;
                }

                return [|Ok(new { error = "Order is locked" })|];
            }
        }
        """);

    [Fact]
    public Task Status_set_on_the_response_before_a_result_without_one_stands() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;

        public sealed class ValidationExceptionFilter : IExceptionFilter
        {
            public void OnException(ExceptionContext context)
            {
                context.HttpContext.Response.StatusCode = 400;
                context.Result = new ObjectResult(new { error = context.Exception.GetType().Name });
            }
        }

        public sealed class LegacyExceptionFilter : IExceptionFilter
        {
            public void OnException(ExceptionContext context)
            {
                if (context.Exception is System.TimeoutException)
                {
                    context.HttpContext.Response.StatusCode = 503;
                }

                context.Result = [|new ObjectResult(new { error = "The request failed" })|];
            }
        }
        """);

    [Fact]
    public Task A_generic_envelopes_payload_slot_is_not_a_success_flag() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class ApiResponse<T>
        {
            public T? Result { get; set; }

            public bool Success { get; set; }

            public string Message { get; set; } = "";
        }

        public sealed class SettingsController : ControllerBase
        {
            [HttpGet("maintenance")]
            public IActionResult IsInMaintenance() => Ok(new ApiResponse<bool> { Result = false, Success = true, Message = "Open" });

            [HttpPost("maintenance")]
            public IActionResult StartMaintenance() => [|Ok(new ApiResponse<bool> { Result = true, Success = false, Message = "Not allowed" })|];
        }
        """);

    [Fact]
    public Task A_result_made_and_thrown_away_sends_nothing() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ImportController : ControllerBase
        {
            public IActionResult Post(bool dryRun)
            {
                if (dryRun)
                {
                    Ok(new { error = "Dry runs are not saved" });
                    Results.Ok(new { error = "Dry runs are not saved" });
                    return NoContent();
                }

                return [|Ok(new { error = "Imports are closed" })|];
            }
        }
        """);

    [Fact]
    public Task An_error_action_the_exception_handler_re_executes_keeps_the_status_it_set() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ErrorModel
        {
            public string? Error { get; set; }

            public string? Path { get; set; }
        }

        public sealed class ErrorController : Controller
        {
            [Route("/Error")]
            public IActionResult Index()
            {
                var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
                return Json(new ErrorModel { Error = "The request failed", Path = feature?.Path });
            }

            [Route("/Status/{code}")]
            public IActionResult Status(int code)
            {
                var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
                return Content("Error " + code + " at " + original?.OriginalPath);
            }

            [Route("/Fallback")]
            public IActionResult Fallback()
            {
                var feature = HttpContext.Features.Get<IExceptionHandlerFeature>();
                return [|Ok(new ErrorModel { Error = feature?.Error.GetType().Name })|];
            }
        }

        public sealed class ReportController : Controller
        {
            public IActionResult Index() => [|Json(new ErrorModel { Error = "The request failed" })|];
        }
        """);

    [Fact]
    public Task Status_set_on_the_response_before_Json_or_Results_Text_stands() => Verifier.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class LegacyController : Controller
        {
            public IActionResult Find(int id)
            {
                if (id <= 0)
                {
                    Response.StatusCode = 404;
                    return Json(new { error = "Not found" });
                }

                return [|Json(new { error = "Locked" })|];
            }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/legacy", (HttpContext context) =>
                {
                    context.Response.StatusCode = 410;
                    return Results.Json(new { error = "Gone" });
                });
            }
        }
        """);

    [Fact]
    public Task A_report_of_a_run_or_a_check_holds_its_errors_and_is_sent_with_200() => new Verifier.Test
    {
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ImportReport
            {
                public List<string> Errors { get; } = new();
            }

            public sealed class ProbeOutcome
            {
                public string? Error { get; set; }
            }

            public sealed class ProbeResult
            {
                public string? Error { get; set; }
            }

            public sealed class ImportController : ControllerBase
            {
                public IActionResult Import() => Ok(new ImportReport { Errors = { "Row 3 has no price" } });

                public IActionResult Probe() => Ok(new ProbeOutcome { Error = "The host did not answer" });

                public ProbeOutcome ProbeDirect() => new ProbeOutcome { Error = "The host did not answer" };

                public IActionResult Save() => [|Ok(new ProbeResult { Error = "The item was not saved" })|];
            }
            """,
        TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.error_report_types = ProbeOutcome") } },
    }.RunAsync();

    [Fact]
    public async Task A_failure_envelope_returned_as_the_action_value_is_sent_with_200()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;

            public sealed class MessageModel<T>
            {
                public bool Success { get; set; }
                public string Msg { get; set; } = "";
                public T? Response { get; set; }

                public static MessageModel<T> Fail(string msg) => new() { Success = false, Msg = msg };
            }

            public abstract class BaseApiController : Controller
            {
                [NonAction]
                public MessageModel<string> Failed(string msg) => new() { Success = false, Msg = msg };

                [NonAction]
                public MessageModel<T> Succeeded<T>(T value) => new() { Success = true, Response = value };
            }

            public sealed class BlogController : BaseApiController
            {
                [HttpPost("blog")]
                public async Task<MessageModel<string>> Post(string title)
                {
                    await Task.Yield();
                    if (title.Length < 5)
                    {
                        return {|#0:Failed("The title needs five characters.")|};
                    }

                    return Succeeded(title);
                }

                [HttpDelete("blog/{id}")]
                public MessageModel<int> Delete(int id) => id > 0 ? Succeeded(id) : {|#1:MessageModel<int>.Fail("No such post.")|};

                [HttpPut("blog/{id}")]
                public MessageModel<int> Put(int id) => {|#2:new MessageModel<int> { Success = false, Msg = "Posts are read-only." }|};
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                    => app.MapGet("/status", (bool ready) =>
                    {
                        if (!ready)
                        {
                            return {|#3:new { error = (string?)"Not ready" }|};
                        }

                        return new { error = (string?)null };
                    });
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0001").WithLocation(0).WithArguments("BaseApiController.Failed(...)", 200),
            Verifier.Diagnostic("EL0001").WithLocation(1).WithArguments("MessageModel.Fail(...)", 200),
            Verifier.Diagnostic("EL0001").WithLocation(2).WithArguments("'Success = false'", 200),
            Verifier.Diagnostic("EL0001").WithLocation(3).WithArguments("'error' member", 200));
    }

    [Fact]
    public async Task Values_returned_by_helpers_services_and_non_actions_are_not_responses()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class Outcome
            {
                public bool Success { get; set; }
                public string Error { get; set; } = "";
            }

            public sealed class OrderService
            {
                public Outcome Place(int id) => new Outcome { Success = false, Error = "Out of stock" };
            }

            public sealed class OrdersController : ControllerBase
            {
                [NonAction]
                public Outcome Check(int id) => new Outcome { Success = false, Error = "Out of stock" };

                public static Outcome Describe() => new Outcome { Success = false, Error = "Out of stock" };

                [HttpGet("orders/{id}")]
                public Outcome Get(int id) => id > 0 ? new Outcome { Success = true } : Validate(id);

                [HttpGet("orders/{id}/state")]
                public string State(int id) => "error";

                private Outcome Validate(int id) => new Outcome { Success = false, Error = "Invalid id" };
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task A_failure_flag_held_in_a_local_is_read_where_nothing_has_set_it_yet() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class PaymentsController : Controller
        {
            [HttpPost("payments/confirm")]
            public async Task<IActionResult> Confirm(string? orderId)
            {
                var success = false;
                var message = string.Empty;

                if (string.IsNullOrEmpty(orderId))
                {
                    return {|#0:Json(new { success, message = "No order id was returned." })|};
                }

                await Task.Yield();
                success = true;
                return Json(new { success, message });
            }

            [HttpPost("payments/capture")]
            public async Task<IActionResult> Capture(string orderId)
            {
                // The flag may be true or false here: the try sets it before the one response.
                var success = false;
                var message = string.Empty;
                try
                {
                    await Task.Yield();
                    success = true;
                }
                catch (InvalidOperationException)
                {
                    message = "The payment could not be captured.";
                }

                return Json(new { success, message });
            }

            [HttpPost("payments/retry")]
            public async Task<IActionResult> Retry(string[] orderIds)
            {
                var success = false;
                foreach (var orderId in orderIds)
                {
                    if (orderId.Length == 0)
                    {
                        // A write later in the loop reaches this read on the next turn.
                        return Json(new { success, orderId });
                    }

                    await Task.Yield();
                    success = true;
                }

                return Json(new { success });
            }
        }
        """,
        Verifier.Diagnostic("EL0001").WithLocation(0).WithArguments("'success = false'", 200));

    [Fact]
    public Task An_envelope_a_local_holds_is_read_as_its_flag_was_last_set_on_the_way_to_the_response() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class MessageModel<T>
        {
            public bool Success { get; set; }
            public string Msg { get; set; } = "";
            public T? Response { get; set; }
        }

        public sealed class CodeGenerationController : ControllerBase
        {
            private readonly bool development;

            public CodeGenerationController(bool development) => this.development = development;

            [HttpGet("generate")]
            public MessageModel<string> Generate()
            {
                var data = new MessageModel<string> { Success = true, Msg = "" };
                if (development)
                {
                    data.Response = "generated";
                }
                else
                {
                    data.Success = false;
                    data.Msg = "Code generation is only available in development.";
                }

                return {|#0:data|};
            }

            [HttpGet("import")]
            public IActionResult Import(string file)
            {
                var data = new MessageModel<string> { Success = false };
                if (file.Length == 0)
                {
                    data.Msg = "No file.";
                    return BadRequest(data);
                }

                try
                {
                    data.Response = file;
                    data.Success = true;
                }
                catch (FormatException)
                {
                    data.Msg = "The file could not be read.";
                }

                // Last set to true on the way here: the flag may be either.
                return Ok(data);
            }

            [HttpGet("export")]
            public IActionResult Export(string file)
            {
                var data = new MessageModel<string> { Success = true };
                if (file.Length == 0)
                {
                    data.Success = false;
                    return BadRequest(data);
                }

                // The false above never reaches this response.
                return Ok(data);
            }
        }
        """,
        Verifier.Diagnostic("EL0001").WithLocation(0).WithArguments("'Success = false'", 200));

    [Fact]
    public Task A_NotOk_factory_sent_by_a_validation_filter_is_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;

        public sealed class ResultOutput<T>
        {
            public bool Success { get; set; }
            public string? Msg { get; set; }
        }

        public static class ResultOutput
        {
            public static ResultOutput<string> NotOk(string? msg = null) => new() { Success = false, Msg = msg };

            public static ResultOutput<string> Ok(string? msg = null) => new() { Success = true, Msg = msg };
        }

        public sealed class ValidateInputFilter : IActionFilter
        {
            public void OnActionExecuting(ActionExecutingContext context)
            {
                if (!context.ModelState.IsValid)
                {
                    var errors = string.Join("|", context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
                    context.Result = {|#0:new JsonResult(ResultOutput.NotOk(errors))|};
                }
                else
                {
                    context.HttpContext.Items["validated"] = ResultOutput.Ok();
                }
            }

            public void OnActionExecuted(ActionExecutedContext context)
            {
            }
        }
        """,
        Verifier.Diagnostic("EL0001").WithLocation(0).WithArguments("ResultOutput.NotOk(...)", 200));
}
