// Exception handlers. Correct: it writes problem details through the service, which sends
// application/problem+json and runs the application's customizations.
using Microsoft.AspNetCore.Diagnostics;

namespace SampleApi;

public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception });
    }
}
