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

    /// <summary>
    /// A plain value an action or endpoint returns (<c>return Failed("...")</c> in an action declared to return
    /// <c>MessageModel&lt;T&gt;</c>): MVC and minimal APIs send it as JSON with 200. No fix rewrites it, since a result
    /// would not match the declared return type.
    /// </summary>
    ReturnedValue,
}
