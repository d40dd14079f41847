using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A test-only analyzer with two ids (TST0001 for Ok, TST0003 for NoContent): [|...|] is ambiguous for it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TwoIdAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor NoContentRule = new(
            "TST0003", "NoContent call", "'NoContent' called", "Test", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(OkInvocationAnalyzer.Rule, NoContentRule);

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
                        c.ReportDiagnostic(RoslynDiagnostic.Create(OkInvocationAnalyzer.Rule, invocation.Syntax.GetLocation(), invocation.Arguments.Length));
                    }
                    else if (invocation.TargetMethod.Name == "NoContent")
                    {
                        c.ReportDiagnostic(RoslynDiagnostic.Create(NoContentRule, invocation.Syntax.GetLocation()));
                    }
                },
                OperationKind.Invocation);
        }
    }
}
