using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Tests.Reliability.SelfTests;

/// <summary>A well-behaved test-only analyzer: reports every call to a method named Ok.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OkCallAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "TST0001";

    /// <summary>A controller with one Ok call: one diagnostic, and half-typed prefixes such as "Ok(".</summary>
    public const string Source = """
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Get() => Ok(42);
        }
        """;

    internal static readonly DiagnosticDescriptor Rule = new(
        Id, "Ok call", "'Ok' called with {0} argument(s)", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(Report, OperationKind.Invocation);
    }

    /// <summary>Reports the invocation if it calls Ok.</summary>
    internal static void Report(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name == "Ok")
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.Arguments.Length));
        }
    }
}
