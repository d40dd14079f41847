using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using OutputKind = Microsoft.CodeAnalysis.OutputKind;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.ExceptionHandlingMiswiredAnalyzer, ErrorLint.CodeFixes.Rules.ExceptionHandlingMiswiredFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class ExceptionHandlingMiswiredTests
{
    private const string Handler = """

        public sealed class GlobalHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
        {
            public System.Threading.Tasks.ValueTask<bool> TryHandleAsync(
                Microsoft.AspNetCore.Http.HttpContext httpContext, System.Exception exception, System.Threading.CancellationToken cancellationToken)
                => System.Threading.Tasks.ValueTask.FromResult(false);
        }
        """;

    [Fact]
    public async Task UseExceptionHandler_without_problem_details_gets_AddProblemDetails_before_Build()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddExceptionHandler<GlobalHandler>();
            var app = builder.Build();
            {|#0:app.UseExceptionHandler()|};
            app.Run();
            """ + Handler;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddExceptionHandler<GlobalHandler>();
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.Run();
            """ + Handler;

        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic(Descriptors.EL0016UseExceptionHandlerWithoutHandler).WithLocation(0).WithMessage(
                    "UseExceptionHandler() has no handler, no path and no problem details service, so the application throws when it starts; register them with AddProblemDetails()"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task A_registered_handler_without_the_middleware_gets_UseExceptionHandler_after_Build()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            {|#0:builder.Services.AddExceptionHandler<GlobalHandler>()|};
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """ + Handler;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<GlobalHandler>();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.MapGet("/", () => "ok");
            app.Run();
            """ + Handler;

        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic(Descriptors.EL0016ExceptionHandlerNeverRuns).WithLocation(0).WithArguments("GlobalHandler"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Startup_classes_get_the_line_in_ConfigureServices_and_Configure()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    [|app.UseExceptionHandler()|];
                    app.UseRouting();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddProblemDetails();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseExceptionHandler();
                    app.UseRouting();
                }
            }
            """;

        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        }.RunAsync();
    }

    [Fact]
    public async Task Configured_handlers_paths_problem_details_and_registrations_out_of_sight_are_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class WithPath
            {
                public static void Configure(WebApplication app)
                {
                    app.UseExceptionHandler("/error");
                    app.UseExceptionHandler(errorApp => errorApp.Run(context => context.Response.WriteAsync("failed")));
                    app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error" });
                }
            }

            public static class WithOptions
            {
                public static void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<ExceptionHandlerOptions>(options => options.ExceptionHandlingPath = "/error");
                }

                public static void Configure(IApplicationBuilder app) => app.UseExceptionHandler();
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_handler_registered_with_the_middleware_elsewhere_in_the_compilation_is_not_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Services
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddProblemDetails();
                    services.AddExceptionHandler<GlobalHandler>();
                }
            }

            public static class Pipeline
            {
                public static void Use(WebApplication app) => app.UseExceptionHandler();
            }
            """ + Handler;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_that_does_not_bind_may_be_the_missing_registration()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Pipeline
            {
                public static void Configure(IServiceCollection services, IApplicationBuilder app)
                {
                    services.{|CS1061:AddInfrastructure|}();
                    app.UseExceptionHandler();
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }
}
