using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Verification
{
    /// <summary>Verifies a rule and its code fix.</summary>
    public static class CodeFixVerifier<TAnalyzer, TFixer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        /// <summary>
        /// Everything <see cref="AnalyzerVerifier{TAnalyzer}.VerifyAnalyzerAsync"/> checks, plus: every action the
        /// fixer offers for the reported diagnostics compiles and removes the diagnostic it was offered for.
        /// </summary>
        public static Task VerifyAnalyzerAsync(string source, TestOptions? options = null) =>
            VerificationRun.VerifyAsync(new TAnalyzer(), new TFixer(), VerificationMode.Analyzer, source, fixedSource: null, options);

        /// <summary>
        /// Everything <see cref="VerifyAnalyzerAsync"/> checks, plus: applying the chosen action until no fixable
        /// diagnostic remains gives exactly <paramref name="fixedSource"/>; so does Fix All in document, project and
        /// solution scope; and the fixed source compiles with exactly the diagnostics its markup shows.
        /// </summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource, TestOptions? options = null) =>
            VerificationRun.VerifyAsync(new TAnalyzer(), new TFixer(), VerificationMode.CodeFix, source, fixedSource, options);

        /// <summary>The diagnostics match the markup, and the fixer offers no action for any of them.</summary>
        public static Task VerifyNoCodeFixAsync(string source, TestOptions? options = null) =>
            VerificationRun.VerifyAsync(new TAnalyzer(), new TFixer(), VerificationMode.NoCodeFix, source, fixedSource: null, options);
    }
}
