using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Authentication;

/// <summary>What a fact about the signed-in user is about.</summary>
internal enum AuthFactKind
{
    /// <summary>The request carries an authenticated principal (<c>User.Identity.IsAuthenticated</c>, a user id claim, <c>GetUserAsync(User)</c> not null).</summary>
    Authenticated,

    /// <summary>A permission check on the principal (<c>IsInRole</c>, <c>HasClaim</c>, <c>AuthorizationResult.Succeeded</c>, ownership).</summary>
    PermissionGranted,
}

/// <summary>One thing known about the user on a code path, with the code that says it.</summary>
internal sealed class AuthFact
{
    public AuthFact(AuthFactKind kind, bool value, IOperation source, IOperation? principal)
    {
        Kind = kind;
        Value = value;
        Source = source;
        Principal = principal;
    }

    public AuthFactKind Kind { get; }

    public bool Value { get; }

    /// <summary>The check the fact comes from; rules quote it in their messages.</summary>
    public IOperation Source { get; }

    /// <summary>The <c>ClaimsPrincipal</c> the check is about, when the code names it (<c>User</c>, <c>context.User</c>).</summary>
    public IOperation? Principal { get; }

    public AuthFact Negate() => new(Kind, !Value, Source, Principal);
}
