using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Rules;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ProblemDetailsStatusMismatchAnalyzer, ErrorLint.CodeFixes.Rules.ProblemDetailsStatusMismatchFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ProblemDetailsStatusMismatchTests
{
    [Fact]
    public async Task BadRequest_with_NotFound_problem_sets_the_problem_status_to_the_status_sent()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    if (id <= 0)
                    {
                        return [|BadRequest(new ProblemDetails { Status = 404, Title = "Order not found" })|];
                    }

                    return Ok(id);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    if (id <= 0)
                    {
                        return BadRequest(new ProblemDetails { Status = 400, Title = "Order not found" });
                    }

                    return Ok(id);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task BadRequest_with_NotFound_problem_can_send_the_problem_status()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    return [|BadRequest(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Order not found" })|];
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    return StatusCode(StatusCodes.Status404NotFound, new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Order not found" });
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ProblemDetailsStatusMismatchFixer.UseProblemStatusKey,
        }.RunAsync();
    }

    [Fact]
    public async Task StatusCode_with_other_problem_status_changes_the_status_sent()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class PaymentsController : ControllerBase
            {
                public IActionResult Charge(decimal amount)
                {
                    return [|StatusCode(500, new ProblemDetails { Status = 400, Detail = "The amount must be positive" })|];
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class PaymentsController : ControllerBase
            {
                public IActionResult Charge(decimal amount)
                {
                    return StatusCode(400, new ProblemDetails { Status = 400, Detail = "The amount must be positive" });
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ProblemDetailsStatusMismatchFixer.UseProblemStatusKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Message_names_both_statuses()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/orders", (string name) =>
                        {|#0:Results.Json(new ProblemDetails { Status = 422, Title = "Invalid order" }, statusCode: 400)|});
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0013").WithLocation(0).WithMessage("The problem details say Status = 422 but the response is sent with 400; make them agree"));
    }

    [Fact]
    public async Task Results_with_Problem_in_a_local_is_rewritten_to_Results_Problem()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapGet("/orders/{id}", (int id) =>
                    {
                        var problem = new ProblemDetails { Title = "Order not found", Status = StatusCodes.Status404NotFound };
                        problem.Extensions["orderId"] = id;
                        return [|Results.BadRequest(problem)|];
                    });
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapGet("/orders/{id}", (int id) =>
                    {
                        var problem = new ProblemDetails { Title = "Order not found", Status = StatusCodes.Status404NotFound };
                        problem.Extensions["orderId"] = id;
                        return Results.Problem(problem);
                    });
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ProblemDetailsStatusMismatchFixer.UseProblemStatusKey,
        }.RunAsync();
    }

    [Fact]
    public async Task TypedResults_BadRequest_is_rewritten_to_typed_problem_widening_the_union()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;

            public static class OrderHandlers
            {
                public static async Task<Results<Ok<int>, BadRequest<ProblemDetails>>> Get(int id)
                {
                    await Task.Yield();
                    if (id > 1000)
                    {
                        return [|TypedResults.BadRequest(new ProblemDetails { Status = 409, Title = "Order already shipped" })|];
                    }

                    return TypedResults.Ok(id);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;

            public static class OrderHandlers
            {
                public static async Task<Results<Ok<int>, BadRequest<ProblemDetails>, ProblemHttpResult>> Get(int id)
                {
                    await Task.Yield();
                    if (id > 1000)
                    {
                        return TypedResults.Problem(new ProblemDetails { Status = 409, Title = "Order already shipped" });
                    }

                    return TypedResults.Ok(id);
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ProblemDetailsStatusMismatchFixer.UseProblemStatusKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Object_result_with_problem_status_assigned_later_sets_the_problem_status()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class MaintenanceFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    var problem = new ProblemDetails { Title = "Down for maintenance" };
                    problem.Status = 503;
                    context.Result = [|new ObjectResult(problem) { StatusCode = 500 }|];
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class MaintenanceFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    var problem = new ProblemDetails { Title = "Down for maintenance" };
                    problem.Status = 500;
                    context.Result = new ObjectResult(problem) { StatusCode = 500 };
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Middleware_write_after_status_assignment_is_reported_on_the_write()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate next;

                public ErrorMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception)
                    {
                        context.Response.StatusCode = 500;
                        await [|context.Response.WriteAsJsonAsync(new ProblemDetails { Status = 400, Title = "Unexpected error" })|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ErrorMiddleware
            {
                private readonly RequestDelegate next;

                public ErrorMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception)
                    {
                        context.Response.StatusCode = 500;
                        await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = 500, Title = "Unexpected error" });
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Several_mismatches_are_fixed_together()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class AccountsController : ControllerBase
            {
                public IActionResult Register(string email)
                {
                    if (!ModelState.IsValid)
                    {
                        return [|BadRequest(new ValidationProblemDetails(ModelState) { Status = 422 })|];
                    }

                    if (email.Length > 100)
                    {
                        return [|Conflict(new ProblemDetails { Status = 400, Detail = "Email already registered" })|];
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class AccountsController : ControllerBase
            {
                public IActionResult Register(string email)
                {
                    if (!ModelState.IsValid)
                    {
                        return BadRequest(new ValidationProblemDetails(ModelState) { Status = 400 });
                    }

                    if (email.Length > 100)
                    {
                        return Conflict(new ProblemDetails { Status = 409, Detail = "Email already registered" });
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Exception_filter_and_page_handler_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class ApiExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = [|new ObjectResult(new ProblemDetails { Status = 400, Title = "Unexpected error" }) { StatusCode = 500 }|];
                }
            }

            public sealed class OrderModel : PageModel
            {
                public IActionResult OnGet(int id)
                {
                    return id > 0 ? Page() : [|NotFound(new ProblemDetails { Status = 410 })|];
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Agreeing_or_missing_statuses_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            public static class ApiErrors
            {
                public static IResult NotFound(string detail) => Results.NotFound(new ProblemDetails { Status = 404, Detail = detail });
            }

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id, int status)
                {
                    if (id == 0)
                    {
                        return BadRequest(new ProblemDetails { Title = "Missing id" });
                    }

                    if (id < 0)
                    {
                        return NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound });
                    }

                    if (id > 1000)
                    {
                        return StatusCode(status, new ProblemDetails { Status = 400 });
                    }

                    return new ObjectResult(new ProblemDetails { Status = 409 });
                }
            }

            public static class OrderEndpoints
            {
                public static void MapOrders(this IEndpointRouteBuilder app)
                {
                    app.MapGet("/orders/{id}", (int id) =>
                    {
                        var problem = new ProblemDetails { Status = 404, Title = "Order not found" };
                        return id > 0 ? Results.Problem(problem) : ApiErrors.NotFound("No order");
                    });
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Problem_status_set_in_branches_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Cancel(int id, bool shipped)
                {
                    var problem = new ProblemDetails { Title = "Cannot cancel" };
                    if (shipped)
                    {
                        problem.Status = 409;
                    }
                    else
                    {
                        problem.Status = 400;
                    }

                    return BadRequest(problem);
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }
}
