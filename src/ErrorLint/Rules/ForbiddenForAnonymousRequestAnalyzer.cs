using System.Collections.Immutable;
using ErrorLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>EL0005: 403 Forbidden answered where the request is known not to be authenticated.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForbiddenForAnonymousRequestAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0005ForbiddenForAnonymousRequest);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model)
            {
                return;
            }

            var facts = AuthenticationFacts.For(model);
            start.RegisterOperationAction(
                c => Analyze(c, model, facts), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ResponseModel model, AuthenticationFacts facts)
    {
        var response = model.Describe(context.Operation, context.CancellationToken);
        if (response is not { StatusCode: 403 } || response.StatusOrigin == StatusOrigin.Unknown)
        {
            return;
        }

        if (facts.OnPathTo(context.Operation).Definite(AuthFactKind.Authenticated, false) is not { } anonymous)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EL0005ForbiddenForAnonymousRequest,
            response.Operation.Syntax.GetLocation(),
            anonymous.Describe(),
            AuthenticationFacts.HelperText(response.Style, "Challenge", 401)));
    }
}
