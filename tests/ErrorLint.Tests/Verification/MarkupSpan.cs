using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// One marked span of a test source: <c>[|...|]</c> (no id, the analyzer's only id),
    /// <c>{|ID:...|}</c> (an exact id) or <c>{|#n:...|}</c> (a location for <see cref="ExpectedDiagnostic"/>s).
    /// </summary>
    internal sealed record MarkupSpan(TextSpan Span, string? Id, int? LocationIndex);
}
