using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ProblemDetailsAsPlainJsonAnalyzer, ErrorLint.CodeFixes.Rules.ProblemDetailsAsPlainJsonFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ProblemDetailsAsPlainJsonTests
{
    [Fact]
    public async Task WriteAsJsonAsync_of_problem_details_in_an_exception_handler_gets_the_problem_content_type()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class GlobalExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, System.Exception exception, CancellationToken cancellationToken)
                {
                    var problem = new ProblemDetails { Status = 500, Title = "Server error" };
                    httpContext.Response.StatusCode = 500;
                    await {|#0:httpContext.Response.WriteAsJsonAsync(problem, cancellationToken)|};
                    return true;
                }
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class GlobalExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, System.Exception exception, CancellationToken cancellationToken)
                {
                    var problem = new ProblemDetails { Status = 500, Title = "Server error" };
                    httpContext.Response.StatusCode = 500;
                    await httpContext.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken: cancellationToken);
                    return true;
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(
            source,
            Verifier.Diagnostic("EL0015").WithLocation(0).WithMessage(
                "Response.WriteAsJsonAsync sends problem details as application/json; pass contentType: \"application/problem+json\", or write it with IProblemDetailsService so clients see application/problem+json"),
            fixedSource);
    }

    [Fact]
    public async Task Middleware_that_sets_the_content_type_before_WriteAsJsonAsync_is_still_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Maintenance
            {
                public static void Use(WebApplication app)
                {
                    app.Run(async context =>
                    {
                        context.Response.StatusCode = 503;
                        context.Response.ContentType = "application/problem+json";
                        await [|context.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Down for maintenance" })|];
                    });
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Maintenance
            {
                public static void Use(WebApplication app)
                {
                    app.Run(async context =>
                    {
                        context.Response.StatusCode = 503;
                        context.Response.ContentType = "application/problem+json";
                        await context.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Down for maintenance" }, options: null, contentType: "application/problem+json");
                    });
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Results_helpers_keep_their_status_and_send_problem_json()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Orders
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders/{id}", (int id) => id > 0
                        ? Results.Ok()
                        : [|Results.NotFound(new ProblemDetails { Status = 404, Title = "No such order" })|]);

                    app.MapPost("/orders", (string? name) => name is null
                        ? [|Results.BadRequest(new ProblemDetails { Title = "A name is required" })|]
                        : Results.Ok());

                    app.MapGet("/legacy", () => [|Results.Json(new ProblemDetails { Title = "Gone" }, statusCode: 410)|]);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Orders
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders/{id}", (int id) => id > 0
                        ? Results.Ok()
                        : Results.Problem(new ProblemDetails { Status = 404, Title = "No such order" }));

                    app.MapPost("/orders", (string? name) => name is null
                        ? Results.Json(new ProblemDetails { Title = "A name is required" }, contentType: "application/problem+json", statusCode: StatusCodes.Status400BadRequest)
                        : Results.Ok());

                    app.MapGet("/legacy", () => Results.Json(new ProblemDetails { Title = "Gone" }, statusCode: 410, contentType: "application/problem+json"));
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task TypedResults_with_the_problems_own_status_become_TypedResults_Problem()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;

            public static class Orders
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders/{id}", Results<Ok, Conflict<ProblemDetails>> (int id) =>
                    {
                        if (id < 0)
                        {
                            return [|TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Locked" })|];
                        }

                        return TypedResults.Ok();
                    });
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;

            public static class Orders
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders/{id}", Results<Ok, Conflict<ProblemDetails>, ProblemHttpResult> (int id) =>
                    {
                        if (id < 0)
                        {
                            return TypedResults.Problem(new ProblemDetails { Status = 409, Title = "Locked" });
                        }

                        return TypedResults.Ok();
                    });
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Controller_Json_and_JsonResult_of_problem_details_are_reported_without_a_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class LegacyController : Controller
            {
                public IActionResult Find(int id) => id > 0 ? Ok() : [|Json(new ProblemDetails { Status = 404 })|];

                public IActionResult Lock() => [|new JsonResult(new ValidationProblemDetails()) { StatusCode = 409 }|];
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Problem_helpers_the_problem_details_service_MVC_object_results_and_other_bodies_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ShopProblem : ProblemDetails
            {
            }

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id) => id > 0 ? Ok(new { id }) : NotFound(new ProblemDetails { Status = 404 });

                public IActionResult Post() => BadRequest(new ShopProblem { Title = "Closed" });

                public IActionResult Lock() => new ObjectResult(new ProblemDetails { Status = 409 }) { StatusCode = 409 };
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/a", () => Results.Problem(new ProblemDetails { Status = 400 }));
                    app.MapGet("/b", () => TypedResults.Problem(new ShopProblem { Status = 409 }));
                    app.MapGet("/c", () => Results.Json(new ProblemDetails(), contentType: "application/problem+json", statusCode: 400));
                    app.MapGet("/d", () => Results.BadRequest(new { error = "not problem details" }));
                    app.MapGet("/e", () => Results.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]>()));

                    app.Run(async context =>
                    {
                        var service = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
                        if (service is not null)
                        {
                            await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = 503 } });
                            return;
                        }

                        await context.Response.WriteAsJsonAsync(new ProblemDetails(), options: null, contentType: "application/problem+json; charset=utf-8");
                        await context.Response.WriteAsJsonAsync(new { status = 503 });
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task Nothing_is_reported_without_ASP_NET_Core() => new Verifier.Test
    {
        TestCode = """
            public sealed class ProblemDetails
            {
            }

            public static class Writer
            {
                public static object Json(object value) => value;

                public static object Run() => Json(new ProblemDetails());
            }
            """,
        Frameworks = TargetFrameworks.NoAspNetCore,
    }.RunAsync();
}
