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
    // app.MapGroup("/a").MapGroup("/b") and group locals are followed this far.
    private const int MaxGroupDepth = 3;

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

    /// <summary><c>RequireAuthorization()</c>/<c>AllowAnonymous()</c> on a <c>Map*</c> call, the calls chained on it, and the route group it is mapped on.</summary>
    private bool? ChainAuthorization(IInvocationOperation map)
    {
        bool? result = null;
        foreach (var chained in PipelineCalls.ChainedOn(map))
        {
            switch (ChainedAuthorization(chained))
            {
                case false:
                    return false;
                case true:
                    result = true;
                    break;
            }
        }

        return Combine(result, ReceiverAuthorization(map, 0));
    }

    /// <summary>The route builder a call is made on: <c>group</c> in <c>group.MapGet(...)</c>, read back to <c>app.MapGroup(...).RequireAuthorization()</c>.</summary>
    private bool? ReceiverAuthorization(IInvocationOperation call, int depth)
    {
        if (depth > MaxGroupDepth || PipelineCalls.ReceiverOf(call) is not { } receiver)
        {
            return null;
        }

        // var group = app.MapGroup(...): the group's own answer counts only while the local still holds it.
        if (receiver is ILocalReferenceOperation local)
        {
            return GroupAuthorization(LocalValues.InitialValue(local), depth) is { } answer && !members.MayBeAssignedAgain(local) ? answer : null;
        }

        return GroupAuthorization(receiver, depth);
    }

    /// <summary>The calls on a route builder, back to the <c>MapGroup</c> it came from and that group's own receiver.</summary>
    private bool? GroupAuthorization(IOperation? receiver, int depth)
    {
        bool? result = null;
        while (receiver is IInvocationOperation invocation && PipelineCalls.ReceiverOf(invocation) is { } next)
        {
            switch (ChainedAuthorization(invocation))
            {
                case false:
                    return false;
                case true:
                    result = true;
                    break;
            }

            if (invocation.TargetMethod.Name == "MapGroup")
            {
                return Combine(result, ReceiverAuthorization(invocation, depth + 1));
            }

            receiver = next;
        }

        return result;
    }

    private static bool? ChainedAuthorization(IInvocationOperation call) => call.TargetMethod.Name switch
    {
        "AllowAnonymous" => false,
        "RequireAuthorization" => true,
        _ => null,
    };

    private static bool? Combine(bool? first, bool? second)
        => first == false || second == false ? false : first == true || second == true ? true : null;
}
