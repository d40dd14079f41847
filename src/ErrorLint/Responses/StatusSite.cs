namespace ErrorLint.Responses;

/// <summary>Where a response's status is decided, so a rule reports a status once, where it is written.</summary>
internal static class StatusSite
{
    /// <summary>
    /// False for a write whose status was set by an earlier <c>Response.StatusCode = ...</c> (that assignment is
    /// reported itself) and for a status nobody can read at compile time; true otherwise.
    /// </summary>
    public static bool IsDecidedHere(HttpResponseInfo response)
    {
        if (response.StatusCode is null || response.StatusOrigin == StatusOrigin.Unknown)
        {
            return false;
        }

        return response.StatusOperation is not { } status || response.Operation.Syntax.Span.Contains(status.Syntax.Span);
    }
}
