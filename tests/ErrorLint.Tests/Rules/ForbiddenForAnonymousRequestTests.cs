using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ForbiddenForAnonymousRequestAnalyzer, ErrorLint.CodeFixes.Rules.ForbiddenForAnonymousRequestFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ForbiddenForAnonymousRequestTests
{
    [Fact]
    public async Task Controller_Forbid_for_anonymous_user_is_fixed_to_Challenge()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProfileController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get()
                {
                    if (!User.Identity!.IsAuthenticated)
                    {
                        return {|#0:Forbid()|};
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProfileController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get()
                {
                    if (!User.Identity!.IsAuthenticated)
                    {
                        return Challenge();
                    }

                    return Ok();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ForbiddenForAnonymousRequestFixer.ChallengeKey,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0005").WithLocation(0).WithMessage(
                    "403 Forbidden is sent to a request that is not authenticated ('User.Identity!.IsAuthenticated' shows the user is not signed in); answer 401 with Challenge() so the client signs in"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Controller_Forbid_is_fixed_to_Unauthorized_as_second_action()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProfileController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get()
                {
                    if (User.Identity?.IsAuthenticated == false)
                    {
                        return [|Forbid()|];
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ProfileController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get()
                {
                    if (User.Identity?.IsAuthenticated == false)
                    {
                        return Unauthorized();
                    }

                    return Ok();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = ForbiddenForAnonymousRequestFixer.UnauthorizedKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Null_user_from_UserManager_in_async_action_keeps_the_scheme_arguments()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                private readonly UserManager<IdentityUser> users;

                public OrdersController(UserManager<IdentityUser> users) => this.users = users;

                [HttpGet]
                public async Task<IActionResult> Mine()
                {
                    var user = await users.GetUserAsync(User);
                    if (user == null)
                    {
                        return [|Forbid("Bearer")|];
                    }

                    return Ok(user.Id);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController : ControllerBase
            {
                private readonly UserManager<IdentityUser> users;

                public OrdersController(UserManager<IdentityUser> users) => this.users = users;

                [HttpGet]
                public async Task<IActionResult> Mine()
                {
                    var user = await users.GetUserAsync(User);
                    if (user == null)
                    {
                        return Challenge("Bearer");
                    }

                    return Ok(user.Id);
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Missing_user_id_claim_with_early_return_guard_in_razor_page()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class SettingsModel : PageModel
            {
                public IActionResult OnGet()
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    if (userId is not null)
                    {
                        return Page();
                    }

                    return [|Forbid()|];
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public sealed class SettingsModel : PageModel
            {
                public IActionResult OnGet()
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    if (userId is not null)
                    {
                        return Page();
                    }

                    return Challenge();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Minimal_api_Results_and_TypedResults_with_Fix_All()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true ? [|Results.Forbid()|] : Results.Ok());
            app.MapGet("/mine", (HttpContext context) =>
            {
                if (string.IsNullOrEmpty(context.User.FindFirst("sub")?.Value))
                {
                    return [|Results.Forbid()|];
                }

                return Results.Ok();
            });
            app.Run();
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true ? Results.Challenge() : Results.Ok());
            app.MapGet("/mine", (HttpContext context) =>
            {
                if (string.IsNullOrEmpty(context.User.FindFirst("sub")?.Value))
                {
                    return Results.Challenge();
                }

                return Results.Ok();
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
    public async Task TypedResults_union_is_widened_for_Challenge()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public static class ProfileEndpoints
            {
                public static Results<Ok, ForbidHttpResult> Get(ClaimsPrincipal user)
                {
                    if (user.Identity is { IsAuthenticated: false })
                    {
                        return [|TypedResults.Forbid()|];
                    }

                    return TypedResults.Ok();
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            public static class ProfileEndpoints
            {
                public static Results<Ok, ForbidHttpResult, ChallengeHttpResult> Get(ClaimsPrincipal user)
                {
                    if (user.Identity is { IsAuthenticated: false })
                    {
                        return TypedResults.Challenge();
                    }

                    return TypedResults.Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Middleware_status_403_for_anonymous_request_becomes_401()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    [|context.Response.StatusCode = StatusCodes.Status403Forbidden|];
                    return;
                }

                await next(context);
            });
            app.Run();
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
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
    public async Task Forbid_after_failed_authorization_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class DocumentsController : ControllerBase
            {
                private readonly IAuthorizationService authorization;

                public DocumentsController(IAuthorizationService authorization) => this.authorization = authorization;

                [HttpPut("{id}")]
                public async Task<IActionResult> Edit(int id)
                {
                    if ((await authorization.AuthorizeAsync(User, id, "EditPolicy")).Succeeded)
                    {
                        return NoContent();
                    }
                    else if (User.Identity?.IsAuthenticated == true)
                    {
                        return Forbid();
                    }
                    else
                    {
                        return Challenge();
                    }
                }

                [HttpGet]
                public IActionResult Admin() => User.IsInRole("Admin") ? Ok() : Forbid();
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Unknown_or_mixed_authentication_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get(bool locked)
                {
                    if (!User.Identity!.IsAuthenticated || locked)
                    {
                        return Forbid();
                    }

                    if (User.Identity.IsAuthenticated == false && locked)
                    {
                        return Ok();
                    }

                    if (locked)
                    {
                        return StatusCode(403);
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Switch_expression_arm_and_status_code_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class FilesController : ControllerBase
            {
                [HttpGet]
                public IActionResult Download() => User.Identity!.IsAuthenticated switch
                {
                    false => [|StatusCode(StatusCodes.Status403Forbidden)|],
                    true => Ok(),
                };

                [HttpGet("local")]
                public IActionResult Local()
                {
                    return Check();

                    IActionResult Check()
                    {
                        if (User.Identity?.IsAuthenticated != true)
                        {
                            return [|new ForbidResult()|];
                        }

                        return Ok();
                    }
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Status_code_is_replaced_and_result_object_becomes_ChallengeResult_in_filter()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class RequireUserFilter : IAuthorizationFilter
            {
                public void OnAuthorization(AuthorizationFilterContext context)
                {
                    if (!context.HttpContext.User.Identity!.IsAuthenticated)
                    {
                        context.Result = [|new ForbidResult()|];
                    }
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class RequireUserFilter : IAuthorizationFilter
            {
                public void OnAuthorization(AuthorizationFilterContext context)
                {
                    if (!context.HttpContext.User.Identity!.IsAuthenticated)
                    {
                        context.Result = new ChallengeResult();
                    }
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task SignInManager_IsSignedIn_false_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            public sealed class CartController : ControllerBase
            {
                private readonly SignInManager<IdentityUser> signIn;

                public CartController(SignInManager<IdentityUser> signIn) => this.signIn = signIn;

                [HttpPost]
                public IActionResult Checkout()
                {
                    if (!signIn.IsSignedIn(User))
                    {
                        return [|Forbid()|];
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }
}
