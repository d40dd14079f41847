using System.Collections.Generic;

namespace ErrorLint.Responses;

/// <summary>
/// The framework helpers that produce a response, by name, with the status each implies when no
/// <c>statusCode</c> argument says otherwise. Shared by the controller, Razor Pages, <c>Results</c> and
/// <c>TypedResults</c> forms: ASP.NET Core spells them alike on purpose.
/// </summary>
internal static class KnownProducers
{
    /// <summary>A helper whose status comes only from its <c>statusCode</c> argument.</summary>
    public const int StatusFromArgument = -1;

    private static readonly Dictionary<string, (int Status, ResponseKind Kind)> Helpers = new()
    {
        ["Ok"] = (200, ResponseKind.Other),
        ["Json"] = (200, ResponseKind.Other),
        ["Content"] = (200, ResponseKind.Other),
        ["Text"] = (200, ResponseKind.Other),
        ["Created"] = (201, ResponseKind.Other),
        ["CreatedAtAction"] = (201, ResponseKind.Other),
        ["CreatedAtRoute"] = (201, ResponseKind.Other),
        ["Accepted"] = (202, ResponseKind.Other),
        ["AcceptedAtAction"] = (202, ResponseKind.Other),
        ["AcceptedAtRoute"] = (202, ResponseKind.Other),
        ["NoContent"] = (204, ResponseKind.Other),
        ["BadRequest"] = (400, ResponseKind.Other),
        ["Unauthorized"] = (401, ResponseKind.Other),
        ["Challenge"] = (401, ResponseKind.Challenge),
        ["Forbid"] = (403, ResponseKind.Forbid),
        ["NotFound"] = (404, ResponseKind.Other),
        ["Conflict"] = (409, ResponseKind.Other),
        ["UnprocessableEntity"] = (422, ResponseKind.Other),
        ["InternalServerError"] = (500, ResponseKind.Other),
        ["Problem"] = (500, ResponseKind.Problem),
        ["ValidationProblem"] = (400, ResponseKind.ValidationProblem),
        ["StatusCode"] = (StatusFromArgument, ResponseKind.Other),
    };

    /// <summary>Parameter names under which the helpers take the body.</summary>
    private static readonly HashSet<string> BodyParameters = new()
    {
        "value", "error", "data", "content", "text", "modelState", "modelStateDictionary", "errors", "problemDetails", "obj",
    };

    public static bool TryGetHelper(string name, out int status, out ResponseKind kind)
    {
        if (Helpers.TryGetValue(name, out var entry))
        {
            status = entry.Status;
            kind = entry.Kind;
            return true;
        }

        status = 0;
        kind = ResponseKind.Other;
        return false;
    }

    /// <summary>
    /// Whether a framework method of this name can produce a response: a helper above, or a write to the response
    /// (<c>WriteAsync</c>, <c>WriteAsJsonAsync</c>, <c>IProblemDetailsService.TryWriteAsync</c>). Most calls of a body
    /// (LINQ, logging, string methods) are answered here, before any lookup by symbol.
    /// </summary>
    public static bool MayProduceResponse(string methodName)
        => Helpers.ContainsKey(methodName) || methodName is "WriteAsync" or "WriteAsJsonAsync" or "TryWriteAsync";

    public static bool IsBodyParameter(string parameterName) => BodyParameters.Contains(parameterName);

    /// <summary>
    /// Helpers whose result sets no status of its own when given none (<c>JsonResult</c>, <c>ContentResult</c>,
    /// <c>Results.Json</c>, <c>Results.Text</c>): the response keeps the status already set, 200 unless something set another.
    /// </summary>
    public static bool LeavesStatusAlone(string name) => name is "Json" or "Content" or "Text";
}
