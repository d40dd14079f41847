using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Rules;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ValidationFailureAsServerErrorAnalyzer, ErrorLint.CodeFixes.Rules.ValidationFailureAsServerErrorFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ValidationFailureAsServerErrorTests
{
    [Fact]
    public async Task ModelState_sent_with_500_in_controller_is_fixed_to_ValidationProblem()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                public IActionResult Create(CreateOrder order)
                {
                    if (!ModelState.IsValid)
                    {
                        return [|StatusCode(500, ModelState)|];
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                public IActionResult Create(CreateOrder order)
                {
                    if (!ModelState.IsValid)
                    {
                        return ValidationProblem(ModelState);
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Problem_in_invalid_branch_uses_configured_422()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Create(CreateOrder order)
                {
                    if (ModelState.IsValid == false)
                    {
                        return [|Problem("The order is invalid")|];
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Create(CreateOrder order)
                {
                    if (ModelState.IsValid == false)
                    {
                        return ValidationProblem(detail: "The order is invalid", modelStateDictionary: ModelState, statusCode: StatusCodes.Status422UnprocessableEntity);
                    }

                    return Ok();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.validation_status = 422") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Message_names_the_check_the_status_and_the_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Create(string name)
                {
                    return ModelState.IsValid ? Ok() : {|#0:StatusCode(503)|};
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0002").WithLocation(0).WithMessage(
                "The request is invalid (ModelState.IsValid is false) but the response is sent with 503, a server error; answer 400 with validation problem details so the client fixes its input"));
    }

    [Fact]
    public async Task ValidationProblem_with_500_in_minimal_api_changes_the_status()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public sealed record Order(string Name, int Quantity);

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", (Order order) =>
                    {
                        var errors = new Dictionary<string, string[]>();
                        if (order.Quantity <= 0)
                        {
                            errors["quantity"] = new[] { "Must be positive." };
                        }

                        if (errors.Count > 0)
                        {
                            return [|Results.ValidationProblem(errors, statusCode: 500)|];
                        }

                        return Results.Ok();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public sealed record Order(string Name, int Quantity);

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", (Order order) =>
                    {
                        var errors = new Dictionary<string, string[]>();
                        if (order.Quantity <= 0)
                        {
                            errors["quantity"] = new[] { "Must be positive." };
                        }

                        if (errors.Count > 0)
                        {
                            return Results.ValidationProblem(errors, statusCode: 400);
                        }

                        return Results.Ok();
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Failed_TryValidateObject_with_TypedResults_is_fixed_to_Problem_400()
    {
        const string source = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Routing;

            public sealed class Order
            {
                [Required]
                public string? Name { get; set; }
            }

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", Results<Ok, ProblemHttpResult> (Order order) =>
                    {
                        var results = new List<ValidationResult>();
                        var valid = Validator.TryValidateObject(order, new ValidationContext(order), results, validateAllProperties: true);
                        if (!valid)
                        {
                            return [|TypedResults.Problem("The order is invalid")|];
                        }

                        return TypedResults.Ok();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Routing;

            public sealed class Order
            {
                [Required]
                public string? Name { get; set; }
            }

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", Results<Ok, ProblemHttpResult> (Order order) =>
                    {
                        var results = new List<ValidationResult>();
                        var valid = Validator.TryValidateObject(order, new ValidationContext(order), results, validateAllProperties: true);
                        if (!valid)
                        {
                            return TypedResults.Problem(detail: "The order is invalid", statusCode: StatusCodes.Status400BadRequest);
                        }

                        return TypedResults.Ok();
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Catch_of_FormatException_is_fixed_to_Problem_400_keeping_the_message()
    {
        const string source = """
            using System;
            using System.Globalization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet("reports/{day}")]
                public IActionResult Get(string day)
                {
                    try
                    {
                        var date = DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        return Ok(date);
                    }
                    catch (FormatException)
                    {
                        return [|StatusCode(StatusCodes.Status500InternalServerError, "The day must be yyyy-MM-dd")|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Globalization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet("reports/{day}")]
                public IActionResult Get(string day)
                {
                    try
                    {
                        var date = DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        return Ok(date);
                    }
                    catch (FormatException)
                    {
                        return Problem(detail: "The day must be yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest);
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Catch_of_ValidationException_in_middleware_changes_the_status()
    {
        const string source = """
            using System.ComponentModel.DataAnnotations;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public sealed class ValidationMiddleware
            {
                private readonly RequestDelegate next;

                public ValidationMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (ValidationException ex)
                    {
                        [|context.Response.StatusCode = 500|];
                        await context.Response.WriteAsJsonAsync(new { error = ex.Message });
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.ComponentModel.DataAnnotations;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public sealed class ValidationMiddleware
            {
                private readonly RequestDelegate next;

                public ValidationMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (ValidationException ex)
                    {
                        context.Response.StatusCode = 400;
                        await context.Response.WriteAsJsonAsync(new { error = ex.Message });
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Code_after_success_guard_and_through_helper_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            public sealed class OrdersController : ControllerBase
            {
                public async Task<IActionResult> Create(CreateOrder order)
                {
                    if (ModelState.IsValid)
                    {
                        await Task.Delay(1);
                        return Ok();
                    }

                    return [|ServerError()|];
                }

                private IActionResult ServerError() => StatusCode(500);
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Local_functions_and_branches_are_fixed_together()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Create(CreateOrder order)
                {
                    if (ModelState.ErrorCount > 0)
                    {
                        return Invalid();
                    }

                    return Ok();

                    IActionResult Invalid() => [|StatusCode(500, ModelState)|];
                }

                public IActionResult Update(CreateOrder order)
                {
                    if (ModelState.IsValid is false)
                    {
                        return [|StatusCode(502, ModelState)|];
                    }

                    return NoContent();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Create(CreateOrder order)
                {
                    if (ModelState.ErrorCount > 0)
                    {
                        return Invalid();
                    }

                    return Ok();

                    IActionResult Invalid() => ValidationProblem(ModelState);
                }

                public IActionResult Update(CreateOrder order)
                {
                    if (ModelState.IsValid is false)
                    {
                        return ValidationProblem(ModelState);
                    }

                    return NoContent();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Razor_page_handler_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class ContactModel : PageModel
            {
                [BindProperty]
                public string? Email { get; set; }

                public IActionResult OnPost()
                {
                    if (!ModelState.IsValid)
                    {
                        return [|StatusCode(500)|];
                    }

                    return RedirectToPage("Thanks");
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Genuine_server_failures_are_not_reported()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string Name);

            public sealed class OrdersController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Create(CreateOrder order)
                {
                    if (!ModelState.IsValid)
                    {
                        return ValidationProblem(ModelState);
                    }

                    try
                    {
                        await client.PostAsync("https://inventory/reserve", null);
                        return Ok();
                    }
                    catch (HttpRequestException)
                    {
                        return Problem();
                    }
                    catch (Exception)
                    {
                        return StatusCode(500);
                    }
                }

                public IActionResult Update(CreateOrder order)
                {
                    if (!ModelState.IsValid)
                    {
                        return UnprocessableEntity(ModelState);
                    }
                    else
                    {
                        return StatusCode(503);
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Conditions_that_do_not_mean_invalid_input_are_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed record CreateOrder(string? Name);

            public sealed class InventoryUnavailableException : Exception
            {
            }

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Create(CreateOrder? order)
                {
                    if (!ModelState.IsValid || order is null)
                    {
                        return StatusCode(500);
                    }

                    if (ModelState.IsValid && order.Name == "x")
                    {
                        return Ok();
                    }
                    else
                    {
                        return StatusCode(503);
                    }
                }

                public IActionResult Reserve(string sku)
                {
                    try
                    {
                        return Ok(sku);
                    }
                    catch (InventoryUnavailableException)
                    {
                        return StatusCode(503);
                    }
                    catch (ArgumentException)
                    {
                        return BadRequest();
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Errors_dictionary_after_a_failed_validator_in_TypedResults_lambda_is_fixed_to_ValidationProblem()
    {
        const string source = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Routing;

            public sealed record CreateOrder(string Name);

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", Results<Ok, JsonHttpResult<Dictionary<string, string[]>>> (CreateOrder order) =>
                    {
                        var results = new List<ValidationResult>();
                        if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                        {
                            var errors = results.ToDictionary(r => r.MemberNames.FirstOrDefault() ?? "", r => new[] { r.ErrorMessage ?? "" });
                            return [|TypedResults.Json(errors, statusCode: 500)|];
                        }

                        return TypedResults.Ok();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Routing;

            public sealed record CreateOrder(string Name);

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", Results<Ok, JsonHttpResult<Dictionary<string, string[]>>, ValidationProblem> (CreateOrder order) =>
                    {
                        var results = new List<ValidationResult>();
                        if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                        {
                            var errors = results.ToDictionary(r => r.MemberNames.FirstOrDefault() ?? "", r => new[] { r.ErrorMessage ?? "" });
                            return TypedResults.ValidationProblem(errors);
                        }

                        return TypedResults.Ok();
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task ModelState_used_as_the_servers_own_error_list_after_a_failed_save_is_not_reported()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.AspNetCore.Routing;

            public sealed record CreateOrder(string Name);

            public interface IOrderStore
            {
                bool Save(CreateOrder order);
            }

            public sealed class OrdersController : ControllerBase
            {
                private readonly IOrderStore store;

                public OrdersController(IOrderStore store) => this.store = store;

                public IActionResult Create(CreateOrder order)
                {
                    if (!ModelState.IsValid)
                    {
                        return ValidationProblem(ModelState);
                    }

                    if (!store.Save(order))
                    {
                        ModelState.AddModelError("", "Could not save the order.");
                        return StatusCode(500, ModelState);
                    }

                    return Ok();
                }

                public IActionResult Update(CreateOrder order)
                {
                    if (!store.Save(order))
                    {
                        return StatusCode(500, new SerializableError(ModelState));
                    }

                    return NoContent();
                }
            }

            public sealed class OrderPage : PageModel
            {
                private readonly IOrderStore store;

                public OrderPage(IOrderStore store) => this.store = store;

                public IActionResult OnPost(CreateOrder order)
                {
                    if (!store.Save(order))
                    {
                        ModelState.AddModelError("", "Could not save the order.");
                        return StatusCode(500, ModelState);
                    }

                    return RedirectToPage("Done");
                }
            }

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", (CreateOrder order, IOrderStore store) =>
                    {
                        if (!store.Save(order))
                        {
                            var errors = new Dictionary<string, string[]> { [""] = new[] { "Could not save the order." } };
                            return Results.Json(errors, statusCode: 500);
                        }

                        return Results.Ok();
                    });
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Validator_output_as_a_5xx_body_is_reported_without_a_check_in_sight()
    {
        const string source = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Reject(List<ValidationResult> results) => [|StatusCode(500, results)|];

                public IActionResult Problem(ValidationProblemDetails details) => [|StatusCode(500, details)|];
            }

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", (List<ValidationResult> results) => [|Results.Json(results, statusCode: 500)|]);
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_server_failure_caught_inside_the_invalid_model_branch_is_not_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class ValidateInputFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    if (!context.ModelState.IsValid)
                    {
                        try
                        {
                            var errors = string.Join("|", context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
                            context.Result = new JsonResult(new { code = 0, msg = errors });
                        }
                        catch
                        {
                            context.Result = new StatusCodeResult(StatusCodes.Status500InternalServerError);
                        }
                    }
                }

                public void OnActionExecuted(ActionExecutedContext context) { }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Field_errors_ValidationProblem_cannot_take_keep_the_body_and_only_the_status_changes()
    {
        const string source = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public sealed record CreateOrder(string Name);

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/orders", (CreateOrder order) =>
                    {
                        var results = new List<ValidationResult>();
                        if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                        {
                            return [|Results.Json(results, statusCode: 500)|];
                        }

                        return Results.Ok();
                    });

                    app.MapPost("/customers", (CreateOrder order) =>
                    {
                        var results = new List<ValidationResult>();
                        if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                        {
                            return [|Results.Json($"{results.Count} fields are invalid", statusCode: 500)|];
                        }

                        return Results.Ok();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public sealed record CreateOrder(string Name);

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/orders", (CreateOrder order) =>
                    {
                        var results = new List<ValidationResult>();
                        if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                        {
                            return Results.Json(results, statusCode: 400);
                        }

                        return Results.Ok();
                    });

                    app.MapPost("/customers", (CreateOrder order) =>
                    {
                        var results = new List<ValidationResult>();
                        if (!Validator.TryValidateObject(order, new ValidationContext(order), results, true))
                        {
                            return Results.Problem(detail: $"{results.Count} fields are invalid", statusCode: StatusCodes.Status400BadRequest);
                        }

                        return Results.Ok();
                    });
                }
            }
            """;
        // Two fixes of different kinds (the status alone, problem details): Fix All applies one kind per pass.
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = 2,
        }.RunAsync();
    }

    [Fact]
    public async Task A_check_on_a_request_value_answered_with_500_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record SignUp(string? Email, decimal Total, DateTime Deadline);

            public interface IAccounts
            {
                Task<bool> ExistsAsync(string email);

                SignUp? Find(string email);
            }

            public static class SignUpEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/sign-up", (SignUp dto) => dto.Total < 0
                        ? [|Results.Problem("The total cannot be negative", statusCode: 500)|]
                        : Results.Ok());
                }
            }

            public sealed class AccountsController(IAccounts accounts) : ControllerBase
            {
                [HttpPost("check")]
                public async Task<IActionResult> Check(SignUp dto)
                {
                    if (!await accounts.ExistsAsync(dto.Email ?? ""))
                    {
                        return StatusCode(500, "The account store did not answer");
                    }

                    var existing = accounts.Find(dto.Email ?? "");
                    if (existing is null)
                    {
                        return StatusCode(500, "The account was not saved");
                    }

                    if (DateTime.UtcNow > dto.Deadline)
                    {
                        return StatusCode(503, "Sign-up is closed");
                    }

                    return Ok();
                }

                [HttpPost]
                public IActionResult Create(SignUp dto)
                {
                    if (string.IsNullOrEmpty(dto.Email))
                    {
                        return [|StatusCode(500, new { error = "Email is required" })|];
                    }

                    if (dto.Total > 1000)
                    {
                        return [|StatusCode(500, "Total exceeds the maximum allowed")|];
                    }

                    return Ok();
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_catch_of_a_try_that_only_checks_the_clients_input_answering_500_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Antiforgery;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public sealed class OrderStore
            {
                public Task SaveAsync(string name) => Task.CompletedTask;
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/validate", async (HttpContext context, IAntiforgery antiforgery) =>
                    {
                        try
                        {
                            await antiforgery.ValidateRequestAsync(context);
                            return Results.Ok(context.Request.Form["name"].ToString());
                        }
                        catch (Exception)
                        {
                            return {|#0:Results.Problem("The form could not be checked.")|};
                        }
                    });

                    app.MapPost("/orders", async (HttpContext context, IAntiforgery antiforgery, OrderStore store) =>
                    {
                        try
                        {
                            await antiforgery.ValidateRequestAsync(context);
                            await store.SaveAsync(context.Request.Form["name"].ToString());
                            return Results.Ok();
                        }
                        catch (Exception)
                        {
                            // The store may have failed: a 500 can be the server's.
                            return Results.Problem("The order could not be saved.");
                        }
                    });
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0002").WithLocation(0).WithMessage(
                "The request is invalid (the try only checks what the client sent, and it threw) but the response is sent with 500, a server error; answer 400 with validation problem details so the client fixes its input"));
    }
}
