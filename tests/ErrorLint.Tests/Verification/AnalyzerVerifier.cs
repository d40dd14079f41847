using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace ErrorLint.Tests.Verification;

/// <summary>
/// The test framework's analyzer verifier for a rule without a code fix (<c>Diagnostic</c>,
/// <c>VerifyAnalyzerAsync</c>), each test run against ASP.NET Core 8 and 10.
/// </summary>
public class AnalyzerVerifier<TAnalyzer> : AnalyzerVerifier<TAnalyzer, AnalyzerVerifier<TAnalyzer>.Test, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>
    /// <see cref="CSharpAnalyzerTest{TAnalyzer, TVerifier}"/> run once per reference set in <see cref="Frameworks"/>,
    /// compiler warnings included as in <see cref="CodeFixVerifier{TAnalyzer, TFixer}.Test"/>.
    /// </summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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

        protected override Task RunImplAsync(CancellationToken cancellationToken) =>
            TestSetup.ForEachFrameworkAsync(this, Frameworks, f =>
            {
                framework = f;
                return base.RunImplAsync(cancellationToken);
            });
    }
}
