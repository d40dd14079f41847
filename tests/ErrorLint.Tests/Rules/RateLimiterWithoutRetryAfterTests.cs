using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using OutputKind = Microsoft.CodeAnalysis.OutputKind;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Rules.RateLimiterWithoutRetryAfterAnalyzer, ErrorLint.CodeFixes.Rules.RateLimiterWithoutRetryAfterFixer>;

namespace ErrorLint.Tests.Rules;

public sealed class RateLimiterWithoutRetryAfterTests
{
    [Fact]
    public async Task Top_level_AddRateLimiter_without_OnRejected_adds_OnRejected_and_status_429()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(options =>
            {
                options.AddFixedWindowLimiter("api", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromMinutes(1);
                });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """;
        const string fixedSource = """
            using System;
            using System.Globalization;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.AddFixedWindowLimiter("api", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromMinutes(1);
                });
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = (context, cancellationToken) =>
                {
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    }

                    return ValueTask.CompletedTask;
                };
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic(Descriptors.EL0008RateLimiterWithoutRetryAfter).WithLocation(0).WithMessage(
                    "The rate limiter rejects requests with status 503 and no Retry-After header (no OnRejected callback is set); set it in OnRejected from the lease's MetadataName.RetryAfter"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_configuration_becomes_a_block()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(o => o.AddConcurrencyLimiter("reports", c => c.PermitLimit = 4));
            builder.Build().Run();
            """;
        const string fixedSource = """
            using System;
            using System.Globalization;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o =>
            {
                o.AddConcurrencyLimiter("reports", c => c.PermitLimit = 4);
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.OnRejected = (context, cancellationToken) =>
                {
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    }

                    return ValueTask.CompletedTask;
                };
            });
            builder.Build().Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics =
            {
                Verifier.Diagnostic(Descriptors.EL0008RateLimiterWithoutRetryAfter).WithLocation(0).WithArguments("503", "no OnRejected callback is set"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Startup_OnRejected_that_only_writes_a_body_is_extended()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        {|#0:options.OnRejected|} = async (context, token) =>
                        {
                            await context.HttpContext.Response.WriteAsync("Too many requests.", token);
                        };
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Globalization;
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.OnRejected = async (context, token) =>
                        {
                            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                            {
                                context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                            }

                            await context.HttpContext.Response.WriteAsync("Too many requests.", token);
                        };
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(
            source,
            Verifier.Diagnostic(Descriptors.EL0008RateLimiterWithoutRetryAfter).WithLocation(0).WithMessage(
                "The rate limiter rejects requests with status 429 and no Retry-After header (OnRejected never sets it); set it in OnRejected from the lease's MetadataName.RetryAfter"),
            fixedSource);
    }

    [Fact]
    public async Task Expression_bodied_OnRejected_is_extended_and_the_default_status_replaced()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                [|options.OnRejected|] = (context, token) => new ValueTask(context.HttpContext.Response.WriteAsync("Slow down.", token));
            });
            builder.Build().Run();
            """;
        const string fixedSource = """
            using System.Globalization;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = (context, token) =>
                {
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    }

                    return new ValueTask(context.HttpContext.Response.WriteAsync("Slow down.", token));
                };
            });
            builder.Build().Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task OnRejected_copying_the_lease_metadata_is_not_reported()
    {
        const string source = """
            using System.Globalization;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Net.Http.Headers;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = async (context, token) =>
                {
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        context.HttpContext.Response.Headers.Append(HeaderNames.RetryAfter, ((int)retryAfter.TotalSeconds).ToString(NumberFormatInfo.InvariantInfo));
                    }

                    await context.HttpContext.Response.WriteAsync("Too many requests.", token);
                };
            });
            builder.Build().Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Method_group_OnRejected_is_read_like_a_lambda()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public static class RateLimiting
            {
                public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
                    => services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = 429;
                        [|options.OnRejected|] = WriteRejection;
                    });

                public static IServiceCollection AddAdminRateLimiting(this IServiceCollection services)
                    => services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = 429;
                        options.OnRejected = WriteRejectionWithRetryAfter;
                    });

                private static ValueTask WriteRejection(OnRejectedContext context, CancellationToken token)
                    => new(context.HttpContext.Response.WriteAsync("Rejected", token));

                private static ValueTask WriteRejectionWithRetryAfter(OnRejectedContext context, CancellationToken token)
                {
                    context.HttpContext.Response.Headers.RetryAfter = "10";
                    return ValueTask.CompletedTask;
                }
            }
            """;
        await Verifier.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task OnRejected_through_helpers_is_not_reported()
    {
        const string source = """
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
                options.OnRejected = (context, token) =>
                {
                    RejectionHeaders.Apply(context);
                    return ValueTask.CompletedTask;
                };
            });
            builder.Services.AddRateLimiter(options =>
            {
                options.OnRejected = (context, token) =>
                {
                    RejectionHeaders.SetRetryAfter(context.HttpContext, 30);
                    return ValueTask.CompletedTask;
                };
            });
            builder.Build().Run();

            static class RejectionHeaders
            {
                public static void Apply(OnRejectedContext context)
                {
                    if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    {
                        context.HttpContext.Response.Headers["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString();
                    }
                }

                public static void SetRetryAfter(HttpContext context, int seconds) => context.Response.Headers.RetryAfter = seconds.ToString();
            }
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Configure_and_add_options_are_checked_too()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Limits
            {
                public static void Register(IServiceCollection services)
                {
                    services.[|Configure|]<RateLimiterOptions>(options => options.RejectionStatusCode = 429);
                }

                public static void RegisterWithOptionsBuilder(IServiceCollection services)
                {
                    services.AddOptions<RateLimiterOptions>().Configure(options =>
                    {
                        [|options.OnRejected|] = (context, token) => ValueTask.CompletedTask;
                    });
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OnRejected_set_by_another_Configure_call_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => o.PermitLimit = 10));
            builder.Services.Configure<RateLimiterOptions>(options =>
            {
                options.OnRejected = (context, token) =>
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    return ValueTask.CompletedTask;
                };
            });
            builder.Build().Run();
            """;
        await new Verifier.Test
        {
            TestCode = source,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync();
    }

    [Fact]
    public async Task Options_handed_to_the_applications_own_code_or_unreadable_callbacks_are_not_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Limits
            {
                public static Func<OnRejectedContext, CancellationToken, ValueTask>? SharedRejection { get; set; }

                public static void Register(IServiceCollection services, Action<RateLimiterOptions> configure)
                {
                    services.AddRateLimiter(options => ConfigurePolicies(options));
                    services.AddRateLimiter(options => options.OnRejected = SharedRejection);
                    services.AddRateLimiter(configure);
                }

                private static void ConfigurePolicies(RateLimiterOptions options) => options.RejectionStatusCode = 429;
            }
            """;
        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_All_adds_OnRejected_to_every_limiter()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public class PublicApiStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.[|AddRateLimiter|](options =>
                    {
                        options.AddSlidingWindowLimiter("public", o => o.PermitLimit = 50);
                    });
                }
            }

            public class PartnerApiStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.[|AddRateLimiter|](limits =>
                    {
                        limits.RejectionStatusCode = 429;
                        limits.AddTokenBucketLimiter("partner", o => o.TokenLimit = 500);
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Globalization;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public class PublicApiStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.AddSlidingWindowLimiter("public", o => o.PermitLimit = 50);
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.OnRejected = (context, cancellationToken) =>
                        {
                            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                            {
                                context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                            }

                            return ValueTask.CompletedTask;
                        };
                    });
                }
            }

            public class PartnerApiStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(limits =>
                    {
                        limits.RejectionStatusCode = 429;
                        limits.AddTokenBucketLimiter("partner", o => o.TokenLimit = 500);
                        limits.OnRejected = (context, cancellationToken) =>
                        {
                            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                            {
                                context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                            }

                            return ValueTask.CompletedTask;
                        };
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Names_already_in_scope_are_not_shadowed()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Limits
            {
                public static void Register(IServiceCollection services, HttpContext context)
                {
                    services.[|AddRateLimiter|](options => { options.RejectionStatusCode = 429; });
                }
            }
            """;
        const string fixedSource = """
            using System.Globalization;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public static class Limits
            {
                public static void Register(IServiceCollection services, HttpContext context)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = 429;
                        options.OnRejected = (rejectedContext, cancellationToken) =>
                        {
                            if (rejectedContext.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                            {
                                rejectedContext.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                            }

                            return ValueTask.CompletedTask;
                        };
                    });
                }
            }
            """;
        await Verifier.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task A_policy_class_whose_OnRejected_sets_Retry_After_is_not_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class ApiPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    return ValueTask.CompletedTask;
                };

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("api", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) });
            }

            public sealed class UploadPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
                {
                    context.HttpContext.Response.Headers["Retry-After"] = "120";
                    return ValueTask.CompletedTask;
                };

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("upload", _ => new FixedWindowRateLimiterOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) });
            }

            public static class Limits
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.AddPolicy<string, ApiPolicy>("api");
                    });

                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.AddPolicy("upload", new UploadPolicy());
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_policy_class_whose_OnRejected_sets_nothing_is_still_reported()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class ApiPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("api", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) });
            }

            public static class Limits
            {
                public static void Add(IServiceCollection services)
                {
                    services.{|#0:AddRateLimiter|}(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.AddPolicy<string, ApiPolicy>("api");
                    });
                }
            }
            """;

        await Verifier.VerifyAnalyzerAsync(source, Verifier.Diagnostic(Descriptors.EL0008RateLimiterWithoutRetryAfter).WithLocation(0).WithArguments("429", "no OnRejected callback is set"));
    }

    [Fact]
    public async Task OnRejected_set_by_an_options_class_is_not_reported_and_one_that_sets_only_the_status_is()
    {
        const string withCallback = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;

            public sealed class ConfigureLimiter : IConfigureOptions<RateLimiterOptions>
            {
                public void Configure(RateLimiterOptions options)
                {
                    options.RejectionStatusCode = 429;
                    options.OnRejected = (context, token) =>
                    {
                        context.HttpContext.Response.Headers.RetryAfter = "60";
                        return ValueTask.CompletedTask;
                    };
                }
            }

            public static class Limits
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddRateLimiter(_ => { });
                    services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureLimiter>();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(withCallback);

        const string statusOnly = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;

            public sealed class ConfigureLimiter : IConfigureOptions<RateLimiterOptions>
            {
                public void Configure(RateLimiterOptions options) => options.RejectionStatusCode = 429;
            }

            public static class Limits
            {
                public static void Add(IServiceCollection services)
                {
                    services.{|#0:AddRateLimiter|}(_ => { });
                    services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureLimiter>();
                }
            }
            """;
        await Verifier.VerifyAnalyzerAsync(statusOnly, Verifier.Diagnostic(Descriptors.EL0008RateLimiterWithoutRetryAfter).WithLocation(0).WithArguments("503", "no OnRejected callback is set"));
    }

    [Fact]
    public async Task A_policy_added_through_its_partitioner_is_reported_and_added_itself()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class ApiPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    return ValueTask.CompletedTask;
                };

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("api", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) });
            }

            public static class Limits
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.AddPolicy("api", {|#0:context => new ApiPolicy().GetPartition(context)|});
                    });
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.RateLimiting;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class ApiPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    return ValueTask.CompletedTask;
                };

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetFixedWindowLimiter("api", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) });
            }

            public static class Limits
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.AddPolicy("api", new ApiPolicy());
                    });
                }
            }
            """;

        await Verifier.VerifyCodeFixAsync(
            source,
            Verifier.Diagnostic(Descriptors.EL0008PolicyCallbackBypassed).WithLocation(0).WithMessage(
                "AddPolicy takes only the partition of ApiPolicy, so ApiPolicy.OnRejected, which sets Retry-After, never runs; pass the policy itself (AddPolicy(name, new ApiPolicy()))"),
            fixedSource);
    }
}
