using System.Collections.Immutable;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Tricky but valid C#, one document per shape, each full of ASP.NET Core responses of many kinds. The documents
/// form one console application (the first holds the top-level statements) that compiles against ASP.NET Core 8
/// and 10; each lives in its own namespace so the shapes do not collide.
/// </summary>
internal static class RobustnessCorpus
{
    public static readonly ImmutableArray<string> Documents = ImmutableArray.Create(
        TopLevelStatements,
        PartialControllerFirstHalf,
        PartialControllerSecondHalf,
        RecordsAndRecordStructs,
        PrimaryConstructors,
        NullableDisabled,
        NullableEnabled,
        GenericController,
        DynamicValues,
        CatchFilters,
        MiddlewareAndExceptionHandlers,
        ExpressionBodiesAndSwitches,
        FiltersAndPages);

    private const string TopLevelStatements = """
        using System;
        using System.Globalization;
        using System.Net.Http;
        using System.Threading.RateLimiting;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx => ctx.ProblemDetails.Extensions["trace"] = ctx.Exception?.StackTrace);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter("api", o => o.PermitLimit = 10);
            options.OnRejected = static async (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await context.HttpContext.Response.WriteAsync("Slow down.", token);
            };
        });
        builder.Services.AddRateLimiter(o => o.AddConcurrencyLimiter("uploads", c => c.PermitLimit = 2));

        var app = builder.Build();
        app.UseDeveloperExceptionPage();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new { error = error?.Message, stack = error?.StackTrace });
        }));

        var orders = app.MapGroup("/orders");
        orders.MapGet("/{id:int}", static (int id) => id < 0 ? Results.Ok(new { error = "Bad id" }) : Results.Ok(id));
        orders.MapGet("/busy", () => Results.StatusCode(503));
        orders.MapGet("/typed/{id:int}", Results<Ok<int>, NotFound, ProblemHttpResult> (int id) => id switch
        {
            0 => TypedResults.NotFound(),
            < 0 => TypedResults.Problem("Invalid id", statusCode: 500),
            _ => TypedResults.Ok(id),
        });
        orders.MapPost("/", async (HttpContext context, HttpClient client) =>
        {
            try
            {
                await client.GetStringAsync("https://example.org");
                return Results.Created("/orders/1", null);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.NotFound)
            {
                return Results.BadRequest(ex.Message);
            }
            catch (Exception ex)
            {
                return Results.Problem(ex.ToString());
            }
        });
        orders.MapGroup("/admin").MapDelete("/{id:int}", (int id, System.Security.Claims.ClaimsPrincipal user) =>
        {
            IResult Deny() => user.Identity?.IsAuthenticated == true ? Results.Unauthorized() : Results.Forbid();
            return user.IsInRole("Admin") ? Results.NoContent() : Deny();
        });
        orders.MapGet("/scheme", () => Results.Forbid(authenticationSchemes: new[] { "Only owners may see this" }));
        orders.MapGet("/local", Local);
        app.Map("/legacy", legacy => legacy.Run(async context =>
        {
            context.Response.StatusCode = 429;
            await context.Response.WriteAsync("Too many requests");
        }));

        app.Run();

        static async Task<IResult> Local(HttpContext context)
        {
            await Task.Yield();
            return context.Request.Query.ContainsKey("q")
                ? TypedResults.Json(new { message = "Deleted" })
                : TypedResults.BadRequest(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Missing query" });
        }
        """;

    private const string PartialControllerFirstHalf = """
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Partials;

        [ApiController]
        [Route("partial")]
        public sealed partial class PartialController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id) => id > 0 ? Ok(id) : NotFoundError(id);

            private partial IActionResult NotFoundError(int id);
        }
        """;

    private const string PartialControllerSecondHalf = """
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Partials;

        public sealed partial class PartialController
        {
            private partial IActionResult NotFoundError(int id) => Ok(new { error = $"Order {id} not found" });

            [HttpDelete("{id}")]
            public IActionResult Delete(int id) => StatusCode(401, new { message = "Only administrators" });
        }
        """;

