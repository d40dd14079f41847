using ErrorLint.Conditions;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Authentication;

/// <summary>
/// Answers "is this user signed in, and did a permission check fail, where this response is produced?", "does this
/// endpoint require authorization?" and EL0006's "is this a scheme name or a message?". One per compilation
/// (<c>ResponseModel.Authentication</c>).
/// </summary>
internal sealed class AuthenticationFacts
{
    private readonly ConditionReader<AuthFact> conditions;

    public AuthenticationFacts(ResponseModel model)
    {
        conditions = new ConditionReader<AuthFact>(new AuthenticationConditions(model.Types, new UserIdentity(model.Types, model.Members)), model.Members);
        Endpoints = new EndpointAuthorization(model.Types, model.Members);
        Schemes = new SchemeArguments(model.Types);
    }

    /// <summary>Whether endpoints require an authenticated user.</summary>
    public EndpointAuthorization Endpoints { get; }

    /// <summary>The scheme names handed to <c>Forbid</c>, <c>Challenge</c> and <c>SignOut</c>.</summary>
    public SchemeArguments Schemes { get; }

    /// <summary>
    /// What is known about the user where <paramref name="operation"/> runs, from the conditions that lead to it in its
    /// function (a lambda's own conditions only: it runs when the request it answers comes).
    /// </summary>
    public PathFacts OnPathTo(IOperation operation) => new(PathWalker.FactsOnPathTo(operation, conditions, withinFunction: true));
}
