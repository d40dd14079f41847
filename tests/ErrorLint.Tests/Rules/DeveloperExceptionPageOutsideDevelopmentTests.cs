using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using OutputKind = Microsoft.CodeAnalysis.OutputKind;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<
    ErrorLint.Rules.DeveloperExceptionPageOutsideDevelopmentAnalyzer,
    ErrorLint.CodeFixes.Rules.DeveloperExceptionPageOutsideDevelopmentFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class DeveloperExceptionPageOutsideDevelopmentTests
{
    [Fact]
    public async Task Top_level_unconditional_call_is_reported_and_wrapped()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|#0:app.UseDeveloperExceptionPage()|};
            app.Run();
            """;

        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.Run();
            """;

        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment).WithLocation(0).WithMessage("UseDeveloperExceptionPage() is reached outside development; wrap it in an IsDevelopment() check"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Startup_Configure_is_wrapped_with_environment_parameter()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    [|app.UseDeveloperExceptionPage()|];
                    app.UseRouting();
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    app.UseRouting();
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Guarded_calls_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/error");
                    }

                    if (env.EnvironmentName == "Development")
                        app.UseDeveloperExceptionPage();

                    if (env.IsEnvironment(Environments.Development) && app.Properties.Count > 0)
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WebApplication_guard_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.CreateBuilder(args).Build();
            var isDevelopment = app.Environment.IsDevelopment();
            if (isDevelopment)
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """;

        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Early_return_guard_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            public static class DevelopmentPipeline
            {
                public static void UseDevelopmentTools(this WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        return;
                    }

                    app.UseDeveloperExceptionPage();
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Debug_directive_and_convention_methods_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
            #if DEBUG
                    app.UseDeveloperExceptionPage();
            #endif
                }

                public void ConfigureDevelopment(IApplicationBuilder app)
                {
                    app.UseDeveloperExceptionPage();
                }
            }

            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseDeveloperExceptionPage();
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Inverted_guard_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsProduction())
                    {
                        app.UseExceptionHandler("/error");
                    }
                    else
                    {
                        [|app.UseDeveloperExceptionPage()|];
                    }
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsProduction())
                    {
                        app.UseExceptionHandler("/error");
                    }
                    else
                    {
                        if (env.IsDevelopment())
                        {
                            app.UseDeveloperExceptionPage();
                        }
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Page_after_exception_handler_is_reported_with_order_message_without_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    app.UseExceptionHandler("/error");
                    if (app.Environment.IsDevelopment())
                    {
                        {|#0:app.UseDeveloperExceptionPage()|};
                    }
                }
            }
            """;

        var expected = Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageAfterExceptionHandler).WithLocation(0).WithMessage(
            "UseDeveloperExceptionPage() is registered after UseExceptionHandler(), so it catches exceptions first; register it before the exception handler, in a development-only branch");
        await Verifier.VerifyAnalyzerAsync(source, expected);
        await Verifier.VerifyNoCodeFixAsync(source, expected);
    }

    [Fact]
    public async Task Exception_handler_only_in_production_branch_is_not_an_order_problem()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        app.UseExceptionHandler("/error");
                    }

                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Chained_call_is_reported_without_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static IApplicationBuilder Configure(IApplicationBuilder app)
                    => [|app.UseDeveloperExceptionPage()|].UseRouting();
            }
            """;

        await Verifier.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Host_environment_field_is_used_by_fix_and_Fix_All_wraps_every_call()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            public sealed class Pipeline
            {
                private readonly IHostEnvironment environment;

                public Pipeline(IHostEnvironment environment) => this.environment = environment;

                public void Configure(IApplicationBuilder app)
                {
                    [|app.UseDeveloperExceptionPage()|];
                }

                public void ConfigureAdmin(IApplicationBuilder admin)
                {
                    [|admin.UseDeveloperExceptionPage()|];
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            public sealed class Pipeline
            {
                private readonly IHostEnvironment environment;

                public Pipeline(IHostEnvironment environment) => this.environment = environment;

                public void Configure(IApplicationBuilder app)
                {
                    if (environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }

                public void ConfigureAdmin(IApplicationBuilder admin)
                {
                    if (environment.IsDevelopment())
                    {
                        admin.UseDeveloperExceptionPage();
                    }
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task No_environment_in_scope_has_no_fix()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static void Configure(IApplicationBuilder app)
                {
                    [|app.UseDeveloperExceptionPage()|];
                }
            }
            """;

        await Verifier.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Console_app_without_ASP_NET_Core_usage_is_not_reported()
    {
        const string source = """
            public static class Pipeline
            {
                public static void UseDeveloperExceptionPage(object app) { }

                public static void Configure(object app) => UseDeveloperExceptionPage(app);
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Local_and_Docker_environments_and_the_legacy_hosting_environment_guard_like_Development()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and still found in older applications.
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
            #pragma warning restore CS0618
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    if (app.Environment.IsEnvironment("Local"))
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    if (app.Environment.IsDevelopment() || app.Environment.EnvironmentName == "Docker")
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    if (!app.Environment.IsEnvironment("Local"))
                    {
                        app.UseExceptionHandler("/error");
                    }
                    else
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_staging_guard_or_a_compound_with_production_does_not_make_code_development_only()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    if (app.Environment.IsEnvironment("Staging"))
                    {
                        {|#0:app.UseDeveloperExceptionPage()|};
                    }

                    if (app.Environment.IsDevelopment() || app.Environment.IsProduction())
                    {
                        {|#1:app.UseDeveloperExceptionPage()|};
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment).WithLocation(0).WithArguments("UseDeveloperExceptionPage"),
            Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment).WithLocation(1).WithArguments("UseDeveloperExceptionPage"));
    }

    [Fact]
    public async Task A_setting_that_falls_back_to_the_development_environment_guards_like_Development()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public enum ErrorPageMode
            {
                Off,
                DevelopmentOnly,
                On,
            }

            public sealed class DebugSettings
            {
                public ErrorPageMode Mode { get; set; }

                public bool? ShowErrorPage { get; set; }

                public bool CanShowErrorPage(IWebHostEnvironment env)
                    => Mode == ErrorPageMode.On || (Mode == ErrorPageMode.DevelopmentOnly && env.IsDevelopment());

                public bool AlwaysShowErrorPage() => Mode != ErrorPageMode.Off;
            }

            public static class Pipeline
            {
                public static void Configure(WebApplication app, DebugSettings settings)
                {
                    if (settings.CanShowErrorPage(app.Environment))
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    var useErrorPage = settings.ShowErrorPage ?? app.Environment.IsDevelopment();
                    if (useErrorPage)
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/Error");
                    }
                }

                public static void ConfigureAlways(WebApplication app, DebugSettings settings)
                {
                    if (settings.AlwaysShowErrorPage())
                    {
                        {|#0:app.UseDeveloperExceptionPage()|};
                    }

                    if ((settings.ShowErrorPage ?? app.Environment.IsDevelopment()) || app.Environment.IsStaging())
                    {
                        {|#1:app.UseDeveloperExceptionPage()|};
                    }
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(
            source,
            Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment).WithLocation(0).WithArguments("UseDeveloperExceptionPage"),
            Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment).WithLocation(1).WithArguments("UseDeveloperExceptionPage"));
    }

    [Fact]
    public async Task A_member_with_a_configured_development_only_attribute_is_not_reported()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;

            public sealed class TestHostOnlyAttribute : Attribute
            {
            }

            public static class Pipeline
            {
                [TestHostOnly]
                public static void ConfigureTestHost(IApplicationBuilder app)
                {
                    app.UseDeveloperExceptionPage();
                }

                public static void Configure(IApplicationBuilder app)
                {
                    {|#0:app.UseDeveloperExceptionPage()|};
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nerrorlint.development_only_attributes = TestHostOnly") } },
            ExpectedDiagnostics = { Verifier.Diagnostic(Descriptors.EL0011DeveloperExceptionPageOutsideDevelopment).WithLocation(0).WithArguments("UseDeveloperExceptionPage") },
        }.RunAsync();
    }

    [Fact]
    public async Task A_trailing_comment_stays_on_the_wrapped_call()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    [|app.UseDeveloperExceptionPage()|]; // full errors while the beta runs
                    app.UseRouting();
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage(); // full errors while the beta runs
                    }
                    app.UseRouting();
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }
}
