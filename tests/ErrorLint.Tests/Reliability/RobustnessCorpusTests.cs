using System;
using System.Collections.Generic;
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
    private static readonly Lazy<Task<Project>> AspNetCore8 = new(() => Create(TargetFrameworks.AspNetCore8));
    private static readonly Lazy<Task<Project>> AspNetCore10 = new(() => Create(TargetFrameworks.AspNetCore10));

    public static IEnumerable<object[]> AnalyzersAndFrameworks() =>
        RuleCatalog.Analyzers.SelectMany(a => new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 }.Select(f => new object[] { a.GetType().Name, f }));

    [Theory]
    [InlineData(TargetFrameworks.AspNetCore8)]
    [InlineData(TargetFrameworks.AspNetCore10)]
    public async Task The_corpus_compiles_and_shows_mistakes(TargetFrameworks framework)
    {
        var result = await Test(RuleCatalog.Analyzers, framework).AnalyzeAsync(await Project(framework), $"the robustness corpus against {TestReferences.DisplayName(framework)}");
        Assert.True(result.CompilerErrors.IsEmpty, "The corpus must compile, or the test means nothing:" + Environment.NewLine + string.Join(Environment.NewLine, result.CompilerErrors));
        Assert.NotEmpty(result.AnalyzerDiagnostics);
    }

    [Theory]
    [MemberData(nameof(AnalyzersAndFrameworks))]
    public async Task Analyzer_does_not_throw_on_the_corpus(string analyzerName, TargetFrameworks framework)
    {
        var analyzer = RuleCatalog.Analyzer(analyzerName);
        await Test(new[] { analyzer }, framework).AnalyzeAsync(await Project(framework), $"the robustness corpus against {TestReferences.DisplayName(framework)}");
    }

    private static Task<Project> Project(TargetFrameworks framework) => framework == TargetFrameworks.AspNetCore8 ? AspNetCore8.Value : AspNetCore10.Value;

    // One project per framework (the analyzers' diagnostics all switched on), shared by every analyzer's run.
    private static Task<Project> Create(TargetFrameworks framework) => Test(RuleCatalog.Analyzers, framework).CreateProjectAsync();

    private static RuleSetTest Test(IEnumerable<DiagnosticAnalyzer> analyzers, TargetFrameworks framework)
    {
        var test = new RuleSetTest(analyzers) { Framework = framework, TestState = { OutputKind = OutputKind.ConsoleApplication } };
        return test.WithSources(RobustnessCorpus.Documents);
    }
}
