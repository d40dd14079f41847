using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint;

/// <summary>How every rule treats generated code: never analyzed, with the driver's redundant report check switched off.</summary>
internal static class GeneratedCodePolicy
{
    /// <summary>
    /// Without <see cref="GeneratedCodeAnalysisFlags.Analyze"/> the driver never hands a rule a generated member (a
    /// generated file name, an <c>auto-generated</c> header, <c>generated_code = true</c>, <c>[GeneratedCode]</c> on the
    /// member or its type). Every rule reports only inside the member it is handed, so the driver's second check,
    /// made on every report (a scan of the whole file for <c>[GeneratedCode]</c>, once per file reported in), could
    /// never remove one of ours; <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/> skips it.
    /// </summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
