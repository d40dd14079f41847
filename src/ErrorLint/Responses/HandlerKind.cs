namespace ErrorLint.Responses;

/// <summary>What kind of code a response is produced in.</summary>
internal enum HandlerKind
{
    /// <summary>Anything else: a helper method, a service, a lambda not handed to ASP.NET Core.</summary>
    Other,

    /// <summary>A method of a <c>ControllerBase</c> subclass.</summary>
    ControllerAction,

    /// <summary>A method of a Razor Pages <c>PageModel</c>.</summary>
    PageHandler,

    /// <summary>A lambda handed to <c>Map*</c> (a minimal-API endpoint).</summary>
    Endpoint,

    /// <summary>Inline middleware (<c>app.Use</c>, <c>app.Run</c>) or a middleware class's <c>Invoke</c>/<c>InvokeAsync</c>.</summary>
    Middleware,

    /// <summary>An <c>IExceptionHandler</c>, a <c>UseExceptionHandler</c> lambda: the status is already 500 there.</summary>
    ExceptionHandler,

    /// <summary>An MVC filter (<c>OnException</c>, <c>OnActionExecuting</c>, ...).</summary>
    Filter,
}
