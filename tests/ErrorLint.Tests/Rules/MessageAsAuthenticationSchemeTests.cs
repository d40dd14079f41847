using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.MessageAsAuthenticationSchemeAnalyzer, ErrorLint.CodeFixes.Rules.MessageAsAuthenticationSchemeFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class MessageAsAuthenticationSchemeTests
{
    [Fact]
    public async Task Controller_Forbid_with_sentence_is_fixed_to_Problem_403()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                [HttpDelete("{id}")]
                public IActionResult Delete(int id)
                {
                    if (id != 42)
                    {
                        return Forbid({|#0:"You do not own this item"|});
                    }

                    return NoContent();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                [HttpDelete("{id}")]
                public IActionResult Delete(int id)
                {
                    if (id != 42)
                    {
                        return Problem(detail: "You do not own this item", statusCode: StatusCodes.Status403Forbidden);
                    }

                    return NoContent();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(
            source,
            Verifier.Diagnostic("EL0006").WithLocation(0).WithMessage(
                "Forbid takes authentication scheme names, not a message; \"You do not own this item\" is looked up as a scheme and the call throws at run time; send the message with Problem(detail: ...) instead"),
            fixedSource);
    }

    [Fact]
    public async Task Challenge_with_interpolated_message_becomes_Problem_401_and_Fix_All()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    if (id > 0)
                    {
                        return Ok();
                    }

                    return Challenge([|$"Sign in to see item {id}"|]);
                }

                [HttpPut("{id}")]
                public IActionResult Put(int id) => Forbid([|"Read-only item."|]);
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    if (id > 0)
                    {
                        return Ok();
                    }

                    return Problem(detail: $"Sign in to see item {id}", statusCode: StatusCodes.Status401Unauthorized);
                }

                [HttpPut("{id}")]
                public IActionResult Put(int id) => Problem(detail: "Read-only item.", statusCode: StatusCodes.Status403Forbidden);
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Real_scheme_names_and_constants_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.Cookies;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            public static class Schemes
            {
                public const string Api = "ApiKey";
            }

            public sealed class AccountController : ControllerBase
            {
                [HttpGet("a")]
                public IActionResult A() => Forbid(CookieAuthenticationDefaults.AuthenticationScheme);

                [HttpGet("b")]
                public IActionResult B() => Challenge("Bearer", Schemes.Api);

                [HttpGet("c")]
                public IActionResult C() => SignOut(IdentityConstants.ApplicationScheme);

                [HttpGet("d")]
                public IActionResult D(string scheme) => Forbid(scheme);
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Application_own_Forbid_overload_on_base_controller_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public abstract class ApiControllerBase : ControllerBase
            {
                protected ObjectResult Forbid(string message) => Problem(detail: message, statusCode: 403);
            }

            public sealed class ItemsController : ApiControllerBase
            {
                [HttpDelete("{id}")]
                public IActionResult Delete(int id) => Forbid("You do not own this item");
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Razor_page_Forbid_becomes_problem_object_result()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class EditModel : PageModel
            {
                public IActionResult OnPost(bool owner)
                {
                    if (!owner)
                    {
                        return Forbid([|"Only the owner can edit this page"|]);
                    }

                    return Page();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class EditModel : PageModel
            {
                public IActionResult OnPost(bool owner)
                {
                    if (!owner)
                    {
                        return new ObjectResult(new ProblemDetails() { Status = StatusCodes.Status403Forbidden, Detail = "Only the owner can edit this page" }) { StatusCode = StatusCodes.Status403Forbidden };
                    }

                    return Page();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Results_and_TypedResults_scheme_lists_are_reported_and_fixed()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapDelete("/a", () => Results.Forbid(authenticationSchemes: new[] { [|"Not allowed to delete"|] }));
            app.MapDelete("/b", () => TypedResults.Challenge(null, new[] { [|"Please sign in"|] }));
            app.Run();
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapDelete("/a", () => Results.Problem(detail: "Not allowed to delete", statusCode: StatusCodes.Status403Forbidden));
            app.MapDelete("/b", () => TypedResults.Problem(detail: "Please sign in", statusCode: StatusCodes.Status401Unauthorized));
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task HttpContext_ForbidAsync_in_middleware_is_fixed_to_executed_problem()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                if (!context.User.IsInRole("Admin"))
                {
                    await context.ForbidAsync([|"Administrators only"|]);
                    return;
                }

                await next(context);
            });
            app.Run();
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                if (!context.User.IsInRole("Admin"))
                {
                    await Results.Problem(detail: "Administrators only", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                    return;
                }

                await next(context);
            });
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Exception_message_and_string_Format_are_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                [HttpPost]
                public IActionResult Post()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (UnauthorizedAccessException ex)
                    {
                        return Forbid([|ex.Message|]);
                    }
                }

                [HttpGet]
                public IActionResult Get(int id) => Forbid([|string.Format("Item {0} is private", id)|]);
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Result_objects_and_SignOut_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class OwnerOnlyFilter : IAuthorizationFilter
            {
                public void OnAuthorization(AuthorizationFilterContext context)
                {
                    context.Result = new ForbidResult([|"Only owners may do this"|]);
                }
            }

            public sealed class SessionController : ControllerBase
            {
                [HttpPost("logout")]
                public IActionResult Logout() => SignOut([|"Signed out, see you soon!"|]);
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Forbid_with_authentication_properties_gets_no_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ItemsController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get() => Forbid(new AuthenticationProperties(), [|"You may not read this"|]);
            }
            """;
        await Verifier.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Message_in_async_action_with_resource_string_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public static class Messages
            {
                public static System.Resources.ResourceManager ResourceManager => null!;
                public static string AccessDenied => "Access denied";
            }

            public sealed class ItemsController : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> Get()
                {
                    await Task.Yield();
                    return Forbid([|Messages.AccessDenied|]);
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Scheme_like_identifiers_and_dotted_names_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapGet("/a", () => Results.Forbid(authenticationSchemes: new[] { "Identity.Application" }));
            app.MapGet("/b", (string tenant) => Results.Challenge(authenticationSchemes: new[] { $"Tenant_{tenant}" }));
            app.MapGet("/c", () => TypedResults.Forbid());
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        }.RunAsync();
    }
}
