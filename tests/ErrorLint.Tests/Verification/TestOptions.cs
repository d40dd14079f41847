using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Tests.Verification
{
    /// <summary>Everything a rule test may change about a verification run; the defaults are the strict ones.</summary>
    public sealed class TestOptions
    {
        /// <summary>The reference sets to run against, each a separate run. Default: ASP.NET Core 8 and 10.</summary>
        public TargetFrameworks Frameworks { get; set; } = TargetFrameworks.Both;

        /// <summary>
        /// Lines of a global analyzer config (no section header needed) seen by the analyzer and the fixer,
        /// e.g. <c>errorlint.validation_status = 422</c> or <c>dotnet_diagnostic.EL0001.severity = none</c>.
        /// </summary>
        public string? EditorConfig { get; set; }

        /// <summary>The equivalence key of the code action to apply; default: the first action offered.</summary>
        public string? CodeActionEquivalenceKey { get; set; }

        /// <summary>Diagnostics expected at <c>{|#n:...|}</c> locations, in the source, the fixed source or both.</summary>
        public List<ExpectedDiagnostic> ExpectedDiagnostics { get; set; } = new();

        /// <summary>More documents (Test1.cs, Test2.cs, ...) in the same project; they may contain markup.</summary>
        public List<string> AdditionalSources { get; set; } = new();

        /// <summary>
        /// The expected fixed form of each additional source, in the same order. Empty means the additional
        /// sources are expected unchanged by the fix.
        /// </summary>
        public List<string> FixedAdditionalSources { get; set; } = new();

        /// <summary>Default: a library. Use ConsoleApplication for top-level statements.</summary>
        public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

        /// <summary>Skips Fix All in every scope; requires <see cref="SkipFixAllReason"/>.</summary>
        public bool SkipFixAll { get; set; }

        public string? SkipFixAllReason { get; set; }

        /// <summary>
        /// How many times Fix All is applied per scope before comparing with the fixed source. Default: once for
        /// project and solution scope, once per document with fixable diagnostics for document scope. Raise it only
        /// for fixes whose result is itself fixable.
        /// </summary>
        public int? NumberOfFixAllIterations { get; set; }

        /// <summary>Skips running the analyzer on half-typed variants of the sources; requires a reason.</summary>
        public bool SkipTypingSimulation { get; set; }

        public string? SkipTypingSimulationReason { get; set; }

        /// <summary>
        /// Every offered code action must remove a diagnostic it was offered for. Set this to explain why a fixer's
        /// action legitimately leaves the diagnostic in place (the check is then skipped).
        /// </summary>
        public string? FixKeepsDiagnosticReason { get; set; }
    }
}
