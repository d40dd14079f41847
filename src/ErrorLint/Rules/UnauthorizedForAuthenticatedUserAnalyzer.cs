using System.Collections.Immutable;
using ErrorLint.Facts.Authentication;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>EL0004: 401 Unauthorized answered where a signed-in user failed a permission check.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnauthorizedForAuthenticatedUserAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the response is also reached by a user who is not signed in.</summary>
    public const string ReachableAnonymouslyProperty = "ReachableAnonymously";

    private const int MaxQuotedLength = 60;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0004UnauthorizedForAuthenticatedUser);

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
        if (FailedPermission(response, facts, context.OwningSymbol, out var reachableAnonymously) is not { } failed)
        {
            return;
        }

        var forbid = CodeText.Helper(response.Style, "Forbid", 403);
        var fix = reachableAnonymously ? forbid + " when the user is signed in, else " + CodeText.Helper(response.Style, "Challenge", 401) : forbid;
        var properties = reachableAnonymously
            ? ImmutableDictionary<string, string?>.Empty.Add(ReachableAnonymouslyProperty, "true")
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EL0004UnauthorizedForAuthenticatedUser, response.Operation.Syntax.GetLocation(), properties, $"the check '{CodeText.Shorten(failed.Source.Syntax, MaxQuotedLength)}' failed", fix));
    }

    /// <summary>
    /// The permission check that failed on the way to a plain 401, when the rule reports it; null when it does not.
    /// <paramref name="reachableAnonymously"/> tells whether a request that is not signed in gets there too.
    /// </summary>
    internal static AuthFact? FailedPermission(HttpResponseInfo response, AuthenticationFacts facts, ISymbol? owningSymbol, out bool reachableAnonymously)
    {
        reachableAnonymously = false;

        // Challenge() is also a 401 but asks the scheme to decide; only plain 401 responses are reported.
        if (response is not { StatusCode: 401 } || response.StatusOrigin == StatusOrigin.Unknown || response.Kind == ResponseKind.Challenge)
        {
            return null;
        }

        var path = facts.OnPathTo(response.Operation);
        if (!path.Mentions(AuthFactKind.PermissionGranted, false))
        {
            return null;
        }

        var knownAuthenticated = facts.Endpoints.RequiresAuthorization(response.Operation, owningSymbol);
        return path.FailedPermission(knownAuthenticated, out reachableAnonymously);
    }
}
