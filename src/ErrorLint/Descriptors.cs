using Microsoft.CodeAnalysis;

namespace ErrorLint;

/// <summary>Every diagnostic ErrorLint reports, built through one factory so help links and categories stay uniform.</summary>
internal static class Descriptors
{
    internal const string HelpLinkBase = "https://github.com/errorlint/errorlint/blob/main/docs/rules/";

    private const string StatusCodes = "ErrorLint.StatusCodes";
    private const string Security = "ErrorLint.Security";
    private const string Design = "ErrorLint.Design";

    public static readonly DiagnosticDescriptor EL0001ErrorBodyWithSuccessStatus = Create(
        RuleIdentifiers.ErrorBodyWithSuccessStatus,
        "Error body sent with a success status",
        "This response sends an error body ({0}) with status {1}; return problem details with a 4xx status so clients can tell it failed",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "Clients decide success from the status code. An error message, failure flag or validation state sent with 2xx is read as success by HTTP clients, retries, caches and monitoring.");

    public static readonly DiagnosticDescriptor EL0002ValidationFailureAsServerError = Create(
        RuleIdentifiers.ValidationFailureAsServerError,
        "Validation failure sent as a server error",
        "The request is invalid ({0}) but the response is sent with {1}, a server error; answer {2} with validation problem details so the client fixes its input",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "A 5xx status tells clients and monitoring that the server is broken and the same request may succeed later. Invalid input is the client's fault: answer 400 (or 422) with validation problem details.");

    public static readonly DiagnosticDescriptor EL0003ServerFailureAsClientError = Create(
        RuleIdentifiers.ServerFailureAsClientError,
        "Server-side failure sent as a client error",
        "A server-side failure ({0}) is answered with {1}, a client error; answer 500 with problem details or rethrow so the exception handler answers",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "A 4xx status tells the client its request was wrong and must not be retried unchanged. A failure of the server or of a dependency is not the client's fault and must be a 5xx so it is retried, alerted on and counted as an outage.");

    public static readonly DiagnosticDescriptor EL0004UnauthorizedForAuthenticatedUser = Create(
        RuleIdentifiers.UnauthorizedForAuthenticatedUser,
        "401 Unauthorized for a signed-in user who lacks permission",
        "401 Unauthorized is sent to a signed-in user because {0}; answer 403 Forbidden with {1}",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "401 means the request has no valid credentials and the client should authenticate. A signed-in user who fails a permission check (a role, a claim, an authorization policy, resource ownership) must get 403: signing in again will not help, and clients that react to 401 by signing in loop forever.");

    public static readonly DiagnosticDescriptor EL0005ForbiddenForAnonymousRequest = Create(
        RuleIdentifiers.ForbiddenForAnonymousRequest,
        "403 Forbidden for a request that is not authenticated",
        "403 Forbidden is sent to a request that is not authenticated ({0}); answer 401 with {1} so the client signs in",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "403 tells the client that signing in will not help. A request known to be anonymous (not authenticated, no user, no user id claim) must be challenged with 401 so the client can authenticate.");

    public static readonly DiagnosticDescriptor EL0006MessageAsAuthenticationScheme = Create(
        RuleIdentifiers.MessageAsAuthenticationScheme,
        "A message passed where an authentication scheme is expected",
        "{0} takes authentication scheme names, not a message; {1} is looked up as a scheme and the call throws at run time; send the message with Problem(detail: ...) instead",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "Forbid, Challenge and SignOut (and their Results, TypedResults, result-object and HttpContext forms) take authentication scheme names. A sentence passed there is looked up as a scheme and throws InvalidOperationException ('No authentication handler is registered for the scheme ...').");

    public static readonly DiagnosticDescriptor EL0007MissingRetryAfter = Create(
        RuleIdentifiers.MissingRetryAfter,
        "429 or 503 sent without a Retry-After header",
        "Status {0} is sent without a Retry-After header; set Retry-After so clients know when to retry, or, if the condition is permanent, send a status that does not invite a retry",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "429 and 503 invite the client to come back later. Without Retry-After, well-behaved clients guess and retry too soon, adding load exactly when the server is saturated.");

