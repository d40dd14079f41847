using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.ExceptionMessageInResponseAnalyzer,
    ErrorLint.CodeFixes.Rules.ExceptionMessageInResponseFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ExceptionMessageInResponseTests
{
    [Fact]
    public async Task Catch_all_message_in_controller_is_reported_with_message()
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
                        return BadRequest({|#0:ex.Message|});
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0010").WithLocation(0).WithMessage("The message of an unexpected Exception is sent to the client by BadRequest (400); log the exception and send a generic message"));
    }

    [Fact]
    public async Task Infrastructure_exception_message_in_Results_is_reported()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/weather", async (HttpClient client) =>
                    {
                        try
                        {
                            return Results.Ok(await client.GetStringAsync("https://weather.internal/api"));
                        }
                        catch (HttpRequestException ex)
                        {
                            return Results.Problem(detail: [|ex.Message|], statusCode: StatusCodes.Status502BadGateway);
                        }
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task IOException_message_through_local_in_TypedResults_is_reported()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public static class Files
            {
                public static Results<Ok<string>, BadRequest<string>> Read(string path)
                {
                    try
                    {
                        return TypedResults.Ok(File.ReadAllText(path));
                    }
                    catch (IOException ex)
                    {
                        var message = "Could not read: " + ex.Message;
                        return [|TypedResults.BadRequest(message)|];
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Exception_handler_feature_message_is_reported()
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
                        var error = context.Features.Get<IExceptionHandlerPathFeature>()?.Error;
                        await context.Response.WriteAsJsonAsync(new { error = [|error?.Message|] });
                    }));
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Pattern_narrowed_database_exception_in_filter_is_reported()
    {
        const string source = """
            using System.Data.Common;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class DatabaseExceptionFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    if (context.Exception is DbException db)
                    {
                        context.Result = new ObjectResult(new { error = [|db.Message|] }) { StatusCode = 503 };
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Application_and_client_input_exceptions_are_not_reported()
    {
        const string source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Mvc;

            public sealed class NotFoundException : Exception
            {
                public NotFoundException(string message) : base(message) { }
            }

            public sealed class OrderRuleException : InvalidOperationException
            {
                public OrderRuleException(string message) : base(message) { }
            }

            public class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok();
                    }
                    catch (NotFoundException ex)
                    {
                        return NotFound(ex.Message);
                    }
                    catch (OrderRuleException ex)
                    {
                        return Conflict(new { error = ex.Message });
                    }
                    catch (ValidationException ex)
                    {
                        return BadRequest(ex.Message);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Exception_the_code_creates_is_not_reported_while_a_caught_one_is()
    {
        // Only a handled exception (caught, or handed to an exception handler) carries data the client must not see;
        // an exception the code builds to describe its own check is text the code wrote.
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                private static readonly InvalidOperationException MissingCustomer = new("The order needs a customer.");

                public IActionResult Create(string? name, string? customer)
                {
                    var missingName = new InvalidOperationException("The order needs a name.");
                    if (string.IsNullOrEmpty(name))
                    {
                        return BadRequest(missingName.Message);
                    }

                    if (string.IsNullOrEmpty(customer))
                    {
                        return BadRequest(MissingCustomer.Message);
                    }

                    try
                    {
                        return Ok(name.Length);
                    }
                    catch (Exception ex)
                    {
                        return BadRequest({|#0:ex.Message|});
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0010").WithLocation(0).WithMessage("The message of an unexpected Exception is sent to the client by BadRequest (400); log the exception and send a generic message"));
    }

    [Fact]
    public async Task Switch_on_exception_type_reports_only_the_unexpected_arm()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;

            public sealed class DomainException : Exception
            {
                public DomainException(string message) : base(message) { }
            }

            public sealed class Handler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    var detail = exception switch
                    {
                        DomainException domain => domain.Message,
                        HttpRequestException http => http.Message,
                        _ => "Unexpected error.",
                    };
                    await [|Results.Problem(detail)|].ExecuteAsync(httpContext);
                    return true;
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Safe_exception_types_option_suppresses_configured_types()
    {
        const string source = """
            using System;
            using System.Net.Http;
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
                        return Conflict(ex.Message);
                    }
                    catch (HttpRequestException ex)
                    {
                        return StatusCode(502, [|ex.Message|]);
                    }
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.safe_exception_types = System.InvalidOperationException, SomeOtherException") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Development_guard_and_logging_only_are_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public class OrdersController : ControllerBase
            {
                private readonly ILogger logger;
                private readonly IWebHostEnvironment environment;

                public OrdersController(ILogger<OrdersController> logger, IWebHostEnvironment environment)
                {
                    this.logger = logger;
                    this.environment = environment;
                }

                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex) when (environment.IsDevelopment())
                    {
                        return Problem(ex.Message);
                    }
                    catch (Exception ex)
                    {
                        logger.LogWarning("Request failed: {Message}", ex.Message);
                        return Problem("The request failed.");
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Returned_string_from_endpoint_and_ternary_is_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/status", (bool brief) =>
                    {
                        try
                        {
                            return "ok";
                        }
                        catch (Exception ex)
                        {
                            return brief ? "failed" : [|ex.Message|];
                        }
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_with_logger_parameter_logs_and_replaces()
    {
        const string source = """
            using System;
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public static class Files
            {
                public static IResult Read(string path, ILogger logger)
                {
                    try
                    {
                        return Results.Text(File.ReadAllText(path));
                    }
                    catch (IOException ex)
                    {
                        return Results.Problem($"Cannot read {path}: {[|ex.Message|]}", statusCode: 500);
                    }
                }
            }
            """;

        const string fixedSource = """
            using System;
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public static class Files
            {
                public static IResult Read(string path, ILogger logger)
                {
                    try
                    {
                        return Results.Text(File.ReadAllText(path));
                    }
                    catch (IOException ex)
                    {
                        logger.LogError(ex, "The request failed.");
                        return Results.Problem("An unexpected error occurred.", statusCode: 500);
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_does_not_log_twice()
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
                        logger.LogError(ex, "Loading orders failed.");
                        return Problem(detail: [|ex.Message|]);
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
                        logger.LogError(ex, "Loading orders failed.");
                        return Problem(detail: "An unexpected error occurred.");
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_All_replaces_every_message()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (HttpRequestException ex)
                    {
                        return StatusCode(502, new { error = [|ex.Message|] });
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
                        return Problem([|ex.Message|].Trim());
                    }
                }
            }
            """;

        // The catch variable the fix leaves unused goes too: CS0168 would break a build with warnings as errors.
        const string fixedSource = """
            using System;
            using System.Net.Http;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (HttpRequestException)
                    {
                        return StatusCode(502, new { error = "An unexpected error occurred." });
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
                        return Problem("An unexpected error occurred.");
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Razor_page_with_SocketException_message_is_reported()
    {
        const string source = """
            using System.Net.Sockets;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class StatusModel : PageModel
            {
                public IActionResult OnGet()
                {
                    try
                    {
                        return Page();
                    }
                    catch (SocketException ex)
                    {
                        return new ContentResult { Content = "Backend unreachable: " + [|ex.Message|], StatusCode = 503 };
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task A_helpers_result_thrown_away_sends_nothing() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ReportsController : ControllerBase
        {
            public IActionResult Rebuild(Func<int> rebuild)
            {
                try
                {
                    return Ok(rebuild());
                }
                catch (Exception ex)
                {
                    InternalError("The rebuild failed: " + ex.Message);
                    return Accepted();
                }
            }

            public IActionResult Export(Func<int> export)
            {
                try
                {
                    return Ok(export());
                }
                catch (Exception ex)
                {
                    return InternalError("The export failed: " + [|ex.Message|]);
                }
            }

            private IActionResult InternalError(string message) => StatusCode(500, message);
        }
        """);

    [Fact]
    public async Task A_response_that_also_sends_details_is_left_to_EL0009_and_two_messages_are_one_warning()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get()
                {
                    try
                    {
                        return Ok(await client.GetStringAsync("https://inventory/orders"));
                    }
                    catch (HttpRequestException e)
                    {
                        return StatusCode(502, new { error = e.Message, trace = e.StackTrace });
                    }
                    catch (Exception e)
                    {
                        return StatusCode(500, new { message = [|e.Message|], title = "Failed: " + e.Message });
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

            public sealed class OrdersController : ControllerBase
            {
                private readonly HttpClient client = new();

                public async Task<IActionResult> Get()
                {
                    try
                    {
                        return Ok(await client.GetStringAsync("https://inventory/orders"));
                    }
                    catch (HttpRequestException e)
                    {
                        return StatusCode(502, new { error = e.Message, trace = e.StackTrace });
                    }
                    catch (Exception)
                    {
                        return Problem(detail: "An unexpected error occurred.", statusCode: StatusCodes.Status500InternalServerError);
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task The_message_of_a_try_that_only_checks_the_clients_token_or_form_is_not_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Antiforgery;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class TokenHandler
            {
                public void ValidateToken(string token) { }
            }

            public sealed class TokensController : ControllerBase
            {
                private readonly TokenHandler handler = new();

                [HttpPost("check")]
                public IActionResult Check(string token)
                {
                    try
                    {
                        handler.ValidateToken(token);
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest(ex.Message);
                    }
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/comments", async (HttpContext context, IAntiforgery antiforgery) =>
                    {
                        try
                        {
                            await antiforgery.ValidateRequestAsync(context);
                            return Results.NoContent();
                        }
                        catch (Exception ex)
                        {
                            return Results.Problem(ex.Message, statusCode: 400);
                        }
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task The_message_of_a_try_that_parses_and_calls_a_service_is_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public interface IRateService
            {
                Task<decimal> RateAsync(DateTime day);
            }

            public sealed class RatesController : ControllerBase
            {
                private readonly IRateService rates;

                public RatesController(IRateService rates) => this.rates = rates;

                public async Task<IActionResult> Get(string day)
                {
                    try
                    {
                        return Ok(await rates.RateAsync(DateTime.Parse(day)));
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|ex.Message|]);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_type_test_that_maps_exceptions_to_a_client_error_is_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;
            using System.Collections.Generic;

            public sealed class ConflictException : Exception
            {
                public ConflictException(string message) : base(message) { }
            }

            public sealed class ConflictFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    if (context.Exception is ConflictException)
                    {
                        context.Result = new ConflictObjectResult(new { error = context.Exception.Message });
                        context.ExceptionHandled = true;
                    }
                }
            }

            public sealed class RuleViolationHandler : IExceptionHandler
            {
                public async System.Threading.Tasks.ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, System.Threading.CancellationToken cancellationToken)
                {
                    if (exception is InvalidOperationException || exception is NotSupportedException)
                    {
                        await Results.BadRequest(exception.Message).ExecuteAsync(httpContext);
                        return true;
                    }

                    switch (exception)
                    {
                        case KeyNotFoundException:
                        case UnauthorizedAccessException:
                            await TypedResults.BadRequest(exception.Message).ExecuteAsync(httpContext);
                            return true;
                        default:
                            return false;
                    }
                }
            }

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex) when (ex is ConflictException or ArgumentException)
                    {
                        return BadRequest(ex.Message);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_catch_filter_names_the_narrowed_types_and_a_dependency_failure_under_a_type_test_is_reported()
    {
        const string source = """
            using System;
            using System.Data.Common;
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class FilesController : ControllerBase
            {
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        return StatusCode(500, {|#0:ex.Message|});
                    }
                }
            }

            public sealed class DatabaseFilter : Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter
            {
                public void OnException(Microsoft.AspNetCore.Mvc.Filters.ExceptionContext context)
                {
                    if (context.Exception is DbException)
                    {
                        context.Result = new BadRequestObjectResult({|#1:context.Exception.Message|});
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0010").WithLocation(0).WithMessage("The message of an unexpected IOException or UnauthorizedAccessException is sent to the client by StatusCode (500); log the exception and send a generic message"),
            Verifier.Diagnostic("EL0010").WithLocation(1).WithMessage("The message of an unexpected DbException is sent to the client by new BadRequestObjectResult (400); log the exception and send a generic message"));
    }

    [Fact]
    public async Task A_standard_exception_the_application_throws_with_its_own_message_is_not_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IInvoiceService
            {
                Task ChangeCurrencyAsync(int id, string currency);
            }

            public sealed class InvoiceService : IInvoiceService
            {
                public Task ChangeCurrencyAsync(int id, string currency)
                {
                    EnsureDraft(id);
                    return Task.CompletedTask;
                }

                private static void EnsureDraft(int id)
                {
                    if (id > 100)
                    {
                        throw new InvalidOperationException($"Invoice {id} is posted; its currency cannot change.");
                    }
                }
            }

            public sealed class InvoicesController : ControllerBase
            {
                private readonly InvoiceService invoices;

                public InvoicesController(InvoiceService invoices) => this.invoices = invoices;

                [HttpPut("{id}/currency")]
                public async Task<IActionResult> ChangeCurrency(int id, string currency)
                {
                    try
                    {
                        await invoices.ChangeCurrencyAsync(id, currency);
                        return NoContent();
                    }
                    catch (InvalidOperationException e)
                    {
                        return BadRequest(e.Message);
                    }
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPut("/invoices/{id}/currency", async (int id, string currency, InvoiceService service) =>
                    {
                        try
                        {
                            await service.ChangeCurrencyAsync(id, currency);
                            return Results.NoContent();
                        }
                        catch (InvalidOperationException e)
                        {
                            return Results.Problem(e.Message, statusCode: 409);
                        }
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_standard_exception_only_the_framework_throws_is_still_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;

            public sealed class InvoiceService
            {
                private readonly List<int> posted = new();

                public int First() => posted.First();

                public void Post(int id)
                {
                    if (id < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(id), "The id must be positive.");
                    }
                }
            }

            public sealed class InvoicesController : ControllerBase
            {
                private readonly InvoiceService invoices = new();

                public IActionResult First()
                {
                    try
                    {
                        invoices.Post(1);
                        return Ok(invoices.First());
                    }
                    catch (InvalidOperationException e)
                    {
                        return BadRequest([|e.Message|]);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_message_assigned_in_the_catch_does_not_reach_the_responses_of_the_try_and_is_one_warning()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public interface IInstaller
            {
                Task<string> InstallAsync(string name);
            }

            public sealed class PackagesController : Controller
            {
                private readonly IInstaller installer;

                public PackagesController(IInstaller installer) => this.installer = installer;

                [HttpPost]
                public async Task<IActionResult> Upload(string? name)
                {
                    string? message;
                    try
                    {
                        if (string.IsNullOrEmpty(name))
                        {
                            message = "Choose a package.";
                            return BadRequest(new { message });
                        }

                        message = await installer.InstallAsync(name);
                        return Ok(new { message });
                    }
                    catch (Exception ex)
                    {
                        message = ex.Message;
                        if (name == "core")
                        {
                            return [|StatusCode(500, new { message })|];
                        }

                        return StatusCode(500, new { message, name });
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_private_helper_that_parses_the_clients_xml_returns_its_errors_to_the_caller_not_the_client()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Xml.Linq;
            using Microsoft.AspNetCore.Mvc;

            public sealed class XmlController : ControllerBase
            {
                [HttpPost]
                public IActionResult Check([FromBody] string xml)
                {
                    var errors = Parse(xml);
                    return errors.Count == 0 ? Ok() : BadRequest(errors);
                }

                [HttpPost("schema")]
                public IList<string> CheckSchema([FromBody] string schema)
                {
                    var errors = new List<string>();
                    try
                    {
                        _ = XDocument.Parse(schema);
                    }
                    catch (Exception ex)
                    {
                        errors.Add(ex.Message);
                    }

                    return errors;
                }

                private static IList<string> Parse(string xml)
                {
                    var errors = new List<string>();
                    try
                    {
                        DoSomethingOnTheServer();
                    }
                    catch (Exception ex)
                    {
                        errors.Add(ex.Message);
                    }

                    return errors;
                }

                private static void DoSomethingOnTheServer() { }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_try_that_parses_and_calls_an_unresolved_store_is_still_reported()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class AttributesController : Controller
            {
                private readonly {|CS0246:ShopDb|} db = null!;

                [HttpPost]
                public async Task<IActionResult> SetValue(string value)
                {
                    var message = string.Empty;
                    try
                    {
                        var id = Convert.ToInt32(value);
                        await db.SaveChangesAsync(id);
                    }
                    catch (Exception ex)
                    {
                        message = ex.Message;
                    }

                    return [|Json(new { message })|];
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_helper_result_the_action_throws_away_sends_nothing()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public interface IImporter
            {
                void Import();
            }

            public sealed class ImportController : ControllerBase
            {
                private readonly IImporter importer;

                public ImportController(IImporter importer) => this.importer = importer;

                [HttpPost]
                public IActionResult Run()
                {
                    try
                    {
                        importer.Import();
                    }
                    catch (Exception ex)
                    {
                        StatusCode(500, "failed: " + ex.Message);
                        Problem(ex.Message);
                        return Ok("imported with errors");
                    }

                    return Ok();
                }

                [HttpPost]
                public IActionResult RunAndReport()
                {
                    try
                    {
                        importer.Import();
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        StatusCode(500, ex.Message);
                        return BadRequest({|#0:ex.Message|});
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic("EL0010").WithLocation(0).WithMessage("The message of an unexpected Exception is sent to the client by BadRequest (400); log the exception and send a generic message"));
    }

    [Fact]
    public async Task Endpoints_marked_development_only_and_reports_of_a_run_are_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class TestModeOnlyAttribute : Attribute
            {
            }

            public sealed class ConnectionCheck
            {
                public bool Succeeded { get; set; }

                public string? Error { get; set; }
            }

            public sealed class ScriptRunReport
            {
                public string? Output { get; set; }
            }

            public interface IMailer
            {
                void Send(string to);
            }

            public sealed class DiagnosticsController : ControllerBase
            {
                private readonly IMailer mailer;

                public DiagnosticsController(IMailer mailer) => this.mailer = mailer;

                [TestModeOnly]
                public IActionResult Fail()
                {
                    try
                    {
                        mailer.Send("test@example.com");
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, ex.Message);
                    }
                }

                public IActionResult TestConnection()
                {
                    try
                    {
                        mailer.Send("test@example.com");
                        return Ok(new ConnectionCheck { Succeeded = true });
                    }
                    catch (Exception ex)
                    {
                        return Ok(new ConnectionCheck { Succeeded = false, Error = ex.Message });
                    }
                }

                public IActionResult Run()
                {
                    try
                    {
                        mailer.Send("ops@example.com");
                        return Ok(new ScriptRunReport { Output = "sent" });
                    }
                    catch (Exception ex)
                    {
                        return Ok(new ScriptRunReport { Output = ex.Message });
                    }
                }

                public IActionResult Send()
                {
                    try
                    {
                        mailer.Send("someone@example.com");
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest(new { error = [|ex.Message|] });
                    }
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.development_only_attributes = TestModeOnly\nerrorlint.error_report_types = ConnectionCheck") } },
        }.RunAsync();
    }

    [Fact]
    public async Task Middleware_without_a_logger_logs_through_the_request_services()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class ErrorHandling
            {
                public static void Use(WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        try
                        {
                            await next(context);
                        }
                        catch (HttpRequestException ex)
                        {
                            context.Response.StatusCode = 502;
                            await context.Response.WriteAsync([|ex.Message|]);
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Net.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            public static class ErrorHandling
            {
                public static void Use(WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        try
                        {
                            await next(context);
                        }
                        catch (HttpRequestException ex)
                        {
                            context.Response.StatusCode = 502;
                            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ErrorHandling").LogError(ex, "The request failed.");
                            await context.Response.WriteAsync("An unexpected error occurred.");
                        }
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task The_logging_using_goes_where_a_file_sorted_by_name_alone_puts_it()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using System;
            using System.Net.Http;

            public sealed class OrdersController(HttpClient client) : ControllerBase
            {
                public IActionResult Get([FromServices] Microsoft.Extensions.Logging.ILogger<OrdersController> logger)
                {
                    try
                    {
                        return Ok(client.GetStringAsync("https://inventory/orders").Result);
                    }
                    catch (HttpRequestException ex)
                    {
                        return StatusCode(502, [|ex.Message|]);
                    }
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;
            using System;
            using System.Net.Http;

            public sealed class OrdersController(HttpClient client) : ControllerBase
            {
                public IActionResult Get([FromServices] Microsoft.Extensions.Logging.ILogger<OrdersController> logger)
                {
                    try
                    {
                        return Ok(client.GetStringAsync("https://inventory/orders").Result);
                    }
                    catch (HttpRequestException ex)
                    {
                        logger.LogError(ex, "The request failed.");
                        return StatusCode(502, "An unexpected error occurred.");
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task A_minimal_API_handler_without_a_logger_is_given_one_as_a_parameter()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class FileEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/files/{name}", (string name) =>
                    {
                        try
                        {
                            return Results.Text(File.ReadAllText("/data/" + name));
                        }
                        catch (IOException ex)
                        {
                            return Results.Problem([|ex.Message|], statusCode: 500);
                        }
                    });
                }
            }

            public sealed class ReportEndpoints
            {
                public void Map(WebApplication app)
                {
                    app.MapGet("/reports/{name}", (string name) =>
                    {
                        try
                        {
                            return Results.Text(File.ReadAllText("/reports/" + name));
                        }
                        catch (IOException ex)
                        {
                            return Results.Problem([|ex.Message|], statusCode: 500);
                        }
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;

            public static class FileEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/files/{name}", (string name, ILoggerFactory loggerFactory) =>
                    {
                        try
                        {
                            return Results.Text(File.ReadAllText("/data/" + name));
                        }
                        catch (IOException ex)
                        {
                            loggerFactory.CreateLogger("FileEndpoints").LogError(ex, "The request failed.");
                            return Results.Problem("An unexpected error occurred.", statusCode: 500);
                        }
                    });
                }
            }

            public sealed class ReportEndpoints
            {
                public void Map(WebApplication app)
                {
                    app.MapGet("/reports/{name}", (string name, ILogger<ReportEndpoints> logger) =>
                    {
                        try
                        {
                            return Results.Text(File.ReadAllText("/reports/" + name));
                        }
                        catch (IOException ex)
                        {
                            logger.LogError(ex, "The request failed.");
                            return Results.Problem("An unexpected error occurred.", statusCode: 500);
                        }
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Try_out_endpoints_answer_with_the_reason_the_attempt_failed()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class MailSettingsController : Controller
            {
                [HttpPost]
                public async Task<IActionResult> SendTestMail(string to)
                {
                    try
                    {
                        using var client = new SmtpClient("smtp.internal");
                        await client.SendMailAsync(new MailMessage("noreply@example.com", to, "Test", "It works."));
                        return Json(new { success = true });
                    }
                    catch (Exception ex)
                    {
                        return Json(new { success = false, message = ex.Message });
                    }
                }
            }

            public class BarcodeTesterController : Controller
            {
                public IActionResult Svg(string data)
                {
                    try
                    {
                        return Content(Encode(data), "image/svg+xml");
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, ex.Message);
                    }
                }

                private static string Encode(string data) => throw new NotSupportedException(data);
            }

            public class StorageModel : PageModel
            {
                public async Task<IActionResult> OnPostTestConnectionAsync([FromServices] HttpClient client)
                {
                    try
                    {
                        await client.GetAsync("https://storage.internal/health");
                        return new OkResult();
                    }
                    catch (HttpRequestException ex)
                    {
                        return new BadRequestObjectResult(ex.Message);
                    }
                }
            }

            public static class WebhookEndpoints
            {
                public static void Map(WebApplication app) => app.MapPost("/webhooks/test", TestWebhookAsync);

                private static async Task<IResult> TestWebhookAsync(HttpClient client)
                {
                    try
                    {
                        await client.PostAsync("https://hooks.internal/ping", null);
                        return TypedResults.Ok();
                    }
                    catch (HttpRequestException ex)
                    {
                        return TypedResults.BadRequest(ex.Message);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Words_that_only_contain_test_are_not_try_outs()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public class ContestController : ControllerBase
            {
                public IActionResult GetLatest()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|ex.Message|]);
                    }
                }
            }

            public class TestController : ControllerBase
            {
                public IActionResult Attestation()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest([|ex.Message|]);
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task A_caught_exception_handed_to_a_base_controller_helper_that_sends_its_message_is_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ApiError
        {
            public string Message { get; set; } = "";
        }

        public static class ApiErrors
        {
            public static ApiError Create(string message)
            {
                var error = new ApiError { Message = message };
                return error;
            }
        }

        public sealed class OrderStore
        {
            public IReadOnlyList<string> All() => Array.Empty<string>();
        }

        public abstract class ApiController : ControllerBase
        {
            // The status is a parameter: the response is known only through what the helper puts in it.
            protected IActionResult ErrorResult(Exception ex, string? message = null, int statusCode = 422)
                => StatusCode(statusCode, ApiErrors.Create(message ?? ex.Message));
        }

        public sealed class OrdersController : ApiController
        {
            private readonly OrderStore store = new();

            [HttpGet("orders")]
            public IActionResult Get()
            {
                try
                {
                    return Ok(store.All());
                }
                catch (Exception ex)
                {
                    return ErrorResult({|#0:ex|});
                }
            }
        }
        """,
        Verifier.Diagnostic("EL0010").WithLocation(0).WithArguments("Exception", "ErrorResult(...)"));

    [Fact]
    public Task Helpers_that_log_the_exception_or_are_handed_an_exception_the_action_made_are_not_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        public sealed class OrderNotFoundException : Exception
        {
            public OrderNotFoundException(string message) : base(message) { }
        }

        public abstract class ApiController : ControllerBase
        {
            protected ApiController(ILogger logger) => Logger = logger;

            protected ILogger Logger { get; }

            protected IActionResult Failed(Exception ex)
            {
                Logger.LogError(ex, "The request failed: {Message}", ex.Message);
                return StatusCode(500, new { error = "The request failed." });
            }

            protected IActionResult ErrorResult(Exception ex, int statusCode = 422) => StatusCode(statusCode, new { error = ex.Message });
        }

        public sealed class OrdersController : ApiController
        {
            public OrdersController(ILogger<OrdersController> logger) : base(logger) { }

            [HttpGet("orders/{id}")]
            public IActionResult Get(int id)
            {
                try
                {
                    return id > 0 ? Ok(id) : throw new OrderNotFoundException($"Order {id} does not exist.");
                }
                catch (OrderNotFoundException notFound)
                {
                    // The application's own exception, with a message written for the client.
                    return ErrorResult(notFound, 404);
                }
                catch (Exception ex)
                {
                    return Failed(ex);
                }
            }

            [HttpDelete("orders/{id}")]
            public IActionResult Delete(int id) => ErrorResult(new InvalidOperationException("Orders cannot be deleted."), 403);
        }
        """);

    [Fact]
    public Task A_controller_whose_base_comes_from_a_package_not_restored_is_still_a_controller() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public abstract class CatalogApiController : {|CS0246:ODataController|}
        {
            protected {|CS0246:ODataErrorResult|} ErrorResult(Exception ex, string? message = null, int statusCode = 422)
                => {|CS0103:ODataErrorResult|}(new { code = statusCode, message = message ?? ex.Message });
        }

        public sealed class ProductsController : CatalogApiController
        {
            [HttpPost("products/{key}/tags")]
            public IActionResult UpdateTags(int key)
            {
                try
                {
                    return {|CS0103:Ok|}(key);
                }
                catch (Exception ex)
                {
                    return ErrorResult({|#0:ex|});
                }
            }
        }
        """,
        Verifier.Diagnostic("EL0010").WithLocation(0).WithArguments("Exception", "ErrorResult(...)"));

    [Fact]
    public Task A_helper_that_sends_exception_data_only_by_an_operators_setting_or_in_development_is_not_reported() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Hosting;

        public enum DetailLevel { None, Message, StackTrace }

        public sealed class ErrorOptions
        {
            public DetailLevel DetailLevel { get; set; }

            public string Describe(Exception ex) => DetailLevel switch
            {
                DetailLevel.Message => ex.Message,
                DetailLevel.StackTrace => ex.StackTrace ?? "",
                _ => "An internal error occurred.",
            };
        }

        public sealed class Failure
        {
            public string Title { get; set; } = "";
            public string? Detail { get; set; }
        }

        public static class Failures
        {
            public static ObjectResult Create(IWebHostEnvironment environment, Exception exception)
            {
                var failure = new Failure { Title = "The request failed." };
                if (environment.IsDevelopment())
                {
                    failure.Detail = exception.Message;
                }

                return new ObjectResult(failure) { StatusCode = 500 };
            }
        }

        public sealed class ReportsController : ControllerBase
        {
            private readonly ErrorOptions options = new();
            private readonly IWebHostEnvironment environment;

            public ReportsController(IWebHostEnvironment environment) => this.environment = environment;

            [HttpGet("reports")]
            public IActionResult Get()
            {
                try
                {
                    return Ok();
                }
                catch (Exception ex)
                {
                    return StatusCode(500, new { message = options.Describe(ex) });
                }
            }

            [HttpPost("reports")]
            public IActionResult Post()
            {
                try
                {
                    return Ok();
                }
                catch (Exception ex)
                {
                    return Failures.Create(environment, ex);
                }
            }
        }
        """);

    [Fact]
    public Task A_middleware_helper_handed_the_caught_exception_writes_its_message() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Net;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        public sealed class ExceptionMiddleware
        {
            private readonly RequestDelegate next;

            public ExceptionMiddleware(RequestDelegate next) => this.next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                try
                {
                    await next(context);
                }
                catch (Exception ex)
                {
                    await HandleExceptionAsync(context, ex);
                }
            }

            private Task HandleExceptionAsync(HttpContext context, Exception exception)
            {
                if (exception is null)
                {
                    return Task.CompletedTask;
                }

                return WriteAsync(context, exception);
            }

            private static Task WriteAsync(HttpContext context, Exception exception)
            {
                context.Response.ContentType = "application/json";
                context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
                return context.Response.WriteAsync(JsonSerializer.Serialize(new { success = false, message = {|#0:exception.Message|} }));
            }

            // Never handed a caught exception: what it is given is the application's own.
            private static Task WriteNotice(HttpContext context, Exception notice) => context.Response.WriteAsync(notice.Message);
        }
        """,
        Verifier.Diagnostic("EL0010").WithLocation(0).WithArguments("Exception", "Response.WriteAsync (500)"));

    [Fact]
    public Task An_exception_handler_that_maps_the_exception_to_a_tuple_sends_the_message_of_its_fallback_arm() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class NotFoundException : Exception
        {
            public NotFoundException(string message) : base(message) { }
        }

        public sealed class CustomExceptionHandler : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                var details = exception switch
                {
                    NotFoundException => (Detail: exception.Message, Title: "Not found", StatusCode: StatusCodes.Status404NotFound),
                    _ => (Detail: {|#1:exception.Message|}, Title: "Server error", StatusCode: StatusCodes.Status500InternalServerError),
                };

                context.Response.StatusCode = details.StatusCode;
                var problem = new ProblemDetails { Title = details.Title, Detail = details.Detail, Status = details.StatusCode };
                await {|#0:context.Response.WriteAsJsonAsync(problem, cancellationToken)|};
                return true;
            }
        }
        """,
        Verifier.Diagnostic("EL0010").WithLocation(0).WithLocation(1).WithArguments("Exception", "Response.WriteAsJsonAsync"));

    [Fact]
    public Task Envelopes_built_by_a_builder_or_a_constructor_carry_the_message_they_are_given() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        public sealed class ResultOutput
        {
            public bool Success { get; set; }
            public string? Msg { get; set; }

            public ResultOutput NotOk(string? msg = null)
            {
                Success = false;
                Msg = msg;
                return this;
            }
        }

        public sealed class MessageModel
        {
            public string? Msg { get; set; }
        }

        public sealed class ApiResponse
        {
            public ApiResponse(int code, string? msg = null) => MessageModel = new MessageModel { Msg = msg ?? "Failed (" + code + ")" };

            public MessageModel MessageModel { get; }
        }

        public sealed class ExceptionMiddleware
        {
            private readonly RequestDelegate next;

            public ExceptionMiddleware(RequestDelegate next) => this.next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                try
                {
                    await next(context);
                }
                catch (InvalidOperationException ex)
                {
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync(JsonSerializer.Serialize(new ResultOutput().NotOk({|#0:ex.Message|})));
                }
                catch (Exception ex)
                {
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync(JsonSerializer.Serialize(new ApiResponse(500, {|#1:ex.Message|}).MessageModel));
                }
            }
        }
        """,
        Verifier.Diagnostic("EL0010").WithLocation(0).WithArguments("InvalidOperationException", "Response.WriteAsync (500)"),
        Verifier.Diagnostic("EL0010").WithLocation(1).WithArguments("Exception", "Response.WriteAsync (500)"));

    [Fact]
    public Task A_base_controllers_own_method_returning_a_result_sends_what_its_catch_returns() => Verifier.VerifyAnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class Product { }

        public abstract class EntityController<TEntity> : ControllerBase
        {
            protected async Task<IActionResult> PostAsync(TEntity entity)
            {
                try
                {
                    await Task.Yield();
                    return Ok(entity);
                }
                catch (Exception ex)
                {
                    return ErrorResult({|#0:ex|});
                }
            }

            protected IActionResult ErrorResult(Exception ex, int statusCode = 422) => StatusCode(statusCode, new { error = ex.Message });

            // A plain value goes to the caller, which decides what to send.
            protected string Describe(Exception ex) => ex.Message;
        }

        public sealed class ProductsController : EntityController<Product>
        {
            [HttpPost("products")]
            public Task<IActionResult> Post(Product product) => PostAsync(product);
        }
        """,
        Verifier.Diagnostic("EL0010").WithLocation(0).WithArguments("Exception", "ErrorResult(...)"));
}
