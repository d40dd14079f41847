using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace ErrorLint.Tests.Verification;

/// <summary>
/// The test framework's code-fix test over analyzers and fixers chosen at run time (every rule, the rules that
/// report an ID, a test-only fake) against one reference set, configured like <see cref="CodeFixVerifier{TAnalyzer, TFixer}.Test"/>.
/// The cross-rule tests and the reliability passes take the project the framework builds from
/// <see cref="AnalyzerTest{TVerifier}.TestState"/> and read its diagnostics through the framework, so they see what
/// the rule tests see.
/// </summary>
internal sealed class RuleSetTest : CodeFixTest<DefaultVerifier>
{
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableArray<CodeFixProvider> fixers;

    public RuleSetTest(IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider>? fixers = null)
    {
        this.analyzers = analyzers.ToImmutableArray();
        this.fixers = (fixers ?? Enumerable.Empty<CodeFixProvider>()).ToImmutableArray();
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        TestState.DocumentationMode = DocumentationMode.Parse;
    }

    /// <summary>The reference set the project compiles against. Default: ASP.NET Core 10.</summary>
    public TargetFrameworks Framework { get; set; } = TargetFrameworks.AspNetCore10;

    /// <summary>References to use instead of <see cref="Framework"/>'s, e.g. ASP.NET Core with assemblies left out.</summary>
    public ImmutableArray<MetadataReference>? References { get; set; }

    /// <summary>Whether the driver may run the analyzers on several threads at once (the framework's default).</summary>
    public bool ConcurrentAnalysis { get; set; } = true;

    public override string Language => LanguageNames.CSharp;

    /// <summary>Adds <paramref name="sources"/> to the test state as Test0.cs, Test1.cs, ...</summary>
    public RuleSetTest WithSources(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            TestState.Sources.Add(source);
        }

        return this;
    }

    public override Type SyntaxKindType => typeof(SyntaxKind);

    protected override string DefaultFileExt => "cs";

    /// <summary>
    /// The project of <see cref="AnalyzerTest{TVerifier}.TestState"/>, built by the framework: compilation options, the
    /// analyzers' diagnostics switched on, AD0001 an error. Markup in the sources is not parsed.
    /// </summary>
    public Task<Project> CreateProjectAsync(CancellationToken cancellationToken = default)
    {
        ReferenceAssemblies = TestReferences.Assemblies(Framework);
        TestState.MarkupHandling ??= MarkupMode.None;
        var fixable = fixers.SelectMany(f => f.FixableDiagnosticIds).ToImmutableArray();
        var state = TestState.WithInheritedValuesApplied(null, fixable)
            .WithProcessedMarkup(MarkupOptions, GetDefaultDiagnostic(analyzers.ToArray()), analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray(), fixable, DefaultFilePath);
        return CreateProjectAsync(new EvaluatedProjectState(state, ReferenceAssemblies), ImmutableArray<EvaluatedProjectState>.Empty, cancellationToken);
    }

    /// <summary>
    /// What the analyzers report on <paramref name="project"/> (by default, not what is suppressed in source), and the
    /// compiler's errors. An analyzer exception (AD0001) fails, naming <paramref name="what"/>.
    /// </summary>
    public async Task<AnalysisResult> AnalyzeAsync(Project project, string what, bool includeSuppressed = false, CancellationToken cancellationToken = default)
    {
        var all = (await GetSortedDiagnosticsAsync(project.Solution, analyzers, ImmutableArray<(Project, Diagnostic)>.Empty, CompilerDiagnostics.Errors, Verify, cancellationToken).ConfigureAwait(false))
            .Select(d => d.diagnostic)
            .Where(d => includeSuppressed || !d.IsSuppressed)
            .ToImmutableArray();
        var failures = all.Where(d => d.Id is "AD0001" or "AD0002").ToList();
        if (failures.Count > 0)
        {
            Verify.Fail($"An analyzer threw (AD0001) on {what}:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Select(d => d.GetMessage()))}");
        }

        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet();
        return new AnalysisResult(
            project,
            all.Where(d => ids.Contains(d.Id)).ToImmutableArray(),
            all.Where(d => !ids.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    /// <summary><see cref="CreateProjectAsync"/> and <see cref="AnalyzeAsync(Project, string, bool, CancellationToken)"/>.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(string what, bool includeSuppressed = false, CancellationToken cancellationToken = default) =>
        await AnalyzeAsync(await CreateProjectAsync(cancellationToken).ConfigureAwait(false), what, includeSuppressed, cancellationToken).ConfigureAwait(false);

    /// <summary>The framework's code-fix context, as an IDE would hand it to a fixer.</summary>
    public CodeFixContext CodeFixContext(Document document, Diagnostic diagnostic, Action<Microsoft.CodeAnalysis.CodeActions.CodeAction, ImmutableArray<Diagnostic>> register, CancellationToken cancellationToken) =>
        CreateCodeFixContext(document, diagnostic.Location.SourceSpan, ImmutableArray.Create(diagnostic), register, cancellationToken);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => analyzers;

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => fixers;

    protected override CompilationOptions CreateCompilationOptions() => TestSetup.CompilationOptions();

    protected override ParseOptions CreateParseOptions() => TestSetup.ParseOptions();

    protected override async Task<Solution> CreateSolutionAsync(ProjectId projectId, EvaluatedProjectState projectState, CancellationToken cancellationToken) =>
        (await base.CreateSolutionAsync(projectId, projectState, cancellationToken).ConfigureAwait(false))
            .AddMetadataReferences(projectId, References ?? TestReferences.For(Framework));

    protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken) =>
        ConcurrentAnalysis
            ? base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken)
            : compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));

    // Suppressed diagnostics are kept here; AnalyzeAsync leaves them out unless asked for them.
    protected override ImmutableArray<(Project project, Diagnostic diagnostic)> FilterDiagnostics(ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics) =>
        diagnostics;

    // Rule tests run the framework's checks through CodeFixVerifier; this type only builds projects and reads diagnostics.
    protected override Task RunImplAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{nameof(RuleSetTest)} builds projects and reads their diagnostics; run rule tests through CodeFixVerifier.");
}

/// <summary>What one analysis of a project found: the analyzers' diagnostics and the compiler's errors, each sorted by the framework.</summary>
internal sealed record AnalysisResult(Project Project, ImmutableArray<Diagnostic> AnalyzerDiagnostics, ImmutableArray<Diagnostic> CompilerErrors);
