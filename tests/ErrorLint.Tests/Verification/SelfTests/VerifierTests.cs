using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verifier = ErrorLint.Tests.Verification.CodeFixVerifier<ErrorLint.Tests.Verification.SelfTests.OkInvocationAnalyzer, ErrorLint.Tests.Verification.SelfTests.NoContentFixer>;

namespace ErrorLint.Tests.Verification.SelfTests
{
    /// <summary>
    /// The verifier is only worth something if it fails when it should: each check has a test with a misbehaving
    /// analyzer, fixer or expectation that must fail with a message naming the problem, next to the passing case.
    /// </summary>
    public sealed class VerifierTests
    {
        private const string Reason = "self-test of the verifier";

        // -------- Passing cases --------

        [Fact]
        public async Task Marked_diagnostic_passes()
        {
            await AnalyzerVerifier<OkInvocationAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];"));
        }

        [Fact]
        public async Task Explicit_id_and_numbered_location_with_message_and_severity_pass()
        {
            await Verifier.VerifyAnalyzerAsync(
                Handler("""
                        object A() => {|TST0001:Ok(1)|};
                        object B() => {|#0:Ok(2)|};
                    """),
                new TestOptions
                {
                    ExpectedDiagnostics = { Diagnostic.At(0, "TST0001").WithMessage("'Ok' called with 1 argument(s)").WithSeverity(DiagnosticSeverity.Warning) },
                });
        }

