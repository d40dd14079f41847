using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A test-only analyzer whose only rule is disabled by default: the verifier must still run it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OffByDefaultAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            "TST0004", "Ok call (opt-in)", "'Ok' called", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name == "Ok")
                    {
                        c.ReportDiagnostic(RoslynDiagnostic.Create(Rule, invocation.Syntax.GetLocation()));
                    }
                },
                OperationKind.Invocation);
        }
    }
}
