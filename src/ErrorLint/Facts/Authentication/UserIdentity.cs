using System;
using System.Collections.Generic;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Authentication;

/// <summary>
/// Recognises expressions that identify the signed-in user: the user id claim (<c>User.FindFirstValue(ClaimTypes.NameIdentifier)</c>,
/// <c>User.FindFirst("sub")?.Value</c>), <c>UserManager.GetUserId(User)</c>, <c>await UserManager.GetUserAsync(User)</c>,
/// <c>User.Identity.Name</c>, the <c>Id</c> of that user, or a local initialized from one.
/// </summary>
internal sealed class UserIdentity
{
    private const int MaxLocalDepth = 3;

    private static readonly HashSet<string> UserIdClaimTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", "sub", "oid", "uid", "user_id", "userid", "id",
    };

    private readonly WellKnownTypes types;
    private readonly MemberWalkCache members;

    public UserIdentity(WellKnownTypes types, MemberWalkCache members)
    {
        this.types = types;
        this.members = members;
    }

    public bool Identifies(IOperation? operation) => Identifies(operation, 0);

    private bool Identifies(IOperation? operation, int depth)
    {
        operation = operation.WithoutImplicitConversions();
        switch (operation)
        {
            case null:
                return false;
            case ILocalReferenceOperation local:
                return depth < MaxLocalDepth && Identifies(LocalValues.InitialValue(local), depth + 1) && !members.MayBeAssignedAgain(local);
            case IAwaitOperation awaited:
                return Identifies(awaited.Operation, depth);
            case IConditionalAccessOperation conditionalAccess:
                return conditionalAccess.WhenNotNull.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "Value" or "Id" or "Name" } accessed
                    && IsIdentityMember(accessed.Property, conditionalAccess.Operation, depth);
            case IPropertyReferenceOperation property:
                return IsIdentityMember(property.Property, property.Instance, depth);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.Name is "GetUserId" or "GetUserAsync" && method.ContainingType.Is(types.UserManager))
                {
                    return true;
                }

                if (method.Name is "FindFirstValue" or "FindFirst" && ClaimTypeArgument(invocation) is { } claimType)
                {
                    return UserIdClaimTypes.Contains(claimType);
                }

                // int.Parse(userId), Guid.Parse(userId).
                return method.Name is "Parse" && invocation.Arguments.Length > 0 && Identifies(invocation.Arguments[0].Value, depth);
            default:
                return false;
        }
    }

    private bool IsIdentityMember(IPropertySymbol property, IOperation? instance, int depth)
        => property.Name switch
        {
            "Value" => property.ContainingType.Is(types.Claim) && Identifies(instance, depth),
            "Name" => property.ContainingType.Implements(types.Identity),
            "Id" => Identifies(instance, depth),
            _ => false,
        };

    private static string? ClaimTypeArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String
                && argument.Value.ConstantValue is { HasValue: true, Value: string claimType })
            {
                return claimType;
            }
        }

        return null;
    }
}
