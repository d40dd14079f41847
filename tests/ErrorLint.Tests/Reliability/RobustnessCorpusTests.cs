using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Reliability;

/// <summary>Every analyzer runs without an exception over the robustness corpus, against ASP.NET Core 8 and 10.</summary>
public sealed class RobustnessCorpusTests
{
    private static readonly Lazy<Project> AspNetCore8 = new(() => Create(TargetFrameworks.AspNetCore8));
    private static readonly Lazy<Project> AspNetCore10 = new(() => Create(TargetFrameworks.AspNetCore10));

    public static IEnumerable<object[]> AnalyzersAndFrameworks() =>
        RuleCatalog.Analyzers.SelectMany(a => new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 }.Select(f => new object[] { a.GetType().Name, f }));

    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    public async Task The_corpus_compiles_and_shows_mistakes(TargetFrameworks framework)
    {
        var result = (await Analysis.RunAsync(Project(framework), RuleCatalog.Analyzers, includeCompilerDiagnostics: true))
            .ThrowIfAnalyzerFailed($"the robustness corpus against {TestReferences.DisplayName(framework)}");
        Assert.True(result.CompilerErrors.IsEmpty, "The corpus must compile, or the test means nothing:" + Environment.NewLine + string.Join(Environment.NewLine, result.CompilerErrors));
        Assert.NotEmpty(result.AnalyzerDiagnostics);
    }

    [Theory]
    [MemberData(nameof(AnalyzersAndFrameworks))]
    public async Task Analyzer_does_not_throw_on_the_corpus(string analyzerName, TargetFrameworks framework)
    {
        var analyzer = RuleCatalog.Analyzer(analyzerName);
        (await Analysis.RunAsync(Project(framework), ImmutableArrayOf(analyzer), includeCompilerDiagnostics: false))
            .ThrowIfAnalyzerFailed($"the robustness corpus against {TestReferences.DisplayName(framework)}");
    }

    private static ImmutableArray<DiagnosticAnalyzer> ImmutableArrayOf(DiagnosticAnalyzer analyzer) =>
        ImmutableArray.Create(analyzer);

    private static Project Project(TargetFrameworks framework) => framework == TargetFrameworks.AspNetCore8 ? AspNetCore8.Value : AspNetCore10.Value;

    private static Project Create(TargetFrameworks framework) =>
        TestProject.Create(RobustnessCorpus.Documents, framework, null, OutputKind.ConsoleApplication, RuleCatalog.Analyzers);
}