    /// <summary>EL0007's second message: a Retry-After whose value clients cannot read.</summary>
    public static readonly DiagnosticDescriptor EL0007InvalidRetryAfter = Create(
        RuleIdentifiers.MissingRetryAfter,
        "429 or 503 sent without a Retry-After header",
        "Retry-After is set to \"{0}\", which is neither a non-negative number of seconds nor an HTTP date; clients ignore it",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "Retry-After holds either a non-negative number of seconds or an HTTP date (RFC 9110, section 10.2.3). Any other value is ignored, so clients retry as if the header were missing.");

    public static readonly DiagnosticDescriptor EL0008RateLimiterWithoutRetryAfter = Create(
        RuleIdentifiers.RateLimiterWithoutRetryAfter,
        "The rate limiter rejects requests without Retry-After",
        "The rate limiter rejects requests with status {0} and no Retry-After header ({1}); set it in OnRejected from the lease's MetadataName.RetryAfter",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "ASP.NET Core's rate limiter does not set Retry-After itself, and rejects with 503 unless RejectionStatusCode says otherwise.");

    /// <summary>EL0008's third message: a policy added through its partitioner, whose own OnRejected never runs.</summary>
    public static readonly DiagnosticDescriptor EL0008PolicyCallbackBypassed = Create(
        RuleIdentifiers.RateLimiterWithoutRetryAfter,
        "The rate limiter rejects requests without Retry-After",
        "AddPolicy takes only the partition of {0}, so {0}.OnRejected, which sets Retry-After, never runs; pass the policy itself (AddPolicy(name, new {0}()))",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "The AddPolicy overload that takes a partitioner uses the partition alone; a policy object's OnRejected runs only when the policy itself is added.");

    public static readonly DiagnosticDescriptor EL0009ExceptionDetailsInResponse = Create(
        RuleIdentifiers.ExceptionDetailsInResponse,
        "Exception details sent to the client",
        "Exception details ({0}) are sent to the client by {1}; log the exception and send a generic message",
        Security,
        DiagnosticSeverity.Warning,
        "Stack traces, exception objects and inner exceptions reveal code paths, library versions, file paths and data. Log them for operators; send clients a neutral message.");

    public static readonly DiagnosticDescriptor EL0010ExceptionMessageInResponse = Create(
        RuleIdentifiers.ExceptionMessageInResponse,
        "The message of an unexpected exception sent to the client",
        "The message of an unexpected {0} is sent to the client by {1}; log the exception and send a generic message",
        Security,
        DiagnosticSeverity.Warning,
        "Messages of framework and infrastructure exceptions are written for developers, not clients: they can carry connection strings, SQL, paths or host names. Log the exception and send a neutral message.");

    public static readonly DiagnosticDescriptor EL0011DeveloperExceptionPageOutsideDevelopment = Create(
        RuleIdentifiers.DeveloperExceptionPageOutsideDevelopment,
        "Developer exception page enabled outside a development-only guard",
        "{0}() is reached outside development; wrap it in an IsDevelopment() check",
        Security,
        DiagnosticSeverity.Warning,
        "The developer exception page shows stack traces, source lines, headers and configuration to anyone. It must only run in the Development environment.");

    /// <summary>EL0011, second form: the developer page registered after UseExceptionHandler in the same pipeline.</summary>
    public static readonly DiagnosticDescriptor EL0011DeveloperExceptionPageAfterExceptionHandler = Create(
        RuleIdentifiers.DeveloperExceptionPageOutsideDevelopment,
        "Developer exception page enabled outside a development-only guard",
        "{0}() is registered after UseExceptionHandler(), so it catches exceptions first; register it before the exception handler, in a development-only branch",
        Security,
        DiagnosticSeverity.Warning,
        "The developer exception page shows stack traces, source lines, headers and configuration to anyone. It must only run in the Development environment.");

