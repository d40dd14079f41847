using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>A test-only analyzer that puts the option errorlint_selftest.note of the call's file into its message.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OptionAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            "TST0005", "Ok call with note", "note: {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

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
                        var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(invocation.Syntax.SyntaxTree);
                        var note = options.TryGetValue("errorlint_selftest.note", out var value) ? value : "(none)";
                        c.ReportDiagnostic(RoslynDiagnostic.Create(Rule, invocation.Syntax.GetLocation(), note));
                    }
                },
                OperationKind.Invocation);
        }
    }
}
