using System.Collections.Immutable;
using ErrorLint.Facts.RateLimiting;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0008: <c>AddRateLimiter(options =&gt; ...)</c> (or <c>Configure&lt;RateLimiterOptions&gt;</c>) whose options set no
/// <c>OnRejected</c>, or an <c>OnRejected</c> that never sets <c>Retry-After</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimiterWithoutRetryAfterAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.EL0008RateLimiterWithoutRetryAfter, Descriptors.EL0008PolicyCallbackBypassed);

    /// <summary>Diagnostic property set on the bypassed-policy form, whose fix passes the policy itself.</summary>
    public const string BypassedPolicyProperty = "ErrorLint.BypassedPolicy";

    private static readonly ImmutableDictionary<string, string?> BypassedPolicyProperties = ImmutableDictionary<string, string?>.Empty.Add(BypassedPolicyProperty, "true");

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model
                || model.RateLimiter is not { } rateLimiter)
            {
                return;
            }

            start.RegisterOperationBlockAction(c =>
            {
                foreach (var operation in model.OperationsIn(c).Operations)
                {
                    if (operation.CalledName is "AddRateLimiter" or "Configure" or "PostConfigure")
                    {
                        AnalyzeInvocation(c, (IInvocationOperation)operation.Operation, rateLimiter);
                    }
                }
            });
        });
    }

    private static void AnalyzeInvocation(OperationBlockAnalysisContext context, IInvocationOperation invocation, RateLimiterFacts rateLimiter)
    {
        if (rateLimiter.DescribeConfiguration(invocation, context.CancellationToken) is not { } configuration)
        {
            return;
        }

        var status = configuration.RejectionStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "set by RejectionStatusCode";
        if (configuration.OnRejected.IsEmpty && !configuration.BypassedPolicies.IsEmpty)
        {
            // The limiter's one mistake is the overload: the policy's own callback would set Retry-After.
            foreach (var bypassed in configuration.BypassedPolicies)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EL0008PolicyCallbackBypassed, bypassed.Partitioner.Syntax.GetLocation(), BypassedPolicyProperties, bypassed.Policy.Name));
            }

            return;
        }

        if (configuration.OnRejected.IsEmpty)
        {
            if (configuration.IsComplete && !rateLimiter.IsOnRejectedSetElsewhere(invocation, context.CancellationToken))
            {
                var location = (invocation.Syntax as InvocationExpressionSyntax)?.Expression is MemberAccessExpressionSyntax member
                    ? member.Name.Identifier.GetLocation()
                    : invocation.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EL0008RateLimiterWithoutRetryAfter, location, status, "no OnRejected callback is set"));
            }

            return;
        }

        foreach (var onRejected in configuration.OnRejected)
        {
            if (onRejected.SetsRetryAfter == false)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EL0008RateLimiterWithoutRetryAfter, onRejected.Assignment.Target.Syntax.GetLocation(), status, "OnRejected never sets it"));
            }
        }
    }
}
