using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Rules;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ServerFailureAsClientErrorAnalyzer, ErrorLint.CodeFixes.Rules.ServerFailureAsClientErrorFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ServerFailureAsClientErrorTests
{
    [Fact]
    public async Task Catch_all_answered_with_BadRequest_is_fixed_to_Problem_500()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public interface IOrderStore
            {
                Task SaveAsync(string name);
            }

            public sealed class OrdersController : ControllerBase
            {
                private readonly IOrderStore store;

                public OrdersController(IOrderStore store) => this.store = store;

                [HttpPost]
                public async Task<IActionResult> Create(string name)
                {
                    try
                    {
                        await store.SaveAsync(name);
                        return Ok();
                    }
                    catch (Exception)
                    {
                        return [|BadRequest("Something went wrong")|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IOrderStore
            {
                Task SaveAsync(string name);
            }

            public sealed class OrdersController : ControllerBase
            {
                private readonly IOrderStore store;

                public OrdersController(IOrderStore store) => this.store = store;

                [HttpPost]
                public async Task<IActionResult> Create(string name)
                {
                    try
                    {
                        await store.SaveAsync(name);
                        return Ok();
                    }
                    catch (Exception)
                    {
                        return Problem(detail: "Something went wrong", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Rethrow_removes_the_answer_and_the_unused_variable()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class WeatherController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get()
                {
                    try
                    {
                        return Ok(await client.GetStringAsync("https://weather/today"));
                    }
                    catch (HttpRequestException ex)
                    {
                        return [|BadRequest(ex.Message)|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class WeatherController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get()
                {
                    try
                    {
                        return Ok(await client.GetStringAsync("https://weather/today"));
                    }
                    catch (HttpRequestException)
                    {
                        throw;
                    }
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ServerFailureAsClientErrorFixer.RethrowKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Rethrow_after_logging_keeps_the_logging()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public sealed class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> logger;

                public OrdersController(ILogger<OrdersController> logger) => this.logger = logger;

                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(id);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Loading order {Id} failed", id);
                        return [|NotFound()|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            public sealed class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> logger;

                public OrdersController(ILogger<OrdersController> logger) => this.logger = logger;

                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(id);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Loading order {Id} failed", id);
                        throw;
                    }
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ServerFailureAsClientErrorFixer.RethrowKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Message_names_the_failure_and_the_status()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Mvc;

            public sealed class FilesController : ControllerBase
            {
                public IActionResult Read(string name)
                {
                    try
                    {
                        return Ok(System.IO.File.ReadAllText(name));
                    }
                    catch (IOException)
                    {
                        return {|#0:StatusCode(400)|};
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0003").WithLocation(0).WithMessage(
                "A server-side failure (catch (IOException)) is answered with 400, a client error; answer 500 with problem details or rethrow so the exception handler answers"));
    }

    [Fact]
    public async Task Timeout_in_Results_lambda_is_fixed_to_Problem_500()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public interface IPricing
            {
                Task<decimal> QuoteAsync(string sku);
            }

            public static class PricingEndpoints
            {
                public static void MapPricing(this IEndpointRouteBuilder app)
                {
                    app.MapGet("/prices/{sku}", async (string sku, IPricing pricing) =>
                    {
                        try
                        {
                            return Results.Ok(await pricing.QuoteAsync(sku));
                        }
                        catch (TimeoutException)
                        {
                            return [|Results.BadRequest("The pricing service timed out")|];
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public interface IPricing
            {
                Task<decimal> QuoteAsync(string sku);
            }

            public static class PricingEndpoints
            {
                public static void MapPricing(this IEndpointRouteBuilder app)
                {
                    app.MapGet("/prices/{sku}", async (string sku, IPricing pricing) =>
                    {
                        try
                        {
                            return Results.Ok(await pricing.QuoteAsync(sku));
                        }
                        catch (TimeoutException)
                        {
                            return Results.Problem(detail: "The pricing service timed out", statusCode: StatusCodes.Status500InternalServerError);
                        }
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Database_failures_in_TypedResults_are_fixed_together_widening_the_union()
    {
        const string source = """
            using System.Data.Common;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public interface IOrderStore
            {
                Task SaveAsync(string name);
            }

            public static class OrderHandlers
            {
                public static async Task<Results<Ok, BadRequest<string>>> Create(string name, IOrderStore store)
                {
                    try
                    {
                        await store.SaveAsync(name);
                        return TypedResults.Ok();
                    }
                    catch (DbException)
                    {
                        return [|TypedResults.BadRequest("Could not save the order")|];
                    }
                }

                public static async Task<Results<Ok, BadRequest<string>>> Rename(string name, IOrderStore store)
                {
                    try
                    {
                        await store.SaveAsync(name);
                        return TypedResults.Ok();
                    }
                    catch (DbException)
                    {
                        return [|TypedResults.BadRequest("Could not rename the order")|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Data.Common;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public interface IOrderStore
            {
                Task SaveAsync(string name);
            }

            public static class OrderHandlers
            {
                public static async Task<Results<Ok, BadRequest<string>, ProblemHttpResult>> Create(string name, IOrderStore store)
                {
                    try
                    {
                        await store.SaveAsync(name);
                        return TypedResults.Ok();
                    }
                    catch (DbException)
                    {
                        return TypedResults.Problem(detail: "Could not save the order", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }

                public static async Task<Results<Ok, BadRequest<string>, ProblemHttpResult>> Rename(string name, IOrderStore store)
                {
                    try
                    {
                        await store.SaveAsync(name);
                        return TypedResults.Ok();
                    }
                    catch (DbException)
                    {
                        return TypedResults.Problem(detail: "Could not rename the order", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Middleware_catch_all_changes_the_status()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

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
                    catch
                    {
                        [|context.Response.StatusCode = 400|];
                        await context.Response.WriteAsync("The request failed");
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

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
                    catch
                    {
                        context.Response.StatusCode = 500;
                        await context.Response.WriteAsync("The request failed");
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Exception_handlers_that_answer_every_exception_with_400_are_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class GlobalExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    [|httpContext.Response.StatusCode = StatusCodes.Status400BadRequest|];
                    await httpContext.Response.WriteAsJsonAsync(new { error = "The request failed" }, cancellationToken);
                    return true;
                }
            }

            public sealed class ApiExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = [|new BadRequestObjectResult(new { error = "The request failed" })|];
                    context.ExceptionHandled = true;
                }
            }

            public static class Startup
            {
                public static void UseErrors(IApplicationBuilder app)
                {
                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        [|context.Response.StatusCode = 400|];
                        await context.Response.WriteAsync("The request failed");
                    }));
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Client_input_and_application_exceptions_are_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.Text.Json;
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrderNotFoundException : Exception
            {
            }

            public sealed class OrdersController : ControllerBase
            {
                private readonly Dictionary<int, string> orders = new();

                public IActionResult Get(int id, string payload)
                {
                    try
                    {
                        var order = orders[id];
                        var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(payload);
                        Validator.ValidateObject(order, new ValidationContext(order));
                        return Ok(parsed);
                    }
                    catch (KeyNotFoundException)
                    {
                        return NotFound();
                    }
                    catch (JsonException ex)
                    {
                        return BadRequest(ex.Message);
                    }
                    catch (ValidationException ex)
                    {
                        return BadRequest(ex.Message);
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        return BadRequest();
                    }
                    catch (FormatException)
                    {
                        return BadRequest();
                    }
                    catch (OrderNotFoundException)
                    {
                        return NotFound();
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Malformed_request_body_is_not_reported()
    {
        // BadHttpRequestException derives from IOException, but it is thrown for the client's own malformed request.
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Uploads
            {
                public static void Map(WebApplication app) => app.MapPost("/uploads", async (HttpRequest request) =>
                {
                    try
                    {
                        var form = await request.ReadFormAsync();
                        return Results.Ok(form.Count);
                    }
                    catch (BadHttpRequestException ex)
                    {
                        return Results.BadRequest(ex.StatusCode);
                    }
                });
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Catches_that_pick_their_failures_are_not_reported()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProxyController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get(string path, CancellationToken cancellationToken)
                {
                    try
                    {
                        return Ok(await client.GetStringAsync(path, cancellationToken));
                    }
                    catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                    {
                        return NotFound();
                    }
                    catch (HttpRequestException ex)
                    {
                        if (ex.StatusCode == HttpStatusCode.BadRequest)
                        {
                            return BadRequest();
                        }

                        return StatusCode(502);
                    }
                    catch (TaskCanceledException)
                    {
                        return StatusCode(499);
                    }
                    catch (Exception ex)
                    {
                        return ex switch
                        {
                            ArgumentException => BadRequest(),
                            _ => Problem(),
                        };
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Concurrency_conflicts_and_mapping_exception_handlers_are_not_reported()
    {
        const string source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Microsoft.EntityFrameworkCore
            {
                public class DbUpdateException : Exception
                {
                }

                public class DbUpdateConcurrencyException : DbUpdateException
                {
                }
            }

            namespace Shop
            {
                using Microsoft.EntityFrameworkCore;

                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult Update(int id)
                    {
                        try
                        {
                            return NoContent();
                        }
                        catch (DbUpdateConcurrencyException)
                        {
                            return Conflict();
                        }
                        catch (Exception)
                        {
                            return StatusCode(500);
                        }
                    }
                }

                public sealed class ValidationExceptionHandler : IExceptionHandler
                {
                    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                    {
                        if (exception is not ValidationException validation)
                        {
                            return false;
                        }

                        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                        await httpContext.Response.WriteAsJsonAsync(new { error = validation.Message }, cancellationToken);
                        return true;
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Local_function_catch_all_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public static class ImportEndpoints
            {
                public static void MapImports(this IEndpointRouteBuilder app)
                {
                    app.MapPost("/imports", Import);

                    static async Task<IResult> Import(HttpContext context)
                    {
                        try
                        {
                            await context.Request.Body.CopyToAsync(System.IO.Stream.Null);
                            return Results.Accepted();
                        }
                        catch (Exception)
                        {
                            return [|Results.UnprocessableEntity()|];
                        }
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_missing_file_or_folder_answered_with_404_is_not_reported_in_any_style()
    {
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class DocumentsController : ControllerBase
            {
                [HttpGet("{name}")]
                public IActionResult Get(string name)
                {
                    try
                    {
                        return PhysicalFile(Path.Combine("/data", name), "application/pdf");
                    }
                    catch (FileNotFoundException)
                    {
                        return NotFound();
                    }
                    catch (DirectoryNotFoundException)
                    {
                        return StatusCode(StatusCodes.Status404NotFound);
                    }
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/themes/{name}", async (string name) =>
                    {
                        try
                        {
                            return Results.Text(await File.ReadAllTextAsync(Path.Combine("themes", name)));
                        }
                        catch (FileNotFoundException)
                        {
                            return Results.NotFound();
                        }
                    });
                }
            }

            public sealed class ThemeMiddleware
            {
                private readonly RequestDelegate next;

                public ThemeMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (DirectoryNotFoundException)
                    {
                        context.Response.StatusCode = 404;
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_missing_file_answered_with_400_is_still_a_server_failure()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Mvc;

            public sealed class SettingsController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok(System.IO.File.ReadAllText("/etc/app/settings.json"));
                    }
                    catch (FileNotFoundException)
                    {
                        return [|BadRequest("Settings are missing")|];
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Sibling_catches_of_one_try_are_one_warning_and_fixed_together()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class RatesController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get()
                {
                    try
                    {
                        return Ok(await client.GetStringAsync("https://rates/today"));
                    }
                    catch (HttpRequestException)
                    {
                        // the rates service is down
                        return {|#0:BadRequest("Rates are unavailable")|};
                    }
                    catch (TimeoutException)
                    {
                        return {|#1:BadRequest("Rates are unavailable")|};
                    }
                    catch (Exception)
                    {
                        return {|#2:BadRequest()|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class RatesController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get()
                {
                    try
                    {
                        return Ok(await client.GetStringAsync("https://rates/today"));
                    }
                    catch (HttpRequestException)
                    {
                        // the rates service is down
                        return Problem(detail: "Rates are unavailable", statusCode: StatusCodes.Status500InternalServerError);
                    }
                    catch (TimeoutException)
                    {
                        return Problem(detail: "Rates are unavailable", statusCode: StatusCodes.Status500InternalServerError);
                    }
                    catch (Exception)
                    {
                        return Problem(statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;

        var test = new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ServerFailureAsClientErrorFixer.ProblemKey,
        };
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("EL0003").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithMessage("A server-side failure (catch (HttpRequestException)) is answered with 400, a client error; answer 500 with problem details or rethrow so the exception handler answers"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Sibling_catches_in_TypedResults_widen_the_union_once()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public static class Handlers
            {
                public static async Task<Results<Ok<string>, BadRequest<string>>> Read(string path)
                {
                    try
                    {
                        return TypedResults.Ok(await File.ReadAllTextAsync(path));
                    }
                    catch (IOException)
                    {
                        return {|#0:TypedResults.BadRequest("Could not read the file")|};
                    }
                    catch (Exception)
                    {
                        return {|#1:TypedResults.BadRequest("Something went wrong")|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public static class Handlers
            {
                public static async Task<Results<Ok<string>, BadRequest<string>, ProblemHttpResult>> Read(string path)
                {
                    try
                    {
                        return TypedResults.Ok(await File.ReadAllTextAsync(path));
                    }
                    catch (IOException)
                    {
                        return TypedResults.Problem(detail: "Could not read the file", statusCode: StatusCodes.Status500InternalServerError);
                    }
                    catch (Exception)
                    {
                        return TypedResults.Problem(detail: "Something went wrong", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;

        var test = new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ServerFailureAsClientErrorFixer.ProblemKey,
        };
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("EL0003").WithLocation(0).WithLocation(1).WithArguments("catch (IOException)", 400));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_try_that_only_parses_what_the_client_sent_may_answer_400()
    {
        const string source = """
            using System;
            using System.Text.Json;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(string Name, int Quantity);

            public sealed class ImportController : ControllerBase
            {
                [HttpPost]
                public IActionResult Preview([FromBody] string body)
                {
                    try
                    {
                        var order = JsonSerializer.Deserialize<Order>(body);
                        return Ok(order);
                    }
                    catch (Exception)
                    {
                        return BadRequest("The order is not valid JSON");
                    }
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/pages/{page}", (string page) =>
                    {
                        try
                        {
                            var number = int.Parse(page.Trim());
                            return TypedResults.Ok(number);
                        }
                        catch (Exception)
                        {
                            return Results.BadRequest();
                        }
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_try_that_parses_and_then_saves_is_still_reported()
    {
        const string source = """
            using System;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Order(string Name, int Quantity);

            public interface IOrderStore
            {
                Task SaveAsync(Order order);
            }

            public sealed class ImportController : ControllerBase
            {
                private readonly IOrderStore store;

                public ImportController(IOrderStore store) => this.store = store;

                [HttpPost]
                public async Task<IActionResult> Import([FromBody] string body)
                {
                    try
                    {
                        var order = JsonSerializer.Deserialize<Order>(body)!;
                        await store.SaveAsync(order);
                        return Ok();
                    }
                    catch (Exception)
                    {
                        return [|BadRequest("The order could not be imported")|];
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }
}
