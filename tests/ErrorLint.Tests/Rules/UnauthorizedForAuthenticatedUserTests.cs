using System.Threading.Tasks;
using ErrorLint.CodeFixes.Rules;
using ErrorLint.Rules;
using ErrorLint.Tests.Verification;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.UnauthorizedForAuthenticatedUserAnalyzer, ErrorLint.CodeFixes.Rules.UnauthorizedForAuthenticatedUserFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class UnauthorizedForAuthenticatedUserTests
{
    [Fact]
    public async Task Controller_role_check_under_class_authorize_is_fixed_to_Forbid()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            [ApiController]
            public sealed class ReportsController : ControllerBase
            {
                [HttpDelete("{id}")]
                public IActionResult Delete(int id)
                {
                    if (!User.IsInRole("Admin"))
                    {
                        return {|#0:Unauthorized()|};
                    }

                    return NoContent();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            [ApiController]
            public sealed class ReportsController : ControllerBase
            {
                [HttpDelete("{id}")]
                public IActionResult Delete(int id)
                {
                    if (!User.IsInRole("Admin"))
                    {
                        return Forbid();
                    }

                    return NoContent();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = UnauthorizedForAuthenticatedUserFixer.ForbidKey,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0004").WithLocation(0).WithMessage(
                    "401 Unauthorized is sent to a signed-in user because the check 'User.IsInRole(\"Admin\")' failed; answer 403 Forbidden with Forbid()"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Authorization_service_result_on_action_authorize_is_reported_in_async_code()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class Document { public int Id { get; set; } }

            public sealed class DocumentsController : ControllerBase
            {
                private readonly IAuthorizationService authorization;

                public DocumentsController(IAuthorizationService authorization) => this.authorization = authorization;

                [Authorize]
                [HttpPut("{id}")]
                public async Task<IActionResult> Edit(int id)
                {
                    var document = new Document { Id = id };
                    var result = await authorization.AuthorizeAsync(User, document, "EditPolicy");
                    if (!result.Succeeded)
                    {
                        return [|StatusCode(401)|];
                    }

                    return NoContent();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class Document { public int Id { get; set; } }

            public sealed class DocumentsController : ControllerBase
            {
                private readonly IAuthorizationService authorization;

                public DocumentsController(IAuthorizationService authorization) => this.authorization = authorization;

                [Authorize]
                [HttpPut("{id}")]
                public async Task<IActionResult> Edit(int id)
                {
                    var document = new Document { Id = id };
                    var result = await authorization.AuthorizeAsync(User, document, "EditPolicy");
                    if (!result.Succeeded)
                    {
                        return StatusCode(403);
                    }

                    return NoContent();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Failed_sign_in_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            public sealed class LoginModel { public string UserName { get; set; } = ""; public string Password { get; set; } = ""; }

            [Authorize]
            public sealed class AccountController : ControllerBase
            {
                private readonly SignInManager<IdentityUser> signInManager;
                private readonly UserManager<IdentityUser> userManager;

                public AccountController(SignInManager<IdentityUser> signInManager, UserManager<IdentityUser> userManager)
                {
                    this.signInManager = signInManager;
                    this.userManager = userManager;
                }

                [AllowAnonymous]
                [HttpPost("login")]
                public async Task<IActionResult> Login(LoginModel model)
                {
                    var result = await signInManager.PasswordSignInAsync(model.UserName, model.Password, false, false);
                    if (!result.Succeeded)
                    {
                        return Unauthorized();
                    }

                    return Ok();
                }

                [HttpPost("password")]
                public async Task<IActionResult> ChangePassword(LoginModel model)
                {
                    var user = await userManager.FindByNameAsync(model.UserName);
                    if (user is null || !await userManager.CheckPasswordAsync(user, model.Password))
                    {
                        return Unauthorized();
                    }

                    var changed = await userManager.ChangePasswordAsync(user, model.Password, "new");
                    if (!changed.Succeeded)
                    {
                        return Unauthorized();
                    }

                    return NoContent();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Role_check_without_known_authentication_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List()
                {
                    if (!User.IsInRole("Admin"))
                    {
                        return Unauthorized();
                    }

                    return Ok();
                }
            }

            [Authorize]
            public sealed class PublicController : ControllerBase
            {
                [AllowAnonymous]
                [HttpGet]
                public IActionResult Home()
                {
                    if (!User.IsInRole("Admin"))
                    {
                        return Unauthorized();
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Earlier_authentication_guard_establishes_a_signed_in_user()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List()
                {
                    if (User.Identity?.IsAuthenticated != true)
                    {
                        return Unauthorized();
                    }

                    if (!User.HasClaim("permission", "reports.read"))
                    {
                        return [|Unauthorized()|];
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List()
                {
                    if (User.Identity?.IsAuthenticated != true)
                    {
                        return Unauthorized();
                    }

                    if (!User.HasClaim("permission", "reports.read"))
                    {
                        return Forbid();
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Branch_reached_anonymously_too_is_split_into_challenge_or_forbid()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List()
                {
                    if (!User.Identity!.IsAuthenticated || !User.IsInRole("Admin"))
                    {
                        return {|#0:Unauthorized()|};
                    }

                    return Ok();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult List()
                {
                    if (!User.Identity!.IsAuthenticated || !User.IsInRole("Admin"))
                    {
                        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
                    }

                    return Ok();
                }
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = UnauthorizedForAuthenticatedUserFixer.ChallengeOrForbidKey,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic("EL0004").WithLocation(0).WithMessage(
                    "401 Unauthorized is sent to a signed-in user because the check 'User.IsInRole(\"Admin\")' failed; answer 403 Forbidden with Forbid() when the user is signed in, else Challenge()"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Minimal_api_with_RequireAuthorization_is_fixed_in_Results_style_and_Fix_All()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapDelete("/items/{id}", (int id, ClaimsPrincipal user) =>
            {
                if (!user.IsInRole("Admin"))
                {
                    return [|Results.Unauthorized()|];
                }

                return Results.NoContent();
            }).RequireAuthorization();

            var admin = app.MapGroup("/admin").RequireAuthorization();
            admin.MapPost("/reset", (ClaimsPrincipal user) => user.IsInRole("Owner") ? Results.Ok() : [|Results.Unauthorized()|]);
            app.Run();
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.MapDelete("/items/{id}", (int id, ClaimsPrincipal user) =>
            {
                if (!user.IsInRole("Admin"))
                {
                    return Results.Forbid();
                }

                return Results.NoContent();
            }).RequireAuthorization();

            var admin = app.MapGroup("/admin").RequireAuthorization();
            admin.MapPost("/reset", (ClaimsPrincipal user) => user.IsInRole("Owner") ? Results.Ok() : Results.Forbid());
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
    public async Task TypedResults_union_is_widened_for_Forbid()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Http;

            public static class ItemEndpoints
            {
                [Authorize]
                public static Results<Ok, UnauthorizedHttpResult> Archive(ClaimsPrincipal user)
                {
                    if (!user.HasClaim("scope", "items.archive"))
                    {
                        return [|TypedResults.Unauthorized()|];
                    }

                    return TypedResults.Ok();
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Http;

            public static class ItemEndpoints
            {
                [Authorize]
                public static Results<Ok, UnauthorizedHttpResult, ForbidHttpResult> Archive(ClaimsPrincipal user)
                {
                    if (!user.HasClaim("scope", "items.archive"))
                    {
                        return TypedResults.Forbid();
                    }

                    return TypedResults.Ok();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Resource_ownership_against_user_id_claim_in_razor_page_is_reported()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            [Authorize]
            public sealed class EditModel : PageModel
            {
                public string OwnerId { get; set; } = "";

                public IActionResult OnPost()
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    if (OwnerId != userId)
                    {
                        return [|Unauthorized()|];
                    }

                    return Page();
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            [Authorize]
            public sealed class EditModel : PageModel
            {
                public string OwnerId { get; set; } = "";

                public IActionResult OnPost()
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    if (OwnerId != userId)
                    {
                        return Forbid();
                    }

                    return Page();
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Middleware_status_assignment_after_role_check_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            app.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated == true && !context.User.IsInRole("Admin"))
                {
                    [|context.Response.StatusCode = 401|];
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
                if (context.User.Identity?.IsAuthenticated == true && !context.User.IsInRole("Admin"))
                {
                    context.Response.StatusCode = 403;
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
    public async Task Switch_expression_on_permission_service_and_helper_are_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public interface IPermissionService { bool HasPermission(string permission); }

            public static class ApiError
            {
                public static IActionResult NotSignedIn() => new UnauthorizedResult();
            }

            [Authorize]
            public sealed class BillingController : ControllerBase
            {
                private readonly IPermissionService permissions;

                public BillingController(IPermissionService permissions) => this.permissions = permissions;

                [HttpGet]
                public IActionResult Invoices() => permissions.HasPermission("billing.read") switch
                {
                    true => Ok(),
                    false => [|Unauthorized()|],
                };

                [HttpPost]
                public IActionResult Refund()
                {
                    bool canRefund = permissions.HasPermission("billing.refund");
                    if (!canRefund)
                    {
                        return [|ApiError.NotSignedIn()|];
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Missing_credentials_are_not_reported_but_a_local_function_helper_is()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public sealed class TokensController : ControllerBase
            {
                [HttpPost]
                public IActionResult Refresh(string? token)
                {
                    if (string.IsNullOrEmpty(token))
                    {
                        return Unauthorized();
                    }

                    if (!Request.Headers.ContainsKey("Authorization"))
                    {
                        return Unauthorized();
                    }

                    if (User.IsInRole("Admin"))
                    {
                        return Unauthorized();
                    }

                    if (!User.IsInRole("Admin"))
                    {
                        return Challenge();
                    }

                    return Ok();
                }

                [HttpGet]
                public IActionResult Local()
                {
                    IActionResult Deny() => Unauthorized();
                    return User.IsInRole("Admin") ? Ok() : [|Deny()|];
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Unauthorized_with_body_gets_no_helper_swap_but_lambda_local_function_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public IActionResult Export()
                {
                    if (!User.IsInRole("Exporter"))
                    {
                        return [|Unauthorized(new { message = "Exporters only" })|];
                    }

                    return Ok();
                }
            }
            """;
        await Verifier.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task A_second_permission_check_after_the_first_answer_is_reported_too()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Document(int Id, string OwnerId);

            public interface IDocuments
            {
                Task<Document?> FindAsync(int id);
            }

            [Authorize]
            public sealed class DocumentsController(IDocuments documents, IAuthorizationService authorization) : ControllerBase
            {
                [HttpPut("{id}")]
                public async Task<IActionResult> Update(int id)
                {
                    var document = await documents.FindAsync(id);
                    if (document is null)
                    {
                        return NotFound();
                    }

                    if (!User.IsInRole("Editor"))
                    {
                        return Forbid();
                    }

                    var result = await authorization.AuthorizeAsync(User, document, "CanEdit");
                    if (!result.Succeeded)
                    {
                        return [|Unauthorized(new { message = "You may not edit this document." })|];
                    }

                    // Every check on the way here passed: this 401 answers something else.
                    if (document.OwnerId.Length == 0)
                    {
                        return Unauthorized();
                    }

                    return NoContent();
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }
}