        [Fact]
        public async Task Nested_spans_pass()
        {
            await AnalyzerVerifier<OkInvocationAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok([|Ok(1)|])|];"));
        }

        [Fact]
        public async Task Expected_compiler_error_in_markup_passes_even_on_an_empty_span()
        {
            await AnalyzerVerifier<OkInvocationAnalyzer>.VerifyAnalyzerAsync(Handler("""
                    object Get() => {|CS0103:Missing|}();
                    object Other()
                    {
                        return [|Ok(1)|]{|CS1002:|}
                    }
                """));
        }

        [Fact]
        public async Task Fix_passes()
        {
            await Verifier.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => NoContent();"));
        }

        [Fact]
        public async Task Equivalence_key_selects_the_action()
        {
            await Verifier.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => StatusCode(204);"),
                new TestOptions { CodeActionEquivalenceKey = NoContentFixer.StatusCodeKey });
        }

        [Fact]
        public async Task Fixed_source_keeps_the_diagnostics_its_markup_shows()
        {
            await Verifier.VerifyCodeFixAsync(
                Handler("""
                        object A() => [|Ok(1)|];
                        object B() => [|Ok()|];
                    """),
                Handler("""
                        object A() => NoContent();
                        object B() => [|Ok()|];
                    """));
        }

        [Fact]
        public async Task Fix_and_Fix_All_cover_additional_documents()
        {
            await Verifier.VerifyCodeFixAsync(
                Handler("""
                        object A() => [|Ok(1)|];
                        object B() => [|Ok(2)|];
                    """),
                Handler("""
                        object A() => NoContent();
                        object B() => NoContent();
                    """),
                new TestOptions
                {
                    AdditionalSources = { Handler("    object C() => [|Ok(3)|];", "OtherHandler") },
                    FixedAdditionalSources = { Handler("    object C() => NoContent();", "OtherHandler") },
                });
        }

        [Fact]
        public async Task No_code_fix_passes_when_the_fixer_offers_nothing()
        {
            await Verifier.VerifyNoCodeFixAsync(Handler("    object Get() => [|Ok()|];"));
        }

        [Fact]
        public async Task Off_by_default_rules_are_switched_on()
        {
            await AnalyzerVerifier<OffByDefaultAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];"));
        }

        [Theory]
        [InlineData("dotnet_diagnostic.TST0001.severity = none")]
        [InlineData("[*.cs]\ndotnet_diagnostic.TST0001.severity = none")]
        [InlineData("dotnet_analyzer_diagnostic.severity = none")]
        public async Task Editorconfig_severity_none_silences_the_rule(string editorConfig)
        {
            var source = Handler("    object Get() => Ok(1);");
            await Verifier.VerifyAnalyzerAsync(source, new TestOptions { EditorConfig = editorConfig });

            // The same source without the option is reported: the option, not the source, silenced it.
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(source));
            Assert.Contains("Reported but not expected", message);
        }

        [Theory]
        [InlineData("dotnet_diagnostic.TST0001.severity = error")]
        [InlineData("[*.cs]\ndotnet_diagnostic.TST0001.severity = error")]
        public async Task Editorconfig_severity_changes_the_compared_severity(string editorConfig)
        {
            await Verifier.VerifyAnalyzerAsync(
                Handler("    object Get() => {|#0:Ok(1)|};"),
                new TestOptions
                {
                    EditorConfig = editorConfig,
                    ExpectedDiagnostics = { Diagnostic.At(0, "TST0001").WithSeverity(DiagnosticSeverity.Error) },
                });
        }

        [Fact]
        public async Task Editorconfig_can_silence_an_off_by_default_rule_the_verifier_switched_on()
        {
            await AnalyzerVerifier<OffByDefaultAnalyzer>.VerifyAnalyzerAsync(
                Handler("    object Get() => Ok(1);"),
                new TestOptions { EditorConfig = "dotnet_diagnostic.TST0004.severity = none" });
        }

        [Theory]
        [InlineData("errorlint_selftest.note = hello")]
        [InlineData("[*.cs]\nerrorlint_selftest.note = hello")]
        public async Task Editorconfig_options_reach_the_analyzer(string editorConfig)
        {
            await AnalyzerVerifier<OptionAnalyzer>.VerifyAnalyzerAsync(
                Handler("    object Get() => {|#0:Ok(1)|};"),
                new TestOptions
                {
                    EditorConfig = editorConfig,
                    ExpectedDiagnostics = { Diagnostic.At(0, "TST0005").WithMessage("note: hello") },
                });
        }

        [Fact]
        public async Task Editorconfig_options_reach_the_fixer()
        {
            await CodeFixVerifier<OkInvocationAnalyzer, OptionFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => Accepted();"),
                new TestOptions { EditorConfig = "errorlint_selftest.replacement = Accepted" });
        }

        [Fact]
        public async Task Simplifier_add_imports_and_formatter_annotations_are_applied()
        {
            await CodeFixVerifier<OkInvocationAnalyzer, AnnotatedFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                "using System.Text;\n\n" + Handler("    object Get() => new StringBuilder();"));
        }

        [Fact]
        public async Task Controller_fix_passes_on_both_frameworks()
        {
            await Verifier.VerifyCodeFixAsync(
                """
                using Microsoft.AspNetCore.Mvc;

                public sealed class ItemsController : ControllerBase
                {
                    [HttpDelete("{id}")]
                    public IActionResult Delete(int id) => [|Ok(id)|];
                }
                """,
                """
                using Microsoft.AspNetCore.Mvc;

                public sealed class ItemsController : ControllerBase
                {
                    [HttpDelete("{id}")]
                    public IActionResult Delete(int id) => NoContent();
                }
                """);
        }

        [Fact]
        public async Task Top_level_statements_pass_as_a_console_application()
        {
            await Verifier.VerifyCodeFixAsync(
                """
                System.Console.WriteLine([|Ok(1)|]);

                static object Ok(object value) => value;
                static object NoContent() => new object();
                static object StatusCode(int code) => code;
                """,
                """
                System.Console.WriteLine(NoContent());

                static object Ok(object value) => value;
                static object NoContent() => new object();
                static object StatusCode(int code) => code;
                """,
                new TestOptions { OutputKind = OutputKind.ConsoleApplication });
        }

        [Fact]
        public async Task A_fix_may_keep_its_diagnostic_when_the_test_says_why()
        {
            await CodeFixVerifier<OkInvocationAnalyzer, KeepingFixer>.VerifyAnalyzerAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                new TestOptions { FixKeepsDiagnosticReason = Reason });
        }

        [Fact]
        public async Task Skipping_the_typing_simulation_with_a_reason_passes_a_fragile_analyzer()
        {
            await AnalyzerVerifier<FragileAnalyzer>.VerifyAnalyzerAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                new TestOptions { SkipTypingSimulation = true, SkipTypingSimulationReason = Reason });
        }

        // -------- Diagnostics that do not match --------

        [Fact]
        public async Task Missing_marker_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(Handler("    object Get() => Ok(1);")));
            Assert.Contains("Reported but not expected", message);
            Assert.Contains("TST0001", message);
            Assert.Contains("{|TST0001:Ok(1)|}", message);
        }

        [Fact]
        public async Task Marker_without_diagnostic_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(Handler("    object Get() => [|NoContent()|];")));
            Assert.Contains("Expected but not reported", message);
            Assert.Contains("TST0001", message);
        }

        [Fact]
        public async Task Extra_diagnostic_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(Handler("""
                    object A() => [|Ok(1)|];
                    object B() => Ok(2);
                """)));
            Assert.Contains("Reported but not expected", message);
            Assert.Contains("Ok(2)", message);
            Assert.DoesNotContain("Expected but not reported", message);
        }

        [Fact]
        public async Task Wrong_span_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok|](1);")));
            Assert.Contains("Expected but not reported", message);
            Assert.Contains("Reported but not expected", message);
        }

        [Fact]
        public async Task Wrong_id_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(Handler("    object Get() => {|TST0009:Ok(1)|};")));
            Assert.Contains("TST0009", message);
            Assert.Contains("Expected but not reported", message);
        }

        [Fact]
        public async Task Wrong_message_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(
                Handler("    object Get() => {|#0:Ok(1)|};"),
                new TestOptions { ExpectedDiagnostics = { Diagnostic.At(0, "TST0001").WithMessage("'Ok' called twice") } }));
            Assert.Contains("Expected message: 'Ok' called twice", message);
            Assert.Contains("Actual message:   'Ok' called with 1 argument(s)", message);
        }

        [Fact]
        public async Task Wrong_severity_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(
                Handler("    object Get() => {|#0:Ok(1)|};"),
                new TestOptions { ExpectedDiagnostics = { Diagnostic.At(0, "TST0001").WithSeverity(DiagnosticSeverity.Error) } }));
            Assert.Contains("Expected severity: error, actual: warning", message);
        }

        [Fact]
        public async Task Test_source_that_does_not_compile_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(Handler("    object Get() => Missing();")));
            Assert.Contains("CS0103", message);
            Assert.Contains("Reported but not expected", message);
        }

        [Fact]
        public async Task Failure_names_the_framework()
        {
            var source = """
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static IResult Fail() => TypedResults.InternalServerError();
                }
                """;
            await Verifier.VerifyAnalyzerAsync(source, new TestOptions { Frameworks = TargetFrameworks.AspNetCore10 });

            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(source));
            Assert.StartsWith("[ASP.NET Core 8", message);
            Assert.Contains("CS0117", message);
        }

        [Fact]
        public async Task No_AspNetCore_framework_has_no_AspNetCore_references()
        {
            var message = await FailsAsync(() => Verifier.VerifyAnalyzerAsync(
                """
                using Microsoft.AspNetCore.Mvc;

                public sealed class ItemsController : ControllerBase
                {
                    public IActionResult Get() => [|Ok(1)|];
                }
                """,
                new TestOptions { Frameworks = TargetFrameworks.NoAspNetCore }));
            Assert.StartsWith("[no ASP.NET Core", message);
            Assert.Contains("CS0246", message);
        }

        [Fact]
        public async Task Analyzer_that_throws_fails()
        {
            var message = await FailsAsync(() => AnalyzerVerifier<ThrowingAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => Ok(1);")));
            Assert.Contains("AD0001", message);
            Assert.Contains(ThrowingAnalyzer.Message, message);
        }

        [Fact]
        public async Task Analyzer_that_reports_in_generated_code_fails()
        {
            var message = await FailsAsync(() => AnalyzerVerifier<GeneratedCodeAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];")));
            Assert.Contains("<auto-generated/>", message);
            Assert.Contains("TST0001", message);
        }

        [Fact]
        public async Task Diagnostic_that_pragma_cannot_silence_fails()
        {
            var message = await FailsAsync(() => AnalyzerVerifier<NotConfigurableAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];")));
            Assert.Contains("#pragma warning disable TST0006", message);
        }

        [Fact]
        public async Task Analyzer_that_crashes_on_half_typed_code_fails()
        {
            // Finished code is fine; "Ok(" while typing is not.
            var message = await FailsAsync(() => AnalyzerVerifier<FragileAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];")));
            Assert.StartsWith("[typing simulation", message);
            Assert.Contains("ArgumentOutOfRangeException", message);
            Assert.Contains(nameof(FragileAnalyzer), message);
        }

        [Fact]
        public async Task Fixer_that_crashes_on_half_typed_code_fails()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, FragileFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => NoContent();")));
            Assert.StartsWith("[typing simulation", message);
            Assert.Contains("FragileFixer.RegisterCodeFixesAsync threw", message);
            Assert.Contains(FragileFixer.Message, message);
        }

        // -------- Markup and options that are wrong --------

        [Theory]
        [InlineData("    object Get() => [|Ok(1);", "never closed")]
        [InlineData("    object Get() => Ok(1)|];", "closes nothing")]
        [InlineData("    object Get() => {|TST0001:Ok(1)|];", "closes the '{|'")]
        [InlineData("    object Get() => {|TST 0001:Ok(1)|};", "unknown markup")]
        public async Task Invalid_markup_throws(string body, string problem)
        {
            var exception = await Assert.ThrowsAsync<FormatException>(() => Verifier.VerifyAnalyzerAsync(Handler(body)));
            Assert.Contains(problem, exception.Message);
            Assert.Contains("Test0.cs of the test source", exception.Message);
        }

        [Fact]
        public async Task Bracket_markup_needs_an_analyzer_with_a_single_id()
        {
            var exception = await Assert.ThrowsAsync<FormatException>(() => AnalyzerVerifier<TwoIdAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];")));
            Assert.Contains("TST0001, TST0003", exception.Message);

            await AnalyzerVerifier<TwoIdAnalyzer>.VerifyAnalyzerAsync(Handler("    object Get() => {|TST0001:Ok({|TST0003:NoContent()|})|};"));
        }

        [Fact]
        public async Task Expected_diagnostic_and_numbered_location_must_match_up()
        {
            var unused = await Assert.ThrowsAsync<FormatException>(() => Verifier.VerifyAnalyzerAsync(Handler("    object Get() => {|#0:Ok(1)|};")));
            Assert.Contains("{|#0:...|}", unused.Message);
            Assert.Contains("not used by any entry of ExpectedDiagnostics", unused.Message);

            var dangling = await Assert.ThrowsAsync<FormatException>(() => Verifier.VerifyAnalyzerAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                new TestOptions { ExpectedDiagnostics = { Diagnostic.At(1, "TST0001") } }));
            Assert.Contains("no markup {|#1:...|}", dangling.Message);
        }

        [Fact]
        public async Task Skips_need_a_reason()
        {
            var source = Handler("    object Get() => [|Ok(1)|];");
            var fixAll = await Assert.ThrowsAsync<ArgumentException>(() => Verifier.VerifyCodeFixAsync(source, source, new TestOptions { SkipFixAll = true }));
            Assert.Contains("SkipFixAllReason", fixAll.Message);
            var typing = await Assert.ThrowsAsync<ArgumentException>(() => Verifier.VerifyAnalyzerAsync(source, new TestOptions { SkipTypingSimulation = true }));
            Assert.Contains("SkipTypingSimulationReason", typing.Message);
        }

        // -------- Fixes that misbehave --------

        [Fact]
        public async Task Fix_whose_output_differs_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => StatusCode(204);")));
            Assert.Contains("after the code fix (1 code action(s) applied) differs from the fixed source", message);
            Assert.Contains("-    9:     object Get() => StatusCode(204);", message);
            Assert.Contains("+    9:     object Get() => NoContent();", message);
        }

        [Fact]
        public async Task Fixer_that_throws_fails()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, ThrowingFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => NoContent();")));
            Assert.Contains("ThrowingFixer.RegisterCodeFixesAsync threw", message);
            Assert.Contains(ThrowingFixer.Message, message);
        }

        [Fact]
        public async Task Code_action_that_throws_fails()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, ThrowingActionFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => NoContent();")));
            Assert.Contains("threw while computing its changes", message);
            Assert.Contains(ThrowingActionFixer.Message, message);
        }

        [Fact]
        public async Task Fix_producing_uncompilable_code_fails()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, UncompilableFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => Missing();"),
                new TestOptions { CodeActionEquivalenceKey = UncompilableFixer.BrokenKey }));
            Assert.Contains("'Use Missing()'", message);
            Assert.Contains("does not compile", message);
            Assert.Contains("CS0103", message);
        }

        [Fact]
        public async Task Uncompilable_alternative_action_fails_even_when_not_chosen()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, UncompilableFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => NoContent();")));
            Assert.Contains("'Use Missing()'", message);
            Assert.Contains("does not compile", message);
        }

        [Fact]
        public async Task Fix_that_keeps_its_diagnostic_fails()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, KeepingFixer>.VerifyAnalyzerAsync(Handler("    object Get() => [|Ok(1)|];")));
            Assert.Contains("does not remove the TST0001 it was offered for", message);
        }

        [Fact]
        public async Task Fix_loop_that_does_not_converge_fails()
        {
            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, KeepingFixer>.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => /* checked */ [|Ok(1)|];"),
                new TestOptions { FixKeepsDiagnosticReason = Reason }));
            Assert.Contains("The fix loop applied 2 code actions and fixable diagnostics remain", message);
        }

        [Fact]
        public async Task Fix_All_that_differs_from_the_single_fixes_fails()
        {
            var source = Handler("""
                    object A() => [|Ok(1)|];
                    object B() => [|Ok(2)|];
                """);
            var fixedSource = Handler("""
                    object A() => NoContent();
                    object B() => NoContent();
                """);
            await Verifier.VerifyCodeFixAsync(source, fixedSource);

            var message = await FailsAsync(() => CodeFixVerifier<OkInvocationAnalyzer, PartialFixAllFixer>.VerifyCodeFixAsync(source, fixedSource));
            Assert.Contains("after Fix All in Document scope differs from the fixed source", message);
            Assert.Contains("+   10:     object B() => Ok(2);", message);
        }

        [Fact]
        public async Task Fix_All_must_fix_additional_documents_as_expected()
        {
            var message = await FailsAsync(() => Verifier.VerifyCodeFixAsync(
                Handler("    object A() => [|Ok(1)|];"),
                Handler("    object A() => NoContent();"),
                new TestOptions { AdditionalSources = { Handler("    object C() => [|Ok(3)|];", "OtherHandler") } }));
            Assert.Contains("Test1.cs after the code fix", message);
            Assert.Contains("+    9:     object C() => NoContent();", message);
        }

        [Fact]
        public async Task Fixed_source_markup_is_checked()
        {
            var message = await FailsAsync(() => Verifier.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => [|NoContent()|];")));
            Assert.Contains("Diagnostics in the fixed source do not match its markup", message);
            Assert.Contains("Expected but not reported", message);
        }

        [Fact]
        public async Task Unknown_equivalence_key_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyCodeFixAsync(
                Handler("    object Get() => [|Ok(1)|];"),
                Handler("    object Get() => NoContent();"),
                new TestOptions { CodeActionEquivalenceKey = "TST0001.Nope" }));
            Assert.Contains("No code action with equivalence key 'TST0001.Nope' was offered", message);
            Assert.Contains("'TST0001.StatusCode'", message);
        }

        [Fact]
        public async Task Offered_fix_fails_a_no_code_fix_test()
        {
            var message = await FailsAsync(() => Verifier.VerifyNoCodeFixAsync(Handler("    object Get() => [|Ok(1)|];")));
            Assert.Contains("Expected no code action", message);
            Assert.Contains("'Use NoContent()'", message);
        }

        [Fact]
        public async Task No_code_fix_test_without_a_fixable_diagnostic_fails()
        {
            var message = await FailsAsync(() => Verifier.VerifyNoCodeFixAsync(Handler("    object Get() => NoContent();")));
            Assert.Contains("needs a diagnostic the fixer handles", message);
        }

        private static async Task<string> FailsAsync(Func<Task> verification)
        {
            var exception = await Assert.ThrowsAnyAsync<Exception>(verification);
            return exception.Message;
        }

        // A class with the methods the test-only rule and fixes use, around the test's members.
        private static string Handler(string members, string name = "Handler") => $$"""
            class {{name}}
            {
                object Ok() => new object();
                object Ok(object value) => value;
                object NoContent() => new object();
                object StatusCode(int code) => code;
                object Accepted() => new object();

            {{members}}
            }
            """;
    }
}
