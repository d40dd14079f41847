using System.Collections.Generic;
using System.Text;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Writes a realistic ASP.NET Core API in memory: per module a controller with 20 actions, a minimal-API group
/// with 5 endpoints, DTOs, a repository; middleware classes, an exception handler and a Program.cs. Most code is
/// correct; a few actions per module carry a mistake of one of the rule kinds so every rule has work to do.
/// </summary>
internal static class WebApiGenerator
{
    public const int ControllerActionsPerModule = 20;
    public const int EndpointsPerModule = 5;
    public const int ActionsPerModule = ControllerActionsPerModule + EndpointsPerModule;

    private static readonly string[] Nouns = { "Order", "Product", "Customer", "Invoice", "Shipment", "Review", "Coupon", "Ticket" };

    public static int ModulesFor(int actions) => (actions + ActionsPerModule - 1) / ActionsPerModule;

    public static string ResourceName(int module) => Nouns[module % Nouns.Length] + module;

    /// <summary>Modules between two that carry mistakes by default: mostly correct code, some mistakes.</summary>
    public const int DefaultMistakeSpacing = 10;

    /// <summary>
    /// The API's files. One module in <paramref name="mistakeSpacing"/> carries mistakes: two controller actions and
    /// an endpoint, cycling through every rule kind; 1 puts mistakes in every module.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int modules, int mistakeSpacing = DefaultMistakeSpacing)
    {
        var files = new List<(string, string)>
        {
            ("GlobalUsings.cs", GlobalUsings),
            ("Shared.cs", Shared),
            ("Program.cs", ProgramFile(modules)),
            ("Infrastructure/GlobalExceptionHandler.cs", ExceptionHandler),
        };

        for (var i = 0; i < modules; i++)
        {
            var resource = ResourceName(i);
            files.Add(($"Modules/{resource}/Model.cs", CommonCode.Model(resource, i)));
            int? mistakes = i % mistakeSpacing == 0 ? i / mistakeSpacing : null;
            files.Add(($"Modules/{resource}/{resource}Controller.cs", Controller(resource, mistakes)));
            files.Add(($"Modules/{resource}/{resource}Endpoints.cs", Endpoints(resource, mistakes)));
            if (i % 10 == 0)
            {
                files.Add(($"Infrastructure/TenantMiddleware{i}.cs", Middleware(i)));
            }
        }

        return files;
    }

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.ComponentModel.DataAnnotations;
        global using System.Globalization;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Authorization;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Diagnostics;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Http.HttpResults;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.RateLimiting;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using Shop.Api;
        """;

    private const string Shared = """
        namespace Shop.Api;

        public sealed class NotFoundException : Exception
        {
            public NotFoundException(string message) : base(message) { }
        }

        public sealed class ErrorResponse
        {
            public string Code { get; set; } = "";
            public string Message { get; set; } = "";
        }

        public static class ApiErrors
        {
            public static IActionResult NotFound(string detail)
                => new NotFoundObjectResult(new ProblemDetails { Title = "Not found", Detail = detail, Status = StatusCodes.Status404NotFound });

            public static IResult Conflict(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict);
        }

        public static class RetryAfter
        {
            public static void Set(HttpResponse response, int seconds) => response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        public static class Policies
        {
            public const string Editor = "Editor";
            public const string Admin = "Admin";
        }

        public interface IClock
        {
            DateTimeOffset UtcNow { get; }
        }

        public sealed class SystemClock : IClock
        {
            public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
        }
        """;

    private const string ExceptionHandler = """
        namespace Shop.Api.Infrastructure;

        public sealed class GlobalExceptionHandler : IExceptionHandler
        {
            private readonly ILogger<GlobalExceptionHandler> logger;
            private readonly IProblemDetailsService problemDetails;

            public GlobalExceptionHandler(ILogger<GlobalExceptionHandler> logger, IProblemDetailsService problemDetails)
            {
                this.logger = logger;
                this.problemDetails = problemDetails;
            }

