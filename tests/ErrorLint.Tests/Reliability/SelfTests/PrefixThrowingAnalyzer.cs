using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Reliability.SelfTests;

/// <summary>
/// A test-only analyzer that works on finished code but assumes Ok always has an argument: it throws on
/// half-typed code such as "Ok(", which only a prefix of the source shows.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrefixThrowingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(OkCallAnalyzer.Rule);

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
                    c.ReportDiagnostic(Diagnostic.Create(OkCallAnalyzer.Rule, invocation.GetLocation(), first.ToString().Length));
                }
            },
            SyntaxKind.InvocationExpression);
    }
}