    public static readonly DiagnosticDescriptor EL0012ErrorBodyNotProblemDetails = Create(
        RuleIdentifiers.ErrorBodyNotProblemDetails,
        "Error response whose body is not problem details",
        "Status {0} is sent with {1} as its body; return Problem(...) or ValidationProblem(...) so clients read every error as problem details (RFC 9457)",
        Design,
        DiagnosticSeverity.Info,
        "Problem details (RFC 9457) give every error the same machine-readable shape: type, title, status, detail. A plain string, an anonymous object or an ad-hoc error type forces every client to special-case this endpoint. Declare a deliberate, documented error format in errorlint.error_contract_types.");

    public static readonly DiagnosticDescriptor EL0013ProblemDetailsStatusMismatch = Create(
        RuleIdentifiers.ProblemDetailsStatusMismatch,
        "Problem details status disagrees with the status code sent",
        "The problem details say Status = {0} but the response is sent with {1}; make them agree",
        StatusCodes,
        DiagnosticSeverity.Warning,
        "Clients that read the body and clients that read the status line must see the same status; a mismatch hides the real outcome from one of them.");

    public static readonly DiagnosticDescriptor EL0014UndeclaredErrorStatus = Create(
        RuleIdentifiers.UndeclaredErrorStatus,
        "Error status not declared in the endpoint's OpenAPI description",
        "{0} sends {1}, which this endpoint's OpenAPI description does not declare; add {2} so generated clients expect it",
        Design,
        DiagnosticSeverity.Info,
        "Errors are part of an API's definition. A client generated from the OpenAPI document has no type and no branch for a status it was never told about, so it treats a documented 404 or 409 as an unexpected failure. Declare every error status an endpoint sends: [ProducesResponseType] on controllers, .Produces/.ProducesProblem on minimal APIs (ProblemHttpResult carries no metadata).");

    public static readonly DiagnosticDescriptor EL0015ProblemDetailsAsPlainJson = Create(
        RuleIdentifiers.ProblemDetailsAsPlainJson,
        "Problem details sent with a content type other than application/problem+json",
        "{0} sends problem details as application/json; {1} so clients see application/problem+json",
        Design,
        DiagnosticSeverity.Warning,
        "WriteAsJsonAsync without a content type, Results.Json and the Results/TypedResults helpers other than Problem and ValidationProblem write application/json, even for a ProblemDetails value. Clients and gateways that dispatch on application/problem+json (RFC 9457) then treat the error as an ordinary body.");

    public static readonly DiagnosticDescriptor EL0016UseExceptionHandlerWithoutHandler = Create(
        RuleIdentifiers.ExceptionHandlingMiswired,
        "Exception handling wired so that it fails or never runs",
        "UseExceptionHandler() has no handler, no path and no problem details service, so the application throws when it starts; register them with AddProblemDetails()",
        Design,
        DiagnosticSeverity.Warning,
        "UseExceptionHandler() without arguments writes problem details through IProblemDetailsService; with none registered, no ExceptionHandler and no ExceptionHandlingPath, building the pipeline throws InvalidOperationException. AddExceptionHandler<T>() alone does not prevent it.",
        compilationEnd: true);

    /// <summary>EL0016's second message: an <c>IExceptionHandler</c> registered that no middleware runs.</summary>
    public static readonly DiagnosticDescriptor EL0016ExceptionHandlerNeverRuns = Create(
        RuleIdentifiers.ExceptionHandlingMiswired,
        "Exception handling wired so that it fails or never runs",
        "AddExceptionHandler<{0}>() registers a handler that never runs: nothing calls UseExceptionHandler(); add app.UseExceptionHandler() where the pipeline is built",
        Design,
        DiagnosticSeverity.Warning,
        "IExceptionHandler implementations run only inside the exception handler middleware. Without UseExceptionHandler() the registration does nothing, and unhandled exceptions get the default 500 (or the developer page).",
        compilationEnd: true);

    // The one place a descriptor is built (BannedSymbols.txt bans the constructor elsewhere).
#pragma warning disable RS0030
    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description, bool isEnabledByDefault = true, bool compilationEnd = false)
        => compilationEnd
            // Reported at compilation end: the IDE runs such rules on the whole project, not per document.
            ? new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLinkBase + id + ".md", WellKnownDiagnosticTags.CompilationEnd)
            : new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLinkBase + id + ".md");
#pragma warning restore RS0030
}
