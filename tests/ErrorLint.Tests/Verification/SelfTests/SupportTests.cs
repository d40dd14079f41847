using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>The public helpers other tests build on: reference sets, the analyzer runner, the typing variants.</summary>
    public sealed class SupportTests
    {
        [Fact]
        public void Reference_sets_hold_the_right_packs_and_are_loaded_once()
        {
            static string[] Names(TargetFrameworks framework) =>
                TestReferences.For(framework).Select(r => Path.GetFileName(r.Display!)).ToArray();

            Assert.Contains("Microsoft.AspNetCore.Mvc.Core.dll", Names(TargetFrameworks.AspNetCore8));
            Assert.Contains("Microsoft.AspNetCore.Mvc.Core.dll", Names(TargetFrameworks.AspNetCore10));
            Assert.Contains("System.Runtime.dll", Names(TargetFrameworks.NoAspNetCore));
            Assert.DoesNotContain(Names(TargetFrameworks.NoAspNetCore), n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
            Assert.Contains(TestReferences.For(TargetFrameworks.AspNetCore8), r => r.Display!.Contains("8.0.", StringComparison.Ordinal));
            Assert.True(TestReferences.For(TargetFrameworks.AspNetCore10) == TestReferences.For(TargetFrameworks.AspNetCore10));
            Assert.Throws<ArgumentException>(() => TestReferences.For(TargetFrameworks.Both));
        }

        [Fact]
        public async Task Analyzer_runner_returns_the_analyzer_diagnostics_of_all_sources()
        {
            var diagnostics = await AnalyzerRunner.RunAsync(
                new DiagnosticAnalyzer[] { new OkInvocationAnalyzer(), new OffByDefaultAnalyzer() },
                new[] { string.Empty, "class C { object Ok(object o) => o; object M() => Ok(1); void Broken( }" },
                TargetFrameworks.AspNetCore10);

            Assert.Equal(new[] { "TST0001", "TST0004" }, diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray());
            Assert.All(diagnostics, d => Assert.EndsWith("Test1.cs", d.Location.SourceTree!.FilePath, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Analyzer_runner_applies_the_editorconfig()
        {
            var diagnostics = await AnalyzerRunner.RunAsync(
                new DiagnosticAnalyzer[] { new OkInvocationAnalyzer() },
                new[] { "class C { object Ok(object o) => o; object M() => Ok(1); }" },
                TargetFrameworks.NoAspNetCore,
                "dotnet_diagnostic.TST0001.severity = none");

            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task Analyzer_runner_fails_on_an_analyzer_exception()
        {
            var exception = await Assert.ThrowsAsync<VerificationFailedException>(() => AnalyzerRunner.RunAsync(
                new DiagnosticAnalyzer[] { new ThrowingAnalyzer() },
                new[] { "class C { object Ok(object o) => o; object M() => Ok(1); }" },
                TargetFrameworks.AspNetCore8));

            Assert.Contains("AD0001", exception.Message);
            Assert.Contains(ThrowingAnalyzer.Message, exception.Message);
        }

        [Fact]
        public void Typing_variants_are_bounded_for_long_sources_and_cover_every_token_of_short_ones()
        {
            var longSource = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"class C{i} {{ int M() => {i}; }}"));
            Assert.InRange(TypingSimulation.Variants(longSource).Count(), 50, 60);

            var shortSource = "class C { int M() => 1; }";
            var prefixes = TypingSimulation.Variants(shortSource).Select(v => v.Text).ToHashSet();
            Assert.Contains("class C { int M() =>", prefixes);
            Assert.Contains("class C { int M(", prefixes);
            Assert.Contains("class C { int M() => ; }", prefixes);
            Assert.Contains(string.Empty, prefixes);
        }
    }
}