    private const string RecordsAndRecordStructs = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Records;

        public sealed record ApiError(string Code, string Message);

        public readonly record struct Failure(int Status, string Detail)
        {
            public IResult ToResult() => Results.Json(new ApiError("failure", Detail), statusCode: Status);
        }

        public sealed record Envelope<T>(T? Data, IReadOnlyList<ApiError> Errors);

        [Route("records")]
        public sealed class RecordsController : ControllerBase
        {
            [HttpGet]
            public ActionResult<Envelope<int>> Get(bool ok) => ok
                ? new Envelope<int>(1, new List<ApiError>())
                : Ok(new Envelope<int>(default, new[] { new ApiError("invalid", "Invalid") }));

            [HttpPost]
            public IActionResult Post(Failure failure) => StatusCode(failure.Status, new ApiError("x", failure.Detail));

            [HttpPut]
            public IActionResult Put() => BadRequest(new ApiError("invalid", "The name is required"));
        }
        """;

    private const string PrimaryConstructors = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Corpus.PrimaryConstructors;

        public interface IStore
        {
            Task SaveAsync(string name);
        }

        [Route("items")]
        public sealed class ItemsController(IStore store, ILogger<ItemsController> logger) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Create(string name)
            {
                try
                {
                    await store.SaveAsync(name);
                    return Ok();
                }
                catch (IOException ex)
                {
                    logger.LogError(ex, "Saving failed");
                    return BadRequest("Could not save the item: " + ex.Message);
                }
                catch (InvalidOperationException ex)
                {
                    return StatusCode(500, ex);
                }
            }

            [HttpGet]
            public IActionResult Busy() => Problem(detail: "Busy", statusCode: 429);
        }
        """;

    private const string NullableDisabled = """
        #nullable disable
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.NullableOff
        {
            public sealed class LegacyController : Controller
            {
                private string lastError = null;

                public IActionResult Index(string name)
                {
                    if (name == null)
                    {
                        return Json(new { error = lastError ?? "The name is missing" });
                    }

                    if (!ModelState.IsValid)
                    {
                        return StatusCode(500, ModelState);
                    }

                    return View();
                }

                public IActionResult Edit() => Forbid("Read-only");
            }
        }
        """;

    private const string NullableEnabled = """
        #nullable enable
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.NullableOn;

        public sealed class ProfileController : ControllerBase
        {
            public IActionResult Get(string? name)
            {
                string? problem = name is null ? "missing" : null;
                return problem is not null
                    ? Ok(new { error = problem })
                    : new ObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound }) { StatusCode = 400 };
            }

            public IActionResult Me() => User.Identity?.IsAuthenticated != true ? Forbid() : Ok(User.Identity!.Name);
        }
        """;

    private const string GenericController = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Generics;

        public abstract class CrudController<TEntity, TKey> : ControllerBase
            where TEntity : class
            where TKey : notnull
        {
            private readonly Dictionary<TKey, TEntity> items = new();

            [HttpGet("{id}")]
            public virtual ActionResult<TEntity> Get(TKey id) =>
                items.TryGetValue(id, out var item) ? item : Ok(new { error = $"{typeof(TEntity).Name} {id} not found" });

            protected IActionResult Fail<TError>(TError error) where TError : notnull => StatusCode(200, error);
        }

        public sealed class Product { public string Name { get; set; } = ""; }

        [Route("products")]
        public sealed class ProductsController : CrudController<Product, int>
        {
            [HttpPost]
            public IActionResult Create(Product product) => product.Name.Length == 0 ? Fail(new { error = "Name required" }) : Ok(product);
        }
        """;

    private const string DynamicValues = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Dynamic;

        public sealed class DynamicController : ControllerBase
        {
            public IActionResult Get(dynamic input)
            {
                dynamic body = new { error = "Invalid" };
                if (input.Valid)
                {
                    return Ok(input);
                }

                return StatusCode(input.Status, body);
            }

            public IResult Minimal(dynamic status) => Results.Json((object)new { error = "Nope" }, statusCode: (int)status);
        }
        """;

