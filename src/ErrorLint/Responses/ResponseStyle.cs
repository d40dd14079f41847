namespace ErrorLint.Responses;

/// <summary>How the code spells a response; code fixes answer in the same style.</summary>
internal enum ResponseStyle
{
    /// <summary>A <c>ControllerBase</c> helper: <c>Ok(...)</c>, <c>Problem(...)</c>, <c>StatusCode(...)</c>.</summary>
    Controller,

    /// <summary>A Razor Pages <c>PageModel</c> helper: <c>NotFound()</c>, <c>StatusCode(...)</c>.</summary>
    RazorPage,

    /// <summary><c>Results.*</c> in a minimal API.</summary>
    Results,

    /// <summary><c>TypedResults.*</c> in a minimal API.</summary>
    TypedResults,

    /// <summary>A result object created directly: <c>new ObjectResult(...)</c>, <c>new StatusCodeResult(429)</c>.</summary>
    ResultObject,

    /// <summary>The raw response: <c>Response.StatusCode = ...</c>, <c>WriteAsync</c>, <c>WriteAsJsonAsync</c>.</summary>
    HttpResponse,
}
