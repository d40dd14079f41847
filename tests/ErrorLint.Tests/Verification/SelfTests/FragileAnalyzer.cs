using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// A test-only analyzer that works on finished code but assumes Ok always has an argument: it throws on
    /// half-typed code such as "Ok(", which only the typing simulation shows.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FragileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(OkInvocationAnalyzer.Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var invocation = (InvocationExpressionSyntax)c.Node;
                    if (invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "Ok" })
                    {
                        var first = invocation.ArgumentList.Arguments[0];
                        c.ReportDiagnostic(RoslynDiagnostic.Create(OkInvocationAnalyzer.Rule, invocation.GetLocation(), first.ToString().Length));
                    }
                },
                SyntaxKind.InvocationExpression);
        }
    }
}
