using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using DevelopmentPage = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.DeveloperExceptionPageOutsideDevelopmentAnalyzer,
    ErrorLint.CodeFixes.Rules.DeveloperExceptionPageOutsideDevelopmentFixer>;
using ForbiddenForAnonymous = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.ForbiddenForAnonymousRequestAnalyzer,
    ErrorLint.CodeFixes.Rules.ForbiddenForAnonymousRequestFixer>;
using ValidationAsServerError = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.ValidationFailureAsServerErrorAnalyzer,
    ErrorLint.CodeFixes.Rules.ValidationFailureAsServerErrorFixer>;

namespace ErrorLint.Tests.Conditions;

/// <summary>
/// Authentication, validation and development guards share one condition reader and one path walker, so a shape one
/// concern understands, every concern understands: early exits by <c>continue</c>, switch arms, catch filters,
/// <c>is true</c>, and boolean locals that are assigned again (whose value is then unknown).
/// </summary>
public sealed class PathWalkerTests
{
    [Fact]
    public Task Validation_failed_after_a_continue_guard_is_reported() => ValidationAsServerError.VerifyAnalyzerAsync(
        """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ImportController : ControllerBase
        {
            public IActionResult Post(List<string> rows)
            {
                foreach (var row in rows)
                {
                    if (TryValidateModel(row))
                    {
                        continue;
                    }

                    return [|StatusCode(500, "A row is invalid")|];
                }

                return Ok();
            }
        }
        """);

    [Fact]
    public Task Validation_failed_in_a_switch_arm_is_reported() => ValidationAsServerError.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class SignupController : ControllerBase
        {
            public IActionResult Post(string name)
                => ModelState.IsValid switch
                {
                    true => Ok(),
                    false => [|StatusCode(500, "The name is invalid")|],
                };
        }
        """);

    [Fact]
    public Task Forbid_in_a_catch_filtered_on_an_anonymous_user_is_reported() => ForbiddenForAnonymous.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ReportsController : ControllerBase
        {
            public IActionResult Get(Func<string> load)
            {
                try
                {
                    return Ok(load());
                }
                catch (UnauthorizedAccessException) when (!User.Identity!.IsAuthenticated)
                {
                    return [|Forbid()|];
                }
            }
        }
        """);

    [Fact]
    public Task A_local_assigned_again_says_nothing_about_the_user() => ForbiddenForAnonymous.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public sealed class ReportsController : ControllerBase
        {
            public IActionResult Get(string? apiKey)
            {
                var trusted = User.Identity!.IsAuthenticated;
                if (apiKey == "partner")
                {
                    trusted = true;
                }

                if (!trusted)
                {
                    return Forbid();
                }

                return Ok();
            }
        }
        """);

    [Fact]
    public Task Development_check_written_with_is_true_is_a_guard() => new DevelopmentPage.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.CreateBuilder(args).Build();
            if (app.Environment.IsDevelopment() is true)
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task Environment_name_compared_with_its_own_Equals_is_a_guard() => new DevelopmentPage.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.CreateBuilder(args).Build();
            if (app.Environment.EnvironmentName.Equals("Development"))
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task The_applications_own_IsDevelopment_is_a_guard_and_another_condition_is_not() => new DevelopmentPage.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;

            public sealed class DeploymentSettings
            {
                public bool IsDevelopment() => true;
            }

            public static class Pipeline
            {
                public static void Configure(WebApplication app, DeploymentSettings settings, System.Version version)
                {
                    if (settings.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    if (version.Equals(new System.Version(1, 0)))
                    {
                        [|app.UseDeveloperExceptionPage()|];
                    }
                }
            }
            """,
    }.RunAsync();
}
