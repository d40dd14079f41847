namespace ErrorLint;

/// <summary>The fixed rule IDs. An ID is never reused or renumbered: users' configuration depends on it.</summary>
internal static class RuleIdentifiers
{
    public const string ErrorBodyWithSuccessStatus = "EL0001";
    public const string ValidationFailureAsServerError = "EL0002";
    public const string ServerFailureAsClientError = "EL0003";
    public const string UnauthorizedForAuthenticatedUser = "EL0004";
    public const string ForbiddenForAnonymousRequest = "EL0005";
    public const string MessageAsAuthenticationScheme = "EL0006";
    public const string MissingRetryAfter = "EL0007";
    public const string RateLimiterWithoutRetryAfter = "EL0008";
    public const string ExceptionDetailsInResponse = "EL0009";
    public const string ExceptionMessageInResponse = "EL0010";
    public const string DeveloperExceptionPageOutsideDevelopment = "EL0011";
    public const string ErrorBodyNotProblemDetails = "EL0012";
    public const string ProblemDetailsStatusMismatch = "EL0013";
    public const string UndeclaredErrorStatus = "EL0014";
    public const string ProblemDetailsAsPlainJson = "EL0015";
    public const string ExceptionHandlingMiswired = "EL0016";
}
