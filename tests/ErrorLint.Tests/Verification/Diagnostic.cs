namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// Entry point for expected diagnostics: <c>Diagnostic.At(0, "EL0001")</c> reads like the markup it points to.
    /// A test file that also imports Microsoft.CodeAnalysis can disambiguate with
    /// <c>using Diagnostic = ErrorLint.Tests.Verification.Diagnostic;</c>.
    /// </summary>
    public static class Diagnostic
    {
        /// <summary>A diagnostic with <paramref name="id"/> expected at the markup location <c>{|#n:...|}</c>.</summary>
        public static ExpectedDiagnostic At(int markupLocation, string id) => new(markupLocation, id, message: null, severity: null);
    }
}
