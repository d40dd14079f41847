using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0016: exception handling wired so that it fails or never runs, read from the start-up code of the whole compilation:
/// <c>UseExceptionHandler()</c> with no handler, no path, no configured <c>ExceptionHandlerOptions</c> and no
/// <c>AddProblemDetails()</c> (it throws when the pipeline is built), and <c>AddExceptionHandler&lt;T&gt;()</c> with no
/// <c>UseExceptionHandler</c> anywhere (the handler never runs). Silent when a registration it needs may happen where it
/// cannot see it: an extension method of a library on the services or the application builder, or code that does not bind.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionHandlingMiswiredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming what the fix adds: <see cref="AddProblemDetails"/> or <see cref="AddMiddleware"/>.</summary>
    public const string MissingProperty = "ErrorLint.Missing";

    public const string AddProblemDetails = "AddProblemDetails";

    public const string AddMiddleware = "UseExceptionHandler";

    private static readonly ImmutableDictionary<string, string?> ProblemDetailsMissing = ImmutableDictionary<string, string?>.Empty.Add(MissingProperty, AddProblemDetails);

    private static readonly ImmutableDictionary<string, string?> MiddlewareMissing = ImmutableDictionary<string, string?>.Empty.Add(MissingProperty, AddMiddleware);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.EL0016UseExceptionHandlerWithoutHandler, Descriptors.EL0016ExceptionHandlerNeverRuns);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { Types: { ApplicationBuilder: not null, ServiceCollection: not null } types })
            {
                return;
            }

            var wiring = new Wiring();
            start.RegisterOperationAction(c => wiring.Read((IInvocationOperation)c.Operation, types), OperationKind.Invocation);
            start.RegisterOperationAction(_ => wiring.SeesUnboundCode(), OperationKind.Invalid);
            start.RegisterCompilationEndAction(wiring.Report);
        });
    }

    /// <summary>What the start-up code registers and adds, gathered from every invocation of the compilation.</summary>
    private sealed class Wiring
    {
        private readonly ConcurrentBag<IInvocationOperation> bareHandlers = new();
        private readonly ConcurrentBag<(IInvocationOperation Call, string Handler)> registeredHandlers = new();
        private int problemDetails;
        private int configuredOptions;
        private int middleware;
        private int unknownServices;
        private int unknownPipeline;

        public void Read(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "UseExceptionHandler":
                    Interlocked.Exchange(ref middleware, 1);
                    if (method.Parameters.Length == 1 && method.IsExtensionMethod)
                    {
                        bareHandlers.Add(invocation);
                    }

                    return;
                case "AddProblemDetails":
                    Interlocked.Exchange(ref problemDetails, 1);
                    return;
                case "AddExceptionHandler" when method.IsGenericMethod && method.Parameters.Length == 1:
                    registeredHandlers.Add((invocation, method.TypeArguments[0].Name));
                    return;
                case "AddExceptionHandler":
                    // AddExceptionHandler(options => ...) configures the middleware's handler or path.
                    Interlocked.Exchange(ref configuredOptions, 1);
                    return;
                case "Configure" or "PostConfigure" or "AddOptions" or "ConfigureOptions"
                    when method.IsGenericMethod && method.TypeArguments.Length > 0 && method.TypeArguments[0].Is(types.ExceptionHandlerOptions):
                    Interlocked.Exchange(ref configuredOptions, 1);
                    return;
            }

            // A library's own extension may register problem details or add the middleware out of sight. Most extension
            // calls are LINQ and string helpers: the receiver answers them before the method's namespace is formatted.
            if (!method.IsExtensionMethod || method.Parameters.Length == 0)
            {
                return;
            }

            var receiver = method.Parameters[0].Type;
            var onServices = receiver.Implements(types.ServiceCollection) || receiver.Name is "WebApplicationBuilder" or "IHostApplicationBuilder" or "IHostBuilder" or "IWebHostBuilder";
            var onPipeline = receiver.Implements(types.ApplicationBuilder) || receiver.Name is "WebApplication" or "IEndpointRouteBuilder";
            if ((onServices || onPipeline) && !IsFrameworkOrSource(method, invocation.SemanticModel?.Compilation))
            {
                if (onServices)
                {
                    Interlocked.Exchange(ref unknownServices, 1);
                }

                if (onPipeline)
                {
                    Interlocked.Exchange(ref unknownPipeline, 1);
                }
            }
        }

        /// <summary>Code that does not bind (a half-restored project) may be the registration this rule looks for.</summary>
        public void SeesUnboundCode()
        {
            Interlocked.Exchange(ref unknownServices, 1);
            Interlocked.Exchange(ref unknownPipeline, 1);
        }

        public void Report(CompilationAnalysisContext context)
        {
            if (problemDetails == 0 && configuredOptions == 0 && unknownServices == 0)
            {
                foreach (var call in bareHandlers)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0016UseExceptionHandlerWithoutHandler, call.Syntax.GetLocation(), ProblemDetailsMissing));
                }
            }

            if (middleware == 0 && unknownPipeline == 0)
            {
                foreach (var (call, handler) in registeredHandlers)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0016ExceptionHandlerNeverRuns, call.Syntax.GetLocation(), MiddlewareMissing, handler));
                }
            }
        }

        private static bool IsFrameworkOrSource(IMethodSymbol method, Compilation? compilation)
        {
            if (compilation is not null && method.IsDeclaredIn(compilation))
            {
                return true;
            }

            var name = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal) || name == "Microsoft";
        }
    }
}
