using ErrorLint.Facts.Endpoints;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Authentication;

/// <summary>
/// Whether an endpoint requires an authenticated user: <c>[Authorize]</c> on the action, page model, lambda or their
/// classes (and no <c>[AllowAnonymous]</c>), or <c>RequireAuthorization()</c> on the <c>Map*</c> call or its route group.
/// </summary>
internal sealed class EndpointAuthorization
{
    private readonly WellKnownTypes types;
    private readonly MemberWalkCache members;

    public EndpointAuthorization(WellKnownTypes types, MemberWalkCache members)
    {
        this.types = types;
        this.members = members;
    }

    /// <summary>Whether the endpoint the operation runs in requires an authenticated user.</summary>
    public bool RequiresAuthorization(IOperation operation, ISymbol? containingSymbol)
    {
        var required = false;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            if (!Accumulate(AuthorizationOf(lambda.Symbol), ref required))
            {
                return false;
            }

            if (PipelineCalls.MapCallOf(lambda) is { } map && !Accumulate(ChainAuthorization(map), ref required))
            {
                return false;
            }
        }

        if (containingSymbol is IMethodSymbol method)
        {
            if (!Accumulate(AuthorizationOf(method), ref required))
            {
                return false;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (!Accumulate(AuthorizationOf(type), ref required))
                {
                    return false;
                }
            }
        }

        return required;
    }

    /// <summary>Adds one answer to the running one; false when it allows anonymous access, which decides the whole.</summary>
    private static bool Accumulate(bool? answer, ref bool required)
    {
        required |= answer == true;
        return answer != false;
    }

    /// <summary><c>[AllowAnonymous]</c> (false), <c>[Authorize]</c> (true) or neither (null) on a symbol.</summary>
    private bool? AuthorizationOf(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return null;
        }

        bool? result = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.Implements(types.AllowAnonymous))
            {
                return false;
            }

            if (attribute.AttributeClass.Implements(types.AuthorizeData))
            {
                result = true;
            }
        }

        return result;
    }

    /// <summary><c>RequireAuthorization()</c>/<c>AllowAnonymous()</c> on a <c>Map*</c> call, the calls chained on it, and the route groups it is mapped on.</summary>
    private bool? ChainAuthorization(IInvocationOperation map)
    {
        bool? result = null;
        foreach (var call in EndpointConventions.Of(map, members).Calls)
        {
            switch (ChainedAuthorization(call))
            {
                case false:
                    return false;
                case true:
                    result = true;
                    break;
            }
        }

        return result;
    }

    private static bool? ChainedAuthorization(IInvocationOperation call) => call.TargetMethod.Name switch
    {
        "AllowAnonymous" => false,
        "RequireAuthorization" => true,
        _ => null,
    };
}
