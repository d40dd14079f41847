namespace ErrorLint.Responses;

/// <summary>What a response helper means beyond its status, where rules care.</summary>
internal enum ResponseKind
{
    /// <summary>Any other response: <c>Ok(value)</c>, <c>StatusCode(503)</c>, <c>new ObjectResult(...)</c>.</summary>
    Other,

    /// <summary><c>Problem(...)</c> in any style, or <c>IProblemDetailsService.WriteAsync</c>: the body is problem details.</summary>
    Problem,

    /// <summary><c>ValidationProblem(...)</c> in any style: the body is validation problem details.</summary>
    ValidationProblem,

    /// <summary><c>Forbid(...)</c> / <c>new ForbidResult(...)</c>: 403 through the authentication handler.</summary>
    Forbid,

    /// <summary><c>Challenge(...)</c> / <c>new ChallengeResult(...)</c>: 401 through the authentication handler.</summary>
    Challenge,

    /// <summary><c>Response.StatusCode = n</c>: sets the status; a later write sends it.</summary>
    StatusAssignment,

    /// <summary><c>Response.WriteAsync</c> / <c>WriteAsJsonAsync</c>: sends a body with the status set before it.</summary>
    Write,
}
