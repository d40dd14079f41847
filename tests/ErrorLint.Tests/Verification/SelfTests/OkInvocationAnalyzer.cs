using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A well-behaved test-only analyzer: reports every call to a method named Ok.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OkInvocationAnalyzer : DiagnosticAnalyzer
    {
        public const string Id = "TST0001";

        internal static readonly DiagnosticDescriptor Rule = new(
            Id, "Ok call", "'Ok' called with {0} argument(s)", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Analyze, OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name == "Ok")
            {
                context.ReportDiagnostic(RoslynDiagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.Arguments.Length));
            }
        }
    }
}
