using System.Collections.Immutable;
using ErrorLint.Facts.Authentication;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>EL0005: 403 Forbidden answered where the request is known not to be authenticated.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForbiddenForAnonymousRequestAnalyzer : DiagnosticAnalyzer
{
    private const int MaxQuotedLength = 60;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0005ForbiddenForAnonymousRequest);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model)
            {
                return;
            }

            var facts = model.Authentication;
            start.RegisterOperationBlockAction(c =>
            {
                foreach (var response in model.OperationsIn(c).Responses)
                {
                    Analyze(c, response, facts);
                }
            });
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, HttpResponseInfo response, AuthenticationFacts facts)
    {
        if (AnonymousOnThePath(response, facts) is not { } anonymous)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EL0005ForbiddenForAnonymousRequest,
            response.Operation.Syntax.GetLocation(),
            $"'{CodeText.Shorten(anonymous.Source.Syntax, MaxQuotedLength)}' shows the user is not signed in",
            CodeText.Helper(response.Style, "Challenge", 401)));
    }

    /// <summary>What shows the user is not signed in on the way to a 403, when the rule reports it; null when it does not.</summary>
    internal static AuthFact? AnonymousOnThePath(HttpResponseInfo response, AuthenticationFacts facts)
        => response is { StatusCode: 403 } && response.StatusOrigin != StatusOrigin.Unknown
            ? facts.OnPathTo(response.Operation).Definite(AuthFactKind.Authenticated, false)
            : null;
}
