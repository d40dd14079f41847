namespace ErrorLint.Facts.Bodies;

/// <summary>Why a body reads as an error.</summary>
internal enum ErrorBodyKind
{
    /// <summary>An anonymous object or envelope with an error member: <c>new { error = "..." }</c>.</summary>
    ErrorMember,

    /// <summary>A failure flag: <c>success = false</c>, <c>status = "error"</c>.</summary>
    FailureFlag,

    /// <summary>A <c>ProblemDetails</c> object.</summary>
    ProblemDetails,

    /// <summary>Validation state: <c>ModelState</c>, <c>SerializableError</c>, Identity errors, an errors dictionary.</summary>
    ValidationState,

    /// <summary>An exception object.</summary>
    Exception,

    /// <summary>A type whose name or configuration says it is an error envelope.</summary>
    ErrorType,

    /// <summary>A failure factory call: <c>Result.Fail(...)</c>.</summary>
    FailureFactory,
}
