using System.Collections.Generic;
using ErrorLint.Conditions;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Authentication;

/// <summary>What is known about the user where a response is produced, read from the <see cref="Alternatives{TFact}"/> on the path to it.</summary>
internal sealed class PathFacts
{
    private readonly Alternatives<AuthFact> alternatives;

    public PathFacts(Alternatives<AuthFact> alternatives) => this.alternatives = alternatives;

    /// <summary>A fact of this kind and value that holds on every path, or null.</summary>
    public AuthFact? Definite(AuthFactKind kind, bool value)
    {
        AuthFact? first = null;
        foreach (var path in alternatives.Paths)
        {
            if (Find(path, kind, value) is not { } fact || Find(path, kind, !value) is not null)
            {
                return null;
            }

            first ??= fact;
        }

        return first;
    }

    /// <summary>
    /// The failed permission check that leads here, when every path got here through a failed permission check
    /// by a signed-in user or through an explicit not-signed-in check, and at least one through a failed permission check.
    /// <paramref name="reachableAnonymously"/> says whether some path is the not-signed-in one.
    /// </summary>
    public AuthFact? FailedPermission(bool knownAuthenticated, out bool reachableAnonymously)
    {
        reachableAnonymously = false;
        AuthFact? failed = null;
        foreach (var path in alternatives.Paths)
        {
            var anonymous = Find(path, AuthFactKind.Authenticated, false) is not null;
            var signedIn = knownAuthenticated || Find(path, AuthFactKind.Authenticated, true) is not null;
            if (anonymous && signedIn)
            {
                // A contradictory path is never taken.
                continue;
            }

            if (anonymous)
            {
                reachableAnonymously = true;
                continue;
            }

            if (Find(path, AuthFactKind.PermissionGranted, false) is null)
            {
                return null;
            }

            // A check that passed earlier does not undo a different one that failed later (an ownership check, then
            // AuthorizeAsync); the same check both passed and failed is a path never taken.
            if (FailedAndNotAlsoPassed(path) is not { } permission)
            {
                continue;
            }

            if (!signedIn)
            {
                // A failed check on a user not known to be signed in may be the anonymous case itself: 401 can be right.
                return null;
            }

            failed ??= permission;
        }

        return failed;
    }

    /// <summary>The <c>ClaimsPrincipal</c> the checks on the path are about (<c>User</c>, <c>context.User</c>), when the code names one.</summary>
    public IOperation? Principal()
    {
        foreach (var path in alternatives.Paths)
        {
            foreach (var fact in path)
            {
                if (fact.Principal is { } principal)
                {
                    return principal;
                }
            }
        }

        return null;
    }

    /// <summary>Whether any path mentions a fact of this kind and value; a cheap first test.</summary>
    public bool Mentions(AuthFactKind kind, bool value)
    {
        foreach (var path in alternatives.Paths)
        {
            if (Find(path, kind, value) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A failed permission check on the path whose check does not also pass on it.</summary>
    private static AuthFact? FailedAndNotAlsoPassed(IReadOnlyList<AuthFact> path)
    {
        foreach (var failed in path)
        {
            if (failed is not { Kind: AuthFactKind.PermissionGranted, Value: false })
            {
                continue;
            }

            var alsoPassed = false;
            foreach (var passed in path)
            {
                alsoPassed |= passed is { Kind: AuthFactKind.PermissionGranted, Value: true } && passed.Source.Syntax.IsEquivalentTo(failed.Source.Syntax);
            }

            if (!alsoPassed)
            {
                return failed;
            }
        }

        return null;
    }

    private static AuthFact? Find(IReadOnlyList<AuthFact> path, AuthFactKind kind, bool value)
    {
        foreach (var fact in path)
        {
            if (fact.Kind == kind && fact.Value == value)
            {
                return fact;
            }
        }

        return null;
    }
}
