using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Headers;

/// <summary>
/// Whether a response belongs to a health, readiness or liveness endpoint: a 503 there says "take me out of rotation"
/// to a load balancer or an orchestrator, which polls on its own schedule, so no <c>Retry-After</c> is owed (EL0007).
/// Known from the route (<c>MapGet("/health", ...)</c>, <c>[HttpGet("ready")]</c>, <c>[Route("healthz")]</c>), from the
/// names of the handling method and its type (<c>HealthController</c>, <c>Readiness</c>), and from a health-check
/// response writer (<c>HealthCheckOptions.ResponseWriter</c>).
/// </summary>
internal static class HealthEndpoints
{
    public static bool Contains(IOperation operation, ISymbol? owningSymbol)
    {
        for (var symbol = owningSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (IsHealthName(symbol.Name) || HasHealthRoute(symbol))
            {
                return true;
            }
        }

        // A lambda handed to MapGet("/health", ...) or assigned to a health-check option.
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IInvocationOperation { TargetMethod.Name: var name } invocation when name.StartsWith("Map", StringComparison.Ordinal):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.ConstantValue is { HasValue: true, Value: string route } && IsHealthRoute(route))
                        {
                            return true;
                        }
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.ContainingType.Name: "HealthCheckOptions" } }:
                    return true;
            }
        }

        return false;
    }

    private static bool HasHealthRoute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is { } name
                && (name.StartsWith("Http", StringComparison.Ordinal) || name == "RouteAttribute")
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string template
                && IsHealthRoute(template))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHealthName(string name)
        => name.IndexOf("Health", StringComparison.Ordinal) >= 0
            || name.IndexOf("Readiness", StringComparison.Ordinal) >= 0
            || name.IndexOf("Liveness", StringComparison.Ordinal) >= 0;

    /// <summary>A route segment named health, healthz, ready, readiness, live, liveness or alive.</summary>
    private static bool IsHealthRoute(string route)
    {
        foreach (var segment in route.Split('/'))
        {
            var s = segment.ToLowerInvariant();
            if (s.StartsWith("health", StringComparison.Ordinal) || s is "ready" or "readiness" or "readyz" or "live" or "liveness" or "livez" or "alive")
            {
                return true;
            }
        }

        return false;
    }
}
