using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.UndeclaredErrorStatusAnalyzer,
    ErrorLint.CodeFixes.Rules.UndeclaredErrorStatusFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class UndeclaredErrorStatusTests
{
    [Fact]
    public async Task Controller_action_status_missing_from_its_declarations_is_reported_and_declared()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(int Id);

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                /// <summary>One order.</summary>
                [HttpGet("{id}")]
                [ProducesResponseType<Order>(StatusCodes.Status200OK)]
                public IActionResult Get(int id)
                {
                    if (id < 0)
                    {
                        return {|#0:Problem("The id must be positive.", statusCode: 400)|};
                    }

                    return id == 0 ? {|#1:NotFound()|} : Ok(new Order(id));
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(int Id);

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                /// <summary>One order.</summary>
                [HttpGet("{id}")]
                [ProducesResponseType<Order>(StatusCodes.Status200OK)]
                [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public IActionResult Get(int id)
                {
                    if (id < 0)
                    {
                        return Problem("The id must be positive.", statusCode: 400);
                    }

                    return id == 0 ? NotFound() : Ok(new Order(id));
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0014").WithLocation(0).WithMessage(
                    "Problem sends 400, which this endpoint's OpenAPI description does not declare; add [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)] so generated clients expect it"),
                Verifier.Diagnostic("EL0014").WithLocation(1).WithArguments("NotFound", 404, "[ProducesResponseType(StatusCodes.Status404NotFound)]"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_all_declares_each_status_of_an_action_once_and_keeps_its_comments()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                // Deletes an item.
                [HttpDelete("items/{id}")]
                [ProducesResponseType(204)]
                public IActionResult Delete(int id)
                {
                    if (id < 0)
                    {
                        return {|#0:NotFound()|};
                    }

                    if (id == 0)
                    {
                        return {|#1:NotFound()|};
                    }

                    return id > 100 ? {|#2:Conflict()|} : NoContent();
                }

                /// <summary>Restores an item.</summary>
                /// <response code="404">No such item.</response>
                [HttpPost("items/{id}/restore")]
                public IActionResult Restore(int id) => id < 0 ? NotFound() : {|#3:StatusCode(503)|};
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                // Deletes an item.
                [HttpDelete("items/{id}")]
                [ProducesResponseType(204)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                public IActionResult Delete(int id)
                {
                    if (id < 0)
                    {
                        return NotFound();
                    }

                    if (id == 0)
                    {
                        return NotFound();
                    }

                    return id > 100 ? Conflict() : NoContent();
                }

                /// <summary>Restores an item.</summary>
                /// <response code="404">No such item.</response>
                [HttpPost("items/{id}/restore")]
                [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
                public IActionResult Restore(int id) => id < 0 ? NotFound() : StatusCode(503);
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0014").WithLocation(0).WithArguments("NotFound", 404, "[ProducesResponseType(StatusCodes.Status404NotFound)]"),
                Verifier.Diagnostic("EL0014").WithLocation(1).WithArguments("NotFound", 404, "[ProducesResponseType(StatusCodes.Status404NotFound)]"),
                Verifier.Diagnostic("EL0014").WithLocation(2).WithArguments("Conflict", 409, "[ProducesResponseType(StatusCodes.Status409Conflict)]"),
                Verifier.Diagnostic("EL0014").WithLocation(3).WithArguments("StatusCode", 503, "[ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]"),
            },
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfIncrementalIterations = 3,
            CodeActionEquivalenceKey = "EL0014.DeclareStatus",
        }.RunAsync();
    }

    [Fact]
    public async Task Minimal_api_status_missing_from_the_chain_is_declared_on_it()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public sealed record Todo(int Id);

            public static class TodoEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/todos/{id}", Results<Ok<Todo>, ProblemHttpResult> (int id) =>
                        id > 0 ? TypedResults.Ok(new Todo(id)) : {|#0:TypedResults.Problem("No such todo.", statusCode: 404)|})
                        .WithName("GetTodo");

                    app.MapDelete("/todos/{id}", (int id) => id > 0 ? Results.NoContent() : {|#1:Results.Conflict()|}).WithTags("todos");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public sealed record Todo(int Id);

            public static class TodoEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/todos/{id}", Results<Ok<Todo>, ProblemHttpResult> (int id) =>
                        id > 0 ? TypedResults.Ok(new Todo(id)) : TypedResults.Problem("No such todo.", statusCode: 404))
                        .WithName("GetTodo")
                        .ProducesProblem(StatusCodes.Status404NotFound);

                    app.MapDelete("/todos/{id}", (int id) => id > 0 ? Results.NoContent() : Results.Conflict()).WithTags("todos").Produces(StatusCodes.Status409Conflict);
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(
            source,
            new[]
            {
                Verifier.Diagnostic("EL0014").WithLocation(0).WithArguments("TypedResults.Problem", 404, ".ProducesProblem(StatusCodes.Status404NotFound)"),
                Verifier.Diagnostic("EL0014").WithLocation(1).WithArguments("Results.Conflict", 409, ".Produces(StatusCodes.Status409Conflict)"),
            },
            fixedSource);
    }

    [Fact]
    public async Task Validation_problems_are_declared_as_validation_problems()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Signup(string? Email);

            [ApiController]
            public sealed class SignupController : ControllerBase
            {
                [HttpPost("signup")]
                [ProducesResponseType(201)]
                public IActionResult Post(Signup signup)
                    => signup.Email is null ? {|#0:ValidationProblem(ModelState)|} : StatusCode(201);
            }

            public static class SignupEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/signup", (Signup signup) => signup.Email is null
                        ? {|#1:Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = new[] { "Required." } })|}
                        : Results.Created("/signup/1", signup))
                        .Produces(201);
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Signup(string? Email);

            [ApiController]
            public sealed class SignupController : ControllerBase
            {
                [HttpPost("signup")]
                [ProducesResponseType(201)]
                [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
                public IActionResult Post(Signup signup)
                    => signup.Email is null ? ValidationProblem(ModelState) : StatusCode(201);
            }

            public static class SignupEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/signup", (Signup signup) => signup.Email is null
                        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = new[] { "Required." } })
                        : Results.Created("/signup/1", signup))
                        .Produces(201)
                        .ProducesValidationProblem();
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(
            source,
            new[]
            {
                Verifier.Diagnostic("EL0014").WithLocation(0).WithArguments("ValidationProblem", 400, "[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]"),
                Verifier.Diagnostic("EL0014").WithLocation(1).WithArguments("Results.ValidationProblem", 400, ".ProducesValidationProblem()"),
            },
            fixedSource);
    }

    [Fact]
    public async Task Statuses_declared_on_the_controller_assembly_convention_or_default_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(int Id);

            [ProducesResponseType(StatusCodes.Status500InternalServerError)]
            public abstract class ApiControllerBase : ControllerBase
            {
            }

            [ApiController]
            [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized)]
            public sealed class OrdersController : ApiControllerBase
            {
                [HttpGet("orders/{id}")]
                [ProducesResponseType<Order>(200)]
                [ProducesResponseType(404)]
                public IActionResult Get(int id) => id switch
                {
                    < 0 => Unauthorized(),
                    0 => NotFound(),
                    1 => Problem("Failed."),
                    _ => Ok(new Order(id)),
                };

                [HttpPut("orders/{id}")]
                [ProducesDefaultResponseType]
                [ProducesResponseType(204)]
                public IActionResult Update(int id) => id < 0 ? Conflict() : NoContent();

                [HttpDelete("orders/{id}")]
                [ApiConventionMethod(typeof(DefaultApiConventions), nameof(DefaultApiConventions.Delete))]
                public IActionResult Delete(int id) => id < 0 ? NotFound() : BadRequest();

                [HttpGet("orders/{id}/lines")]
                [ProducesResponseType(200)]
                public IActionResult Lines(int id, int status) => StatusCode(status);
            }

            [ApiController]
            [ApiConventionType(typeof(DefaultApiConventions))]
            public sealed class CustomersController : ControllerBase
            {
                [HttpGet("customers/{id}")]
                public IActionResult GetCustomer(int id) => id < 0 ? NotFound() : Ok();

                [HttpPost("customers")]
                public IActionResult Create(Order order) => order.Id < 0 ? BadRequest() : Ok();
            }

            [ApiController]
            [ApiExplorerSettings(IgnoreApi = true)]
            public sealed class InternalController : ControllerBase
            {
                [HttpGet("internal")]
                [ProducesResponseType(200)]
                public IActionResult Get() => StatusCode(503);
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Group_metadata_typed_results_and_method_groups_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;

            public sealed record Todo(int Id);

            public static class TodoEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/typed/{id}", async Task<Results<Ok<Todo>, NotFound, Conflict<string>>> (int id) =>
                    {
                        await Task.Yield();
                        return id switch
                        {
                            < 0 => TypedResults.NotFound(),
                            0 => TypedResults.Conflict("Busy."),
                            _ => TypedResults.Ok(new Todo(id)),
                        };
                    });

                    app.MapGet("/declared/{id}", [ProducesResponseType(404)] (int id) => id > 0 ? Results.Ok() : Results.NotFound()).WithTags("todos");

                    app.MapGet("/hidden", () => Results.StatusCode(503)).Produces(200).ExcludeFromDescription();

                    app.MapGet("/method-group/{id}", GetTodo).Produces<Todo>();

                    var stored = app.MapGet("/stored", () => Results.NotFound()).Produces(200);
                    stored.Produces(404);

                    app.MapGet("/undescribed", () => Results.NotFound());
                }

                [ProducesResponseType(200)]
                private static IResult GetTodo(int id) => id > 0 ? Results.Ok(new Todo(id)) : Results.NotFound();

                public static void MapOn(RouteGroupBuilder group)
                    => group.MapGet("/on-group", () => Results.NotFound()).Produces(200);
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Statuses_declared_on_the_route_group_are_not_reported()
    {
        // Group-level ProducesProblem exists from ASP.NET Core 9.
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public sealed record Todo(int Id);

            public static class TodoEndpoints
            {
                public static void Map(WebApplication app)
                {
                    var todos = app.MapGroup("/todos").ProducesProblem(StatusCodes.Status500InternalServerError);
                    todos.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(new Todo(id)) : Results.Problem("Failed.")).Produces<Todo>();
                    todos.MapDelete("/{id}", (int id) => id > 0 ? Results.NoContent() : {|#0:Results.NotFound()|}).Produces(204);

                    app.MapGroup("/api").MapGroup("/v1").ProducesProblem(404)
                        .MapGet("/todos/{id}", (int id) => id > 0 ? Results.Ok(new Todo(id)) : Results.NotFound()).Produces<Todo>();
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            Frameworks = TargetFrameworks.AspNetCore10,
            ExpectedDiagnostics = { Verifier.Diagnostic("EL0014").WithLocation(0).WithArguments("Results.NotFound", 404, ".Produces(StatusCodes.Status404NotFound)") },
        }.RunAsync();
    }

    [Fact]
    public async Task Application_conventions_and_unresolved_metadata_keep_it_silent()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class EndpointConventions
            {
                public static RouteHandlerBuilder ProducesStandardErrors(this RouteHandlerBuilder builder)
                    => builder.ProducesProblem(400).ProducesProblem(404).ProducesProblem(500);
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/a", () => Results.NotFound()).Produces(200).ProducesStandardErrors();
                }
            }

            [ApiController]
            public sealed class ReportsController : ControllerBase
            {
                [HttpGet("reports/{id}")]
                [ProducesResponseType(200)]
                [{|CS0246:{|CS0246:SwaggerResponse|}|}(404, "No such report")]
                public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task An_operation_filter_that_adds_responses_keeps_it_silent()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.ApplicationModels;

            public sealed class ErrorResponsesConvention : IActionModelConvention
            {
                public void Apply(ActionModel action) => action.Filters.Add(new ProducesResponseTypeAttribute(500));
            }

            [ApiController]
            public sealed class ReportsController : ControllerBase
            {
                [HttpGet("reports/{id}")]
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : StatusCode(500);
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Scope_generator_checks_only_projects_that_reference_a_generator()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public sealed class ReportsController : ControllerBase
            {
                [HttpGet("reports/{id}")]
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.openapi_scope = generator") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Error_statuses_outside_endpoints_are_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class Guard : IActionFilter
            {
                [ProducesResponseType(200)]
                public void OnActionExecuting(ActionExecutingContext context) => context.Result = new StatusCodeResult(503);

                public void OnActionExecuted(ActionExecutedContext context) { }
            }

            [ApiController]
            public sealed class ReportsController : ControllerBase
            {
                [HttpGet("reports")]
                [ProducesResponseType(200)]
                public IActionResult Get() => Ok();

                [ProducesResponseType(200)]
                private IActionResult Missing() => NotFound();
            }

            public static class Pipeline
            {
                public static void Use(WebApplication app)
                    => app.Use(async (context, next) =>
                    {
                        context.Response.StatusCode = 503;
                        await next(context);
                    });
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }
}
