using System;
using ErrorLint.Conditions;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Authentication;

/// <summary>
/// What conditions say about the user: signed in (<c>User.Identity.IsAuthenticated</c>, <c>SignInManager.IsSignedIn</c>,
/// a user id that is not null or empty) and permissions (<c>IsInRole</c>, <c>HasClaim</c>, <c>AuthorizationResult.Succeeded</c>,
/// the application's own <c>HasPermission</c>/<c>CanEdit</c> methods, a resource's owner compared with the user).
/// </summary>
internal sealed class AuthenticationConditions : ConditionDomain<AuthFact>
{
    private static readonly string[] PermissionMethodPrefixes =
    {
        "HasPermission", "IsAuthorized", "IsAllowed", "CanAccess", "HasAccess", "IsOwner", "HasRole", "IsInRole", "HasClaim", "CheckPermission", "Can",
    };

    private readonly WellKnownTypes types;
    private readonly UserIdentity identity;

    public AuthenticationConditions(WellKnownTypes types, UserIdentity identity)
    {
        this.types = types;
        this.identity = identity;
    }

    public override AuthFact Negate(AuthFact fact) => fact.Negate();

    public override AuthFact? Atom(IOperation condition)
    {
        condition = condition.WithoutImplicitConversions()!;
        switch (condition)
        {
            case IAwaitOperation awaited:
                return Atom(awaited.Operation) is { } inner ? new AuthFact(inner.Kind, inner.Value, condition, inner.Principal) : null;
            case IConditionalAccessOperation conditionalAccess:
                return conditionalAccess.WhenNotNull.WithoutImplicitConversions() is IPropertyReferenceOperation accessed
                    ? PropertyFact(accessed.Property, condition, conditionalAccess.Operation)
                    : null;
            case IPropertyReferenceOperation property:
                return PropertyFact(property.Property, condition, property.Instance);
            case IInvocationOperation { TargetMethod: { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String } } isNullOrEmpty:
                // string.IsNullOrEmpty(userId): no user id, so nobody is signed in.
                return isNullOrEmpty.Arguments.Length == 1 && identity.Identifies(isNullOrEmpty.Arguments[0].Value)
                    ? new AuthFact(AuthFactKind.Authenticated, false, condition, null)
                    : null;
            case IInvocationOperation invocation:
                return InvocationFact(invocation);
            default:
                return null;
        }
    }

    public override AuthFact? Comparison(IBinaryOperation comparison, IOperation left, IOperation right)
    {
        if (comparison.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return null;
        }

        var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
        if (right.ConstantValue is { HasValue: true, Value: null })
        {
            // A null user or user id means nobody is signed in.
            return identity.Identifies(left) ? new AuthFact(AuthFactKind.Authenticated, !equals, comparison, null) : null;
        }

        // Resource ownership: item.OwnerId == userId.
        return identity.Identifies(left) || identity.Identifies(right) ? new AuthFact(AuthFactKind.PermissionGranted, equals, comparison, null) : null;
    }

    public override Alternatives<AuthFact> Pattern(IOperation subject, IPatternOperation pattern, bool matches)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }:
                return identity.Identifies(subject) ? Alternatives<AuthFact>.Single(new AuthFact(AuthFactKind.Authenticated, !matches, subject, null)) : Alternatives<AuthFact>.Unknown;
            case IRecursivePatternOperation recursive when recursive.PropertySubpatterns.Length > 0:
                if (!matches && recursive.PropertySubpatterns.Length != 1)
                {
                    return Alternatives<AuthFact>.Unknown;
                }

                // User.Identity is { IsAuthenticated: true }.
                var facts = Alternatives<AuthFact>.Unknown;
                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    if (subpattern is { Member: IPropertyReferenceOperation { Property: { } property } member, Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } } }
                        && PropertyFact(property, member, subject) is { } fact)
                    {
                        facts = Alternatives<AuthFact>.And(facts, Alternatives<AuthFact>.Single(constant == matches ? fact : fact.Negate()));
                    }
                }

                return facts;
            default:
                return Alternatives<AuthFact>.Unknown;
        }
    }

    private AuthFact? PropertyFact(IPropertySymbol property, IOperation source, IOperation? instance)
    {
        if (property.Name == "IsAuthenticated" && property.ContainingType.Implements(types.Identity))
        {
            // User.Identity.IsAuthenticated: the principal is the instance of Identity.
            var principal = instance.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "Identity" } identityProperty ? identityProperty.Instance : null;
            return new AuthFact(AuthFactKind.Authenticated, true, source, principal);
        }

        // AuthorizationResult.Succeeded is a permission check; SignInResult/IdentityResult.Succeeded are sign-in outcomes, not permission.
        if (property.Name == "Succeeded" && property.ContainingType.InheritsFrom(types.AuthorizationResult))
        {
            return new AuthFact(AuthFactKind.PermissionGranted, true, source, null);
        }

        return null;
    }

    private AuthFact? InvocationFact(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null || !ReturnsBoolean(method))
        {
            return null;
        }

        if (method.Name is "IsInRole" or "HasClaim" && type.InheritsFrom(types.ClaimsPrincipal))
        {
            return new AuthFact(AuthFactKind.PermissionGranted, true, invocation, invocation.Instance);
        }

        if (method.Name == "IsSignedIn" && type.Is(types.SignInManager))
        {
            return new AuthFact(AuthFactKind.Authenticated, true, invocation, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        }

        if (type.Is(types.UserManager) || type.Is(types.SignInManager))
        {
            // IsInRoleAsync is a permission check; CheckPasswordAsync, IsLockedOutAsync and the like are about credentials.
            return method.Name == "IsInRoleAsync" ? new AuthFact(AuthFactKind.PermissionGranted, true, invocation, null) : null;
        }

        if (IsFrameworkType(type))
        {
            return null;
        }

        foreach (var prefix in PermissionMethodPrefixes)
        {
            if (method.Name.StartsWith(prefix, StringComparison.Ordinal)
                && (method.Name.Length == prefix.Length || char.IsUpper(method.Name[prefix.Length])))
            {
                return new AuthFact(AuthFactKind.PermissionGranted, true, invocation, null);
            }
        }

        return null;
    }

    private static bool ReturnsBoolean(IMethodSymbol method)
        => method.ReturnType.SpecialType == SpecialType.System_Boolean
            || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 1 } task && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        // The outermost namespace decides; read by name rather than by building the namespace's full name.
        var outermost = type.ContainingNamespace;
        while (outermost?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            outermost = parent;
        }

        var name = outermost is { IsGlobalNamespace: false } ? outermost.Name : string.Empty;
        return name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal);
    }
}