    private const string CatchFilters = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.CatchFilters;

        public sealed class ProxyController(HttpClient client) : ControllerBase
        {
            public async Task<IActionResult> Get()
            {
                try
                {
                    return Ok(await client.GetStringAsync("https://example.org"));
                }
                catch (HttpRequestException ex) when (ex is { StatusCode: HttpStatusCode.NotFound })
                {
                    return NotFound();
                }
                catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    return StatusCode((int)ex.StatusCode!.Value, ex.Message);
                }
                catch (Exception ex) when (ex is IOException or TimeoutException { Message: { Length: > 0 } })
                {
                    return BadRequest(new { error = ex.Message, inner = ex.InnerException?.Message });
                }
            }
        }
        """;

    private const string MiddlewareAndExceptionHandlers = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Middleware;

        public sealed class ThrottleMiddleware(RequestDelegate next)
        {
            public async Task InvokeAsync(HttpContext context)
            {
                if (context.Request.Headers.ContainsKey("X-Flood"))
                {
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    await context.Response.WriteAsJsonAsync(new { error = "Too many requests" });
                    return;
                }

                try
                {
                    await next(context);
                }
                catch (Exception ex)
                {
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync(ex.ToString());
                }
            }
        }

        public sealed class GlobalExceptionHandler : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
            {
                httpContext.Response.StatusCode = exception switch
                {
                    ArgumentException => 400,
                    UnauthorizedAccessException => 401,
                    _ => 500,
                };
                await httpContext.Response.WriteAsJsonAsync(new ProblemDetails { Status = 418, Detail = exception.Message }, cancellationToken);
                return true;
            }
        }
        """;

    private const string ExpressionBodiesAndSwitches = """
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Corpus.Expressions;

        public enum Outcome { Ok, Missing, Invalid, Crashed, Busy }

        public sealed class OutcomeController : ControllerBase
        {
            private IActionResult Missing => NotFound(new { error = "Missing" });

            public IActionResult Get(Outcome outcome) => outcome switch
            {
                Outcome.Ok => Ok(),
                Outcome.Missing => Missing,
                Outcome.Invalid => StatusCode(StatusCodes.Status500InternalServerError, "The day must be yyyy-MM-dd"),
                Outcome.Crashed => BadRequest("Something went wrong"),
                Outcome.Busy => StatusCode((int)System.Net.HttpStatusCode.ServiceUnavailable),
                _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
            };

            public IResult Minimal(Outcome outcome) => outcome is Outcome.Ok ? Results.Ok() : Results.Problem(statusCode: outcome is Outcome.Busy ? 503 : 500);

            public Func<int, IResult> Factory => static code => code >= 400 ? Results.Json(new { errors = new[] { "x" } }, statusCode: 200) : Results.StatusCode(code);
        }
        """;

    private const string FiltersAndPages = """
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        namespace Corpus.Filters;

        public sealed class ErrorFilter : IExceptionFilter
        {
            public void OnException(ExceptionContext context)
            {
                context.Result = new ObjectResult(new { error = context.Exception.Message, stack = context.Exception.StackTrace }) { StatusCode = 500 };
                context.ExceptionHandled = true;
            }
        }

        public sealed class ValidateFilter : IActionFilter
        {
            public void OnActionExecuting(ActionExecutingContext context)
            {
                if (!context.ModelState.IsValid)
                {
                    context.Result = new ObjectResult(context.ModelState) { StatusCode = 500 };
                }
            }

            public void OnActionExecuted(ActionExecutedContext context)
            {
            }
        }

        public sealed class EditModel : PageModel
        {
            public IActionResult OnGet(int id) => id < 0 ? Forbid("Only the owner can edit this page") : Page();

            public IActionResult OnPost() => User.Identity?.IsAuthenticated == true && !User.IsInRole("Editor") ? Unauthorized() : RedirectToPage("Index");
        }
        """;
}
