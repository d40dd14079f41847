using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Verification
{
    /// <summary>Verifies a rule that has no code fix.</summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>
        /// The analyzer reports exactly what the markup says on every selected framework, the source compiles
        /// (apart from compiler errors the markup expects), the diagnostics vanish under
        /// '#pragma warning disable' and in generated code, and half-typed variants of the source crash nothing.
        /// </summary>
        public static Task VerifyAnalyzerAsync(string source, TestOptions? options = null) =>
            VerificationRun.VerifyAsync(new TAnalyzer(), fixer: null, VerificationMode.Analyzer, source, fixedSource: null, options);
    }
}
