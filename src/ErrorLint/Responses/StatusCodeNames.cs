using System.Collections.Generic;

namespace ErrorLint.Responses;

/// <summary>The names of <c>Microsoft.AspNetCore.Http.StatusCodes</c> for the error statuses rules and fixes spell out.</summary>
internal static class StatusCodeNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [400] = "Status400BadRequest",
        [401] = "Status401Unauthorized",
        [402] = "Status402PaymentRequired",
        [403] = "Status403Forbidden",
        [404] = "Status404NotFound",
        [405] = "Status405MethodNotAllowed",
        [406] = "Status406NotAcceptable",
        [408] = "Status408RequestTimeout",
        [409] = "Status409Conflict",
        [410] = "Status410Gone",
        [412] = "Status412PreconditionFailed",
        [413] = "Status413PayloadTooLarge",
        [415] = "Status415UnsupportedMediaType",
        [422] = "Status422UnprocessableEntity",
        [423] = "Status423Locked",
        [428] = "Status428PreconditionRequired",
        [429] = "Status429TooManyRequests",
        [500] = "Status500InternalServerError",
        [501] = "Status501NotImplemented",
        [502] = "Status502BadGateway",
        [503] = "Status503ServiceUnavailable",
        [504] = "Status504GatewayTimeout",
    };

    /// <summary><c>Status404NotFound</c> for 404; null for a status without a name here.</summary>
    public static string? For(int status) => Names.TryGetValue(status, out var name) ? name : null;

    /// <summary><c>StatusCodes.Status404NotFound</c>, or the number itself.</summary>
    public static string Spelled(int status) => For(status) is { } name ? "StatusCodes." + name : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