            public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
            {
                logger.LogError(exception, "Unhandled exception for {Path}", httpContext.Request.Path);
                httpContext.Response.StatusCode = exception is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = { Title = "An error occurred while processing your request." },
                });
            }
        }
        """;

    private static string ProgramFile(int modules)
    {
        var services = new StringBuilder();
        var maps = new StringBuilder();
        var middleware = new StringBuilder();
        for (var i = 0; i < modules; i++)
        {
            var r = ResourceName(i);
            services.AppendLine($"builder.Services.AddSingleton<Shop.Api.Modules.{r}.I{r}Repository, Shop.Api.Modules.{r}.InMemory{r}Repository>();");
            maps.AppendLine($"Shop.Api.Modules.{r}.{r}Endpoints.Map{r}Endpoints(app);");
            if (i % 10 == 0)
            {
                middleware.AppendLine($"app.UseMiddleware<Shop.Api.Infrastructure.TenantMiddleware{i}>();");
            }
        }

        return $$"""
            using Shop.Api.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<GlobalExceptionHandler>();
            builder.Services.AddSingleton<IClock, SystemClock>();
            builder.Services.AddAuthorization(options => options.AddPolicy(Policies.Editor, policy => policy.RequireRole("editor")));
            builder.Services.AddRateLimiter(options =>
            {
                options.AddFixedWindowLimiter("fixed", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromSeconds(10);
                });
            });
            {{services}}
            var app = builder.Build();

            app.UseDeveloperExceptionPage();
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync(feature?.Error.ToString() ?? "An error occurred.");
            }));
            app.UseRateLimiter();
            app.UseAuthorization();
            app.Use(async (context, next) =>
            {
                if (context.Request.ContentLength > 10_000_000)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await context.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Payload too large", Status = 413 });
                    return;
                }

                await next(context);
            });
            {{middleware}}
            app.MapControllers();
            app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
            {{maps}}
            app.Run();
            """;
    }

    private static string Middleware(int index)
    {
        var mistake = index % 20 == 0
            ? """
                    if (context.Request.Headers.ContainsKey("X-Flood"))
                    {
                        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                        await context.Response.WriteAsync("Too many requests");
                        return;
                    }
            """
            : string.Empty;

        return $$"""
            namespace Shop.Api.Infrastructure;

            public sealed class TenantMiddleware{{index}}
            {
                private readonly RequestDelegate next;
                private readonly ILogger<TenantMiddleware{{index}}> logger;

                public TenantMiddleware{{index}}(RequestDelegate next, ILogger<TenantMiddleware{{index}}> logger)
                {
                    this.next = next;
                    this.logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    if (!context.Request.Headers.TryGetValue("X-Tenant", out var tenant) || string.IsNullOrEmpty(tenant))
                    {
                        logger.LogWarning("Request without tenant to {Path}", context.Request.Path);
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        await context.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Missing tenant", Status = StatusCodes.Status400BadRequest });
                        return;
                    }

            {{mistake}}
                    if (context.Request.Headers.TryGetValue("X-Maintenance", out _))
                    {
                        RetryAfter.Set(context.Response, 120);
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        await context.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Down for maintenance", Status = 503 });
                        return;
                    }

                    context.Items["tenant"] = tenant.ToString();
                    await next(context);
                }
            }
            """;
    }

    /// <param name="mistakes">The ordinal of this module among those that carry mistakes; null for a correct one.</param>
    private static string Controller(string r, int? mistakes)
    {
        var actions = new List<string>(CorrectActions(r));

        // Two actions of a module with mistakes carry one each; across such modules every kind appears.
        if (mistakes is { } n)
        {
            actions[^1] = Mistake(r, (2 * n) % MistakeCount);
            actions[^2] = Mistake(r, ((2 * n) + 1) % MistakeCount);
        }

        var body = new StringBuilder();
        foreach (var action in actions)
        {
            body.AppendLine(action);
        }

        return $$"""
            namespace Shop.Api.Modules.{{r}};

            [ApiController]
            [Authorize]
            [Route("api/{{r.ToLowerInvariant()}}")]
            public sealed class {{r}}Controller : ControllerBase
            {
                private readonly I{{r}}Repository repository;
                private readonly IAuthorizationService authorization;
                private readonly ILogger<{{r}}Controller> logger;
                private readonly IClock clock;
                private readonly HttpClient pricing;

                public {{r}}Controller(I{{r}}Repository repository, IAuthorizationService authorization, ILogger<{{r}}Controller> logger, IClock clock, HttpClient pricing)
                {
                    this.repository = repository;
                    this.authorization = authorization;
                    this.logger = logger;
                    this.clock = clock;
                    this.pricing = pricing;
                }

            {{body}}
            }
            """;
    }

    private static IEnumerable<string> CorrectActions(string r)
    {
        yield return $$"""
                [HttpGet]
                public async Task<ActionResult<IReadOnlyList<{{r}}Dto>>> List([FromQuery] int page = 1, [FromQuery] int size = 20, CancellationToken ct = default)
                {
                    if (page < 1 || size is < 1 or > 100)
                    {
                        ModelState.AddModelError(nameof(size), "Page must be positive and size between 1 and 100.");
                        return ValidationProblem(ModelState);
                    }

                    var items = await repository.ListAsync(page, size, ct);
                    logger.LogDebug("Listed {Count} items", items.Count);
                    return Ok(items);
                }
            """;
        yield return $$"""
                [HttpGet("{id:int}")]
                public async Task<IActionResult> Get(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is null)
                    {
                        return NotFound();
                    }

                    return Ok(item);
                }
            """;
        yield return $$"""
                [HttpPost]
                public async Task<IActionResult> Create([FromBody] {{r}}Input input, CancellationToken ct)
                {
                    if (!ModelState.IsValid)
                    {
                        return ValidationProblem(ModelState);
                    }

                    if (await repository.ExistsAsync(input.Name, ct))
                    {
                        return Conflict(new ProblemDetails { Title = "Duplicate name", Detail = $"'{input.Name}' already exists.", Status = StatusCodes.Status409Conflict });
                    }

                    var created = await repository.AddAsync(input, ct);
                    return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
                }
            """;
        yield return $$"""
                [HttpPut("{id:int}")]
                public async Task<IActionResult> Update(int id, [FromBody] {{r}}Input input, CancellationToken ct)
                {
                    if (!await repository.UpdateAsync(id, input, ct))
                    {
                        return NotFound();
                    }

                    return NoContent();
                }
            """;
        yield return $$"""
                [HttpDelete("{id:int}")]
                public async Task<IActionResult> Delete(int id, CancellationToken ct)
                {
                    var deleted = await repository.DeleteAsync(id, ct);
                    return deleted ? Ok(new { message = "Deleted", id }) : NotFound();
                }
            """;
        yield return $$"""
                [HttpGet("search")]
                public async Task<IActionResult> Search([FromQuery] string? q, CancellationToken ct)
                {
                    if (string.IsNullOrWhiteSpace(q))
                    {
                        return Problem(title: "A query is required.", statusCode: StatusCodes.Status400BadRequest);
                    }

                    var items = await repository.ListAsync(1, 100, ct);
                    var results = items
                        .Where(x => x.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                        .OrderBy(x => x.Name)
                        .Select(x => new { x.Id, x.Name })
                        .ToList();
                    return Ok(results);
                }
            """;
        yield return $$"""
                [HttpGet("export")]
                public async Task<IActionResult> Export(CancellationToken ct)
                {
                    try
                    {
                        var items = await repository.ListAsync(1, 1000, ct);
                        var lines = items.Select(x => string.Join(",", x.Id.ToString(CultureInfo.InvariantCulture), x.Name, x.Price.ToString(CultureInfo.InvariantCulture)));
                        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines));
                        return File(bytes, "text/csv", "{{r.ToLowerInvariant()}}.csv");
                    }
                    catch (IOException ex)
                    {
                        logger.LogError(ex, "Export failed");
                        return Problem(detail: "The export could not be written.", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            """;
        yield return $$"""
                [HttpPost("{id:int}/archive")]
                public async Task<IActionResult> Archive(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is null)
                    {
                        return NotFound();
                    }

                    var result = await authorization.AuthorizeAsync(User, item, Policies.Editor);
                    if (!result.Succeeded)
                    {
                        return Forbid();
                    }

                    await repository.DeleteAsync(id, ct);
                    return NoContent();
                }
            """;
        yield return $$"""
                [HttpPost("{id:int}/reindex")]
                public IActionResult Reindex(int id)
                {
                    logger.LogInformation("Reindex of {Id} queued at {Time}", id, clock.UtcNow);
                    return StatusCode(StatusCodes.Status202Accepted, new { id, state = "queued" });
                }
            """;
        yield return $$"""
                [HttpPost("{id:int}/publish")]
                public async Task<IActionResult> Publish(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    return item switch
                    {
                        null => NotFound(),
                        { Price: <= 0 } => Problem(detail: "A free item cannot be published.", statusCode: StatusCodes.Status409Conflict),
                        _ => Ok(new { item.Id, published = true }),
                    };
                }
            """;
        yield return $$"""
                [HttpGet("{id:int}/details")]
                public async Task<IActionResult> Details(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    return item is null ? ApiErrors.NotFound($"{{r}} {id} was not found.") : Ok(item);
                }
            """;
        yield return $$"""
                [HttpGet("summary")]
                public async Task<IActionResult> Summary(CancellationToken ct)
                {
                    var items = await repository.ListAsync(1, 1000, ct);
                    var summary = new
                    {
                        count = items.Count,
                        total = items.Sum(x => x.Price),
                        newest = items.Count == 0 ? (DateTimeOffset?)null : items.Max(x => x.UpdatedAt),
                    };
                    return new ObjectResult(summary) { StatusCode = StatusCodes.Status200OK };
                }
            """;
        yield return $$"""
                [HttpGet("stats")]
                public async Task<IActionResult> Stats(CancellationToken ct)
                {
                    var items = await repository.ListAsync(1, 1000, ct);
                    var buckets = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var item in items)
                    {
                        var bucket = item.Price switch
                        {
                            < 10 => "cheap",
                            < 100 => "regular",
                            _ => "premium",
                        };
                        buckets[bucket] = buckets.TryGetValue(bucket, out var count) ? count + 1 : 1;
                    }

                    return new JsonResult(new { buckets, generatedAt = clock.UtcNow });
                }
            """;
        yield return $$"""
                [HttpPost("bulk")]
                public async Task<IActionResult> Bulk([FromBody] List<{{r}}Input> inputs, CancellationToken ct)
                {
                    if (inputs.Count > 500)
                    {
                        Response.Headers.RetryAfter = "30";
                        return StatusCode(StatusCodes.Status503ServiceUnavailable);
                    }

                    var created = new List<{{r}}Dto>();
                    foreach (var input in inputs)
                    {
                        created.Add(await repository.AddAsync(input, ct));
                    }

                    return Ok(created);
                }
            """;
        yield return $$"""
                [AllowAnonymous]
                [HttpGet("mine")]
                public async Task<IActionResult> Mine(CancellationToken ct)
                {
                    if (User.Identity?.IsAuthenticated != true)
                    {
                        return Challenge();
                    }

                    var items = await repository.ListAsync(1, 20, ct);
                    return Ok(items.Where(x => x.Name.StartsWith(User.Identity.Name ?? "", StringComparison.Ordinal)));
                }
            """;
        yield return $$"""
                [HttpGet("{id:int}/price")]
                public async Task<IActionResult> Price(int id, [FromQuery] string currency = "EUR", CancellationToken ct = default)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is null)
                    {
                        return NotFound();
                    }

                    return Ok(new { item.Id, amount = Convert(item.Price), currency });

                    decimal Convert(decimal value) => currency == "USD" ? value * 1.08m : value;
                }
            """;
        yield return $$"""
                [HttpGet("{id:int}/history")]
                public async Task<IActionResult> History(int id, CancellationToken ct)
                {
                    try
                    {
                        var item = await repository.FindAsync(id, ct) ?? throw new NotFoundException($"{{r}} {id} does not exist.");
                        return Ok(new[] { item });
                    }
                    catch (NotFoundException ex)
                    {
                        return NotFound(new ProblemDetails { Title = "Not found", Detail = ex.Message, Status = StatusCodes.Status404NotFound });
                    }
                }
            """;
        yield return $$"""
                [HttpGet("feed")]
                public async Task<IActionResult> Feed(CancellationToken ct)
                {
                    var items = await repository.ListAsync(1, 50, ct);
                    var csv = new System.Text.StringBuilder();
                    foreach (var item in items)
                    {
                        csv.Append(item.Id).Append(';').Append(item.Name).AppendLine();
                    }

                    return Content(csv.ToString(), "text/plain");
                }
            """;
        yield return $$"""
                [HttpHead("ping")]
                public IActionResult Ping() => NoContent();
            """;
        yield return $$"""
                [HttpGet("{id:int}/related")]
                public async Task<ActionResult<IEnumerable<{{r}}Dto>>> Related(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is null)
                    {
                        return NotFound();
                    }

                    var all = await repository.ListAsync(1, 100, ct);
                    return all.Where(x => x.Id != id && Math.Abs(x.Price - item.Price) < 10).Take(5).ToList();
                }
            """;
    }

    private const int MistakeCount = 13;

    private static string Mistake(string r, int kind) => kind switch
    {
        // EL0001: an error body with 200.
        0 => $$"""
                [HttpGet("{id:int}/check")]
                public async Task<IActionResult> Check(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is null)
                    {
                        return Ok(new { error = "{{r}} not found" });
                    }

                    return Ok(item);
                }
            """,
        // EL0002: validation failure as 500.
        1 => $$"""
                [HttpPost("import")]
                public IActionResult Import([FromBody] {{r}}Input input)
                {
                    if (!ModelState.IsValid)
                    {
                        return StatusCode(StatusCodes.Status500InternalServerError, ModelState);
                    }

                    return Accepted();
                }
            """,
        // EL0003: an upstream failure as 400.
        2 => $$"""
                [HttpGet("{id:int}/quote")]
                public async Task<IActionResult> Quote(int id, CancellationToken ct)
                {
                    try
                    {
                        var quote = await pricing.GetStringAsync($"quotes/{id}", ct);
                        return Ok(quote);
                    }
                    catch (HttpRequestException ex)
                    {
                        logger.LogError(ex, "Pricing failed");
                        return Problem(detail: "The pricing service failed.", statusCode: StatusCodes.Status400BadRequest);
                    }
                }
            """,
        // EL0004: 401 for a signed-in user without the role.
        3 => $$"""
                [HttpDelete("purge")]
                public async Task<IActionResult> Purge(CancellationToken ct)
                {
                    if (!User.IsInRole(Policies.Admin))
                    {
                        return Unauthorized();
                    }

                    await repository.DeleteAsync(0, ct);
                    return NoContent();
                }
            """,
        // EL0005: 403 for an anonymous request.
        4 => $$"""
                [AllowAnonymous]
                [HttpGet("drafts")]
                public async Task<IActionResult> Drafts(CancellationToken ct)
                {
                    if (User.Identity?.IsAuthenticated != true)
                    {
                        return StatusCode(StatusCodes.Status403Forbidden);
                    }

                    return Ok(await repository.ListAsync(1, 20, ct));
                }
            """,
        // EL0006: a message passed as an authentication scheme.
        5 => $$"""
                [HttpPost("{id:int}/lock")]
                public async Task<IActionResult> Lock(int id, CancellationToken ct)
                {
                    var item = await repository.FindAsync(id, ct);
                    if (item is not null && item.Price > 1000)
                    {
                        return Forbid("You are not allowed to lock expensive items.");
                    }

                    return NoContent();
                }
            """,
        // EL0007: 429 without Retry-After.
        6 => $$"""
                [HttpPost("{id:int}/refresh")]
                public IActionResult Refresh(int id)
                {
                    if (id % 2 == 0)
                    {
                        return StatusCode(StatusCodes.Status429TooManyRequests);
                    }

                    return Accepted();
                }
            """,
        // EL0009: exception details sent to the client.
        7 => $$"""
                [HttpPost("{id:int}/sync")]
                public async Task<IActionResult> Sync(int id, CancellationToken ct)
                {
                    try
                    {
                        await pricing.GetStringAsync($"sync/{id}", ct);
                        return NoContent();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, ex.ToString());
                    }
                }
            """,
        // EL0010: the message of an unexpected exception sent to the client.
        8 => $$"""
                [HttpPost("{id:int}/recalculate")]
                public async Task<IActionResult> Recalculate(int id, CancellationToken ct)
                {
                    try
                    {
                        var item = await repository.FindAsync(id, ct);
                        return Ok(new { id, price = item?.Price * 1.2m });
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Recalculation failed");
                        return Problem(detail: ex.Message);
                    }
                }
            """,
        // EL0012: an error body that is not problem details.
        9 => $$"""
                [HttpPost("validate")]
                public IActionResult Validate([FromBody] {{r}}Input input)
                {
                    if (string.IsNullOrWhiteSpace(input.Name))
                    {
                        return BadRequest(new { message = "Name is required" });
                    }

                    return NoContent();
                }
            """,
        // EL0013: problem details status disagrees with the status sent.
        10 => $$"""
                [HttpGet("{id:int}/legacy")]
                public IActionResult Legacy(int id)
                {
                    return new ObjectResult(new ProblemDetails { Title = "Gone", Status = StatusCodes.Status404NotFound }) { StatusCode = StatusCodes.Status410Gone };
                }
            """,
        // EL0001: the application's error envelope with 200.
        11 => $$"""
                [HttpPost("{id:int}/approve")]
                public async Task<IActionResult> Approve(int id, CancellationToken ct)
                {
                    if (!await repository.UpdateAsync(id, new {{r}}Input { Name = "approved" }, ct))
                    {
                        return Ok(new ErrorResponse { Code = "not_found", Message = "{{r}} was not found." });
                    }

                    return NoContent();
                }
            """,
        // EL0012: a plain string as a 404 body.
        _ => $$"""
                [HttpGet("by-name/{name}")]
                public async Task<IActionResult> ByName(string name, CancellationToken ct)
                {
                    var items = await repository.ListAsync(1, 100, ct);
                    var item = items.FirstOrDefault(x => x.Name == name);
                    return item is null ? NotFound("{{r}} not found") : Ok(item);
                }
            """,
    };

    private static string Endpoints(string r, int? mistakes)
    {
        var fifth = (mistakes % 2) switch
        {
            // EL0001 in a minimal API.
            0 => $$"""
                group.MapPut("/{id:int}", async (int id, {{r}}Input input, I{{r}}Repository repository, CancellationToken ct) =>
                {
                    var updated = await repository.UpdateAsync(id, input, ct);
                    return updated ? Results.NoContent() : Results.Ok(new { success = false, error = "Update failed" });
                });
        """,
            // EL0012 / EL0007 in a minimal API.
            1 => $$"""
                group.MapPut("/{id:int}", async (int id, {{r}}Input input, I{{r}}Repository repository, CancellationToken ct) =>
                {
                    if (id > 1_000_000)
                    {
                        return Results.StatusCode(StatusCodes.Status429TooManyRequests);
                    }

                    var updated = await repository.UpdateAsync(id, input, ct);
                    return updated ? Results.NoContent() : Results.Json(new { error = "Unknown id" }, statusCode: 404);
                });
        """,
            _ => $$"""
                group.MapPut("/{id:int}", async (int id, {{r}}Input input, I{{r}}Repository repository, CancellationToken ct) =>
                {
                    var updated = await repository.UpdateAsync(id, input, ct);
                    return updated ? Results.NoContent() : Results.Problem(detail: $"{{r}} {id} was not found.", statusCode: StatusCodes.Status404NotFound);
                });
        """,
        };

        return $$"""
            namespace Shop.Api.Modules.{{r}};

            public static class {{r}}Endpoints
            {
                public static RouteGroupBuilder Map{{r}}Endpoints(IEndpointRouteBuilder routes)
                {
                    var group = routes.MapGroup("/minimal/{{r.ToLowerInvariant()}}").RequireRateLimiting("fixed");
                    group.MapGet("/", async (I{{r}}Repository repository, CancellationToken ct) => Results.Ok(await repository.ListAsync(1, 50, ct)));
                    group.MapGet("/{id:int}", GetById);
                    group.MapPost("/", async Task<Results<Created<{{r}}Dto>, ValidationProblem, Conflict<ProblemDetails>>> ({{r}}Input input, I{{r}}Repository repository, CancellationToken ct) =>
                    {
                        if (string.IsNullOrWhiteSpace(input.Name))
                        {
                            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = new[] { "The name is required." } });
                        }

                        if (await repository.ExistsAsync(input.Name, ct))
                        {
                            return TypedResults.Conflict(new ProblemDetails { Title = "Duplicate name", Status = StatusCodes.Status409Conflict });
                        }

                        var created = await repository.AddAsync(input, ct);
                        return TypedResults.Created($"/minimal/{{r.ToLowerInvariant()}}/{created.Id}", created);
                    });
                    group.MapDelete("/{id:int}", async (int id, I{{r}}Repository repository, CancellationToken ct) =>
                        await repository.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound());
            {{fifth}}
                    return group;

                    static async Task<Results<Ok<{{r}}Dto>, NotFound>> GetById(int id, I{{r}}Repository repository, CancellationToken ct)
                        => await repository.FindAsync(id, ct) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();
                }
            }
            """;
    }
}
