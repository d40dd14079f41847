using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Tests.Verification;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ErrorBodyNotProblemDetailsAnalyzer, ErrorLint.CodeFixes.Rules.ErrorBodyNotProblemDetailsFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ErrorBodyNotProblemDetailsTests
{
    [Fact]
    public async Task Controller_string_body_becomes_Problem_with_the_message_as_detail()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            [Route("products")]
            public sealed class ProductsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    if (id <= 0)
                    {
                        return {|#0:BadRequest("The id must be positive.")|};
                    }

                    return Ok(id);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            [Route("products")]
            public sealed class ProductsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    if (id <= 0)
                    {
                        return Problem(detail: "The id must be positive.", statusCode: StatusCodes.Status400BadRequest);
                    }

                    return Ok(id);
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ErrorBodyNotProblemDetailsFixer.ProblemKey,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0012").WithLocation(0)
                    .WithMessage("Status 400 is sent with a string as its body; return Problem(...) or ValidationProblem(...) so clients read every error as problem details (RFC 9457)")
                    .WithSeverity(DiagnosticSeverity.Info),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Anonymous_error_object_with_one_message_becomes_Problem()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("orders/{id}")]
                public IActionResult Get(int id) => id == 0 ? [|NotFound(new { error = "Order not found" })|] : Ok(id);
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("orders/{id}")]
                public IActionResult Get(int id) => id == 0 ? Problem(detail: "Order not found", statusCode: StatusCodes.Status404NotFound) : Ok(id);
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Custom_error_type_with_a_server_error_status_is_reported_and_fixed()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public sealed record ErrorDto(string Message);

            [ApiController]
            public sealed class PaymentsController : ControllerBase
            {
                [HttpPost("payments")]
                public async Task<IActionResult> Pay()
                {
                    await Task.Yield();
                    return {|#0:StatusCode(500, new ErrorDto("The payment provider is unavailable."))|};
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public sealed record ErrorDto(string Message);

            [ApiController]
            public sealed class PaymentsController : ControllerBase
            {
                [HttpPost("payments")]
                public async Task<IActionResult> Pay()
                {
                    await Task.Yield();
                    return Problem(detail: "The payment provider is unavailable.", statusCode: StatusCodes.Status500InternalServerError);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(
            source,
            Verifier.Diagnostic("EL0012").WithLocation(0).WithMessage(
                "Status 500 is sent with ErrorDto as its body; return Problem(...) or ValidationProblem(...) so clients read every error as problem details (RFC 9457)"),
            fixedSource);
    }

    [Fact]
    public async Task ModelState_becomes_ValidationProblem_keeping_the_status()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class CustomersController : ControllerBase
            {
                [HttpPost("customers")]
                public IActionResult Create(string name)
                {
                    if (!ModelState.IsValid)
                    {
                        return [|BadRequest(ModelState)|];
                    }

                    if (name.Length > 100)
                    {
                        return [|UnprocessableEntity(ModelState)|];
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class CustomersController : ControllerBase
            {
                [HttpPost("customers")]
                public IActionResult Create(string name)
                {
                    if (!ModelState.IsValid)
                    {
                        return ValidationProblem(ModelState);
                    }

                    if (name.Length > 100)
                    {
                        return ValidationProblem(modelStateDictionary: ModelState, statusCode: StatusCodes.Status422UnprocessableEntity);
                    }

                    return Ok();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ErrorBodyNotProblemDetailsFixer.ValidationProblemKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_All_rewrites_every_error_response_of_the_controller()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class CartController : ControllerBase
            {
                [HttpPost("cart/{id}")]
                public IActionResult Add(int id, int quantity)
                {
                    if (quantity <= 0)
                    {
                        return [|BadRequest("Quantity must be positive.")|];
                    }

                    if (id > 1000)
                    {
                        return [|NotFound($"Product {id} does not exist.")|];
                    }

                    return [|Conflict(new { message = "The cart is locked." })|];
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class CartController : ControllerBase
            {
                [HttpPost("cart/{id}")]
                public IActionResult Add(int id, int quantity)
                {
                    if (quantity <= 0)
                    {
                        return Problem(detail: "Quantity must be positive.", statusCode: StatusCodes.Status400BadRequest);
                    }

                    if (id > 1000)
                    {
                        return Problem(detail: $"Product {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
                    }

                    return Problem(detail: "The cart is locked.", statusCode: StatusCodes.Status409Conflict);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Body_with_more_than_a_message_is_reported_without_a_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public sealed record ApiError(string Code, string Message);

            [ApiController]
            public sealed class InvoicesController : ControllerBase
            {
                [HttpGet("invoices/{id}")]
                public IActionResult Get(int id)
                {
                    if (id < 0)
                    {
                        return [|BadRequest(new { code = "INVALID_ID", message = "The id is invalid." })|];
                    }

                    return [|NotFound(new ApiError("NOT_FOUND", "No such invoice."))|];
                }
            }
            """;
        await Verifier.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Minimal_api_results_are_rewritten_in_Results_style()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            namespace Shop;

            public static class ProductEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/products/{id}", (int id) => id <= 0 ? [|Results.BadRequest("The id must be positive.")|] : Results.Ok(id));
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            namespace Shop;

            public static class ProductEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/products/{id}", (int id) => id <= 0 ? Results.Problem(detail: "The id must be positive.", statusCode: StatusCodes.Status400BadRequest) : Results.Ok(id));
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task TypedResults_in_a_local_function_widen_the_Results_union()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Routing;

            namespace Shop;

            public static class StockEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/stock/{sku}", GetStock);

                    static Results<Ok<int>, NotFound<string>> GetStock(string sku)
                    {
                        if (sku.Length == 0)
                        {
                            return [|TypedResults.NotFound("Unknown SKU")|];
                        }

                        return TypedResults.Ok(sku.Length);
                    }
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Routing;

            namespace Shop;

            public static class StockEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/stock/{sku}", GetStock);

                    static Results<Ok<int>, NotFound<string>, ProblemHttpResult> GetStock(string sku)
                    {
                        if (sku.Length == 0)
                        {
                            return TypedResults.Problem(detail: "Unknown SKU", statusCode: StatusCodes.Status404NotFound);
                        }

                        return TypedResults.Ok(sku.Length);
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Middleware_writing_error_JSON_executes_a_problem_result()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            namespace Shop;

            public sealed class TenantMiddleware
            {
                private readonly RequestDelegate next;

                public TenantMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    if (!context.Request.Headers.ContainsKey("X-Tenant"))
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        await [|context.Response.WriteAsJsonAsync(new { error = "The X-Tenant header is required." })|];
                        return;
                    }

                    await next(context);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            namespace Shop;

            public sealed class TenantMiddleware
            {
                private readonly RequestDelegate next;

                public TenantMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    if (!context.Request.Headers.ContainsKey("X-Tenant"))
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        await Results.Problem(detail: "The X-Tenant header is required.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                        return;
                    }

                    await next(context);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Exception_handler_writing_plain_text_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            namespace Shop;

            public static class ErrorHandling
            {
                public static void Use(WebApplication app)
                {
                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        await [|context.Response.WriteAsync("Something went wrong.")|];
                    }));
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            namespace Shop;

            public static class ErrorHandling
            {
                public static void Use(WebApplication app)
                {
                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        await Results.Problem(detail: "Something went wrong.", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
                    }));
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Razor_page_errors_and_html_pages_are_not_reported_they_answer_browsers()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace Shop.Pages;

            public sealed class ExportModel : PageModel
            {
                public IActionResult OnGet(string? format)
                {
                    if (format is null)
                    {
                        return BadRequest("A format is required.");
                    }

                    return NotFound($"Unable to load the export '{format}'.");
                }
            }

            public static class ErrorPages
            {
                public static void Map(WebApplication app)
                {
                    app.Run(async context =>
                    {
                        context.Response.StatusCode = 500;
                        context.Response.ContentType = "text/html";
                        await context.Response.WriteAsync("Something went wrong. Please try again.");
                    });

                    app.MapGet("/missing/{name}", (string name) => Results.Content($"<h1>{name} is not here</h1>", statusCode: 404));
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Errors_of_a_view_controller_answer_its_own_pages()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Admin;

            public sealed record Module(string Name);

            public partial class ModulesController : Controller
            {
                [HttpPost]
                public IActionResult SetStores(string name, int[] storeIds)
                {
                    if (storeIds.Length == 0)
                    {
                        return BadRequest("Choose at least one store.");
                    }

                    try
                    {
                        Save(name, storeIds);
                    }
                    catch (InvalidOperationException)
                    {
                        return StatusCode(501, new { success = false, message = "The module could not be saved." });
                    }

                    return Ok();
                }

                private static void Save(string name, int[] storeIds) { }
            }

            public partial class ModulesController
            {
                public IActionResult Index() => View();
            }

            public sealed class AssetsController : Controller
            {
                public IActionResult Download(string? name)
                    => name is null ? NotAvailable() : File(Array.Empty<byte>(), "application/octet-stream");

                private ContentResult NotAvailable() => new ContentResult { StatusCode = 404, Content = "The file is not available." };
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Errors_of_api_controllers_and_json_only_controllers_are_still_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Api;

            [ApiController]
            public sealed class ModulesController : Controller
            {
                public IActionResult Index() => View();

                [HttpPost("modules/{name}")]
                public IActionResult SetStores(string name, int[] storeIds)
                    => storeIds.Length == 0 ? {|#0:BadRequest("Choose at least one store.")|} : Ok();
            }

            public sealed class ReportsController : Controller
            {
                [HttpGet("reports/{id}")]
                public IActionResult Get(int id) => id < 0 ? {|#1:NotFound(new { error = "No such report" })|} : Json(new { id });
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0012").WithLocation(0).WithArguments(400, "a string"),
            Verifier.Diagnostic("EL0012").WithLocation(1).WithArguments(404, "an anonymous object"));
    }

    [Fact]
    public async Task ProblemDetails_and_bodiless_responses_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public sealed record Product(int Id, string Name);

            [ApiController]
            public sealed class CatalogController : ControllerBase
            {
                [HttpGet("catalog/{id}")]
                public IActionResult Get(int id, Product? existing, int status, string message)
                {
                    if (id == 1) return Problem(detail: "Gone", statusCode: 410);
                    if (id == 2) return ValidationProblem(ModelState);
                    if (id == 3) return BadRequest(new ProblemDetails { Title = "Bad id", Status = 400 });
                    if (id == 4) return BadRequest(new ValidationProblemDetails(ModelState));
                    if (id == 5) return NotFound();
                    if (id == 6) return StatusCode(503);
                    if (id == 7 && existing is not null) return Conflict(existing);
                    if (id == 8) return StatusCode(status, message);
                    if (id == 9) return Ok("All good");
                    if (id == 10) return new ContentResult { StatusCode = 404, Content = "<h1>Not found</h1>", ContentType = "text/html" };
                    if (id == 11) return Results.Problem("Failed").ToString() is null ? Ok() : NoContent();
                    return Ok(new { message = "Deleted" });
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task The_ApiError_contract_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Contracts
            {
                public class ApiError
                {
                    public string Code { get; set; } = "";
                    public string Message { get; set; } = "";
                }

                public sealed class ValidationApiError : ApiError
                {
                }
            }

            namespace Shop
            {
                using Shop.Contracts;

                [ApiController]
                public sealed class AccountsController : ControllerBase
                {
                    [HttpGet("accounts/{id}")]
                    public IActionResult Get(int id)
                    {
                        if (id < 0)
                        {
                            return BadRequest(new ValidationApiError { Code = "invalid", Message = "Invalid id" });
                        }

                        return NotFound(new ApiError { Code = "missing", Message = "No such account" });
                    }
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.error_contract_types = Shop.Contracts.ApiError") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Configured_error_types_and_failure_factories_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public sealed class Outcome
            {
                private Outcome(string text) => Text = text;

                public string Text { get; }

                public static Outcome Rejected(string text) => new(text);
            }

            public sealed class Rejection
            {
                public string Reason { get; set; } = "";
            }

            [ApiController]
            public sealed class TransfersController : ControllerBase
            {
                [HttpPost("transfers")]
                public IActionResult Create(decimal amount)
                {
                    if (amount <= 0)
                    {
                        return [|BadRequest(Outcome.Rejected("The amount must be positive."))|];
                    }

                    return [|Conflict(new Rejection { Reason = "A transfer is already running." })|];
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public sealed class Outcome
            {
                private Outcome(string text) => Text = text;

                public string Text { get; }

                public static Outcome Rejected(string text) => new(text);
            }

            public sealed class Rejection
            {
                public string Reason { get; set; } = "";
            }

            [ApiController]
            public sealed class TransfersController : ControllerBase
            {
                [HttpPost("transfers")]
                public IActionResult Create(decimal amount)
                {
                    if (amount <= 0)
                    {
                        return Problem(detail: "The amount must be positive.", statusCode: StatusCodes.Status400BadRequest);
                    }

                    return Problem(detail: "A transfer is already running.", statusCode: StatusCodes.Status409Conflict);
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.failure_factories = Outcome.Rejected\nerrorlint.error_types = Rejection") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Responses_through_the_applications_own_helpers_are_not_reported_at_the_call()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public abstract class ApiControllerBase : ControllerBase
            {
                protected IActionResult InvalidInput(string message) => [|BadRequest(message)|];
            }

            [ApiController]
            public sealed class ReviewsController : ApiControllerBase
            {
                [HttpPost("reviews")]
                public IActionResult Create(string text) => text.Length == 0 ? InvalidInput("Empty review") : Ok();
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Nothing_is_reported_without_ASP_NET_Core()
    {
        const string source = """
            namespace Tools;

            public static class Reporter
            {
                public static object BadRequest(string message) => new { error = message, status = 400 };
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            Frameworks = TargetFrameworks.NoAspNetCore,
        }.RunAsync();
    }

    [Fact]
    public async Task Results_Json_with_an_error_status_is_reported_and_pragma_silences_it()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;

            namespace Shop;

            public static class Handlers
            {
                public static IResult Reject() => [|Results.Json(new { error = "Rejected", reason = "quota" }, statusCode: 403)|];

            #pragma warning disable EL0012
                public static IResult Legacy() => Results.Json(new { error = "Rejected" }, statusCode: 403);
            #pragma warning restore EL0012
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Filter_result_object_becomes_a_ProblemDetails_object_result()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            namespace Shop;

            public sealed class RequireTenantFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    if (!context.HttpContext.Request.Headers.ContainsKey("X-Tenant"))
                    {
                        context.Result = [|new ObjectResult("The X-Tenant header is required.") { StatusCode = 400 }|];
                    }
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            namespace Shop;

            public sealed class RequireTenantFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    if (!context.HttpContext.Request.Headers.ContainsKey("X-Tenant"))
                    {
                        context.Result = new ObjectResult(new ProblemDetails() { Status = StatusCodes.Status400BadRequest, Detail = "The X-Tenant header is required." }) { StatusCode = StatusCodes.Status400BadRequest };
                    }
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Switch_expression_arms_are_reported_and_fixed_together()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class StatusController : ControllerBase
            {
                private const int Unavailable = StatusCodes.Status503ServiceUnavailable;

                [HttpGet("status/{code}")]
                public IActionResult Get(int code) => code switch
                {
                    0 => Ok(),
                    1 => [|NotFound("Nothing here")|],
                    _ => [|StatusCode(Unavailable, "Try again later")|],
                };
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class StatusController : ControllerBase
            {
                private const int Unavailable = StatusCodes.Status503ServiceUnavailable;

                [HttpGet("status/{code}")]
                public IActionResult Get(int code) => code switch
                {
                    0 => Ok(),
                    1 => Problem(detail: "Nothing here", statusCode: StatusCodes.Status404NotFound),
                    _ => Problem(detail: "Try again later", statusCode: StatusCodes.Status503ServiceUnavailable),
                };
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task A_write_after_a_branch_that_set_404_and_returned_is_not_that_404()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Files
            {
                public static void Map(WebApplication app)
                {
                    app.Run(context =>
                    {
                        var path = Path.Combine("docs", context.Request.Path.Value!.TrimStart('/'));
                        if (!File.Exists(path))
                        {
                            context.Response.StatusCode = 404;
                            return [|context.Response.WriteAsync("File not found")|];
                        }

                        return context.Response.WriteAsync(File.ReadAllText(path));
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Problem_details_serialized_to_a_string_are_not_reported_and_other_serialized_bodies_are()
    {
        const string source = """
            using System.Text.Json;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class UnauthorizedProblemDetails : ProblemDetails
            {
                public UnauthorizedProblemDetails()
                {
                    Status = 401;
                    Title = "Unauthorized";
                }
            }

            public sealed record ErrorDto(string Error);

            public static class Challenges
            {
                public static Task Unauthorized(HttpResponse response)
                {
                    response.StatusCode = 401;
                    response.ContentType = "application/problem+json";
                    return response.WriteAsync(JsonSerializer.Serialize(new UnauthorizedProblemDetails()));
                }

                public static Task Forbidden(HttpResponse response)
                {
                    response.StatusCode = 403;
                    return [|response.WriteAsync(JsonSerializer.Serialize(new ErrorDto("Forbidden")))|];
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Errors_of_endpoints_that_otherwise_answer_with_views_files_or_images_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProductModel
            {
                public int Id { get; set; }
            }

            public sealed class ProductAdminController : Controller
            {
                public IActionResult Edit(int id)
                {
                    if (id <= 0)
                    {
                        return BadRequest($"Product #{id} cannot be edited.");
                    }

                    return View(new ProductModel { Id = id });
                }

                public IActionResult Barcode(string data)
                {
                    if (data.Length > 80)
                    {
                        return StatusCode(500, "The data is too long for a barcode.");
                    }

                    return Content("<svg/>", "image/svg+xml");
                }

                public IActionResult Download(string name)
                {
                    if (name.Contains(".."))
                    {
                        return BadRequest("Invalid file name.");
                    }

                    return PhysicalFile("/files/" + name, "application/octet-stream");
                }

                public IActionResult RobotsTxt(string? text)
                {
                    if (text is null)
                    {
                        Response.StatusCode = 404;
                        return Content("Not found", "text/plain");
                    }

                    return Content(text, "text/plain");
                }

                public IActionResult Rename(int id, string name)
                {
                    if (name.Length == 0)
                    {
                        // The JSON of a view controller answers the script of its own pages.
                        return BadRequest("A name is required.");
                    }

                    return Json(new ProductModel { Id = id });
                }
            }

            public sealed class MediaMiddleware
            {
                private readonly RequestDelegate next;

                public MediaMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    if (!context.Request.Path.StartsWithSegments("/media"))
                    {
                        await next(context);
                        return;
                    }

                    await NotFound(context.Request.Query["mime"]);

                    async Task NotFound(string? mime)
                    {
                        context.Response.ContentType = mime ?? "text/html";
                        context.Response.StatusCode = 404;
                        await context.Response.WriteAsync("404: Not Found");
                    }
                }
            }

            public static class Forms
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/subscribe", (string? email) => email is null
                        ? Results.BadRequest("An e-mail address is required.")
                        : Results.Content("<p>Thank you</p>", "text/html"));

                    app.MapPost("/api/subscribe", (string? email) => email is null
                        ? [|Results.BadRequest("An e-mail address is required.")|]
                        : Results.Ok());
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task The_fix_sends_the_status_the_status_rules_expect()
    {
        const string source = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(string Name);

            [Authorize]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                public IActionResult Create(Order order)
                {
                    var results = new List<ValidationResult>();
                    if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                    {
                        return {|#0:StatusCode(500, "The order is invalid.")|};
                    }

                    if (!User.IsInRole("Sales"))
                    {
                        return {|#1:Unauthorized("Only sales can create orders.")|};
                    }

                    return {|#2:BadRequest("Orders are closed.")|};
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(string Name);

            [Authorize]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                public IActionResult Create(Order order)
                {
                    var results = new List<ValidationResult>();
                    if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                    {
                        return Problem(detail: "The order is invalid.", statusCode: StatusCodes.Status400BadRequest);
                    }

                    if (!User.IsInRole("Sales"))
                    {
                        return Problem(detail: "Only sales can create orders.", statusCode: StatusCodes.Status403Forbidden);
                    }

                    return Problem(detail: "Orders are closed.", statusCode: StatusCodes.Status400BadRequest);
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0012").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments(500, "a string"),
                Verifier.Diagnostic("EL0012").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments(401, "a string"),
                Verifier.Diagnostic("EL0012").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments(400, "a string"),
            },
        }.RunAsync();
    }
}
