using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace ErrorLint.Tests.Verification;

/// <summary>
/// The test framework's code-fix verifier for one rule (<c>Diagnostic</c>, <c>VerifyAnalyzerAsync</c>,
/// <c>VerifyCodeFixAsync</c>), each test run against ASP.NET Core 8 and 10. For anything else, configure a
/// <see cref="Test"/> the framework's way and call <c>RunAsync</c>.
/// </summary>
public class CodeFixVerifier<TAnalyzer, TFixer> : CodeFixVerifier<TAnalyzer, TFixer, CodeFixVerifier<TAnalyzer, TFixer>.Test, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    /// <summary>The diagnostics are reported as expected and the fixer offers no action for them (fixed code = source).</summary>
    public static Task VerifyNoCodeFixAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCodeFixAsync(source, expected, source);

    /// <summary>
    /// <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix, TVerifier}"/> run once per reference set in
    /// <see cref="Frameworks"/>. The fixed code (and Fix All's) is compiled with compiler warnings included, so a
    /// fix that leaves a new warning fails; markup in the fixed code is what the fixed code must report.
    /// </summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
    {
        private TargetFrameworks framework;

        public Test()
        {
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            MarkupOptions = MarkupOptions.UseFirstDescriptor;

            // Doc comments parsed as in a project that does not generate an XML documentation file (no CS1591).
            TestState.DocumentationMode = DocumentationMode.Parse;
        }

        /// <summary>The reference sets to run against, each a separate run. Default: ASP.NET Core 8 and 10.</summary>
        public TargetFrameworks Frameworks { get; set; } = TargetFrameworks.Both;

        protected override CompilationOptions CreateCompilationOptions() => TestSetup.CompilationOptions();

        protected override ParseOptions CreateParseOptions() => TestSetup.ParseOptions();

        protected override async Task<Solution> CreateSolutionAsync(ProjectId projectId, EvaluatedProjectState projectState, CancellationToken cancellationToken) =>
            (await base.CreateSolutionAsync(projectId, projectState, cancellationToken).ConfigureAwait(false))
                .AddMetadataReferences(projectId, TestReferences.For(framework));

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            // Set only when there is fixed code: a fixed state with any setting means "a fix is expected".
            if (FixedState.Sources.Count > 0)
            {
                FixedState.MarkupHandling ??= MarkupMode.Allow;
            }

            return TestSetup.ForEachFrameworkAsync(this, Frameworks, f =>
            {
                framework = f;
                return base.RunImplAsync(cancellationToken);
            });
        }
    }
}
