namespace ErrorLint.Responses;

/// <summary>Where a response's status code comes from, so rules can weigh how sure they are.</summary>
internal enum StatusOrigin
{
    /// <summary>The status is not known at compile time (a variable, a computed value).</summary>
    Unknown,

    /// <summary>Written in the code: an argument, an initializer or an assignment.</summary>
    Explicit,

    /// <summary>Implied by the helper or result type: <c>Ok()</c> is 200, <c>Problem()</c> is 500.</summary>
    Implied,

    /// <summary>Nothing sets it, so the framework's default applies (200, or 500 inside an exception handler).</summary>
    FrameworkDefault,
}
