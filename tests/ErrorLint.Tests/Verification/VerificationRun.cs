using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ErrorLint.Tests.Verification
{
    /// <summary>What a verification call asks for.</summary>
    internal enum VerificationMode
    {
        /// <summary>Diagnostics only (plus, with a fixer, the safety of every offered action).</summary>
        Analyzer,

        /// <summary>Diagnostics, the fix loop, Fix All and the fixed source's diagnostics.</summary>
        CodeFix,

        /// <summary>Diagnostics, and the fixer must offer nothing for them.</summary>
        NoCodeFix,
    }

    /// <summary>
    /// One verification call: parses the test, then runs every check against each selected framework and finally
    /// the typing simulation. Each check throws <see cref="VerificationFailedException"/> naming what failed.
    /// </summary>
    internal sealed class VerificationRun
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
        private readonly CodeFixProvider? fixer;
        private readonly VerificationMode mode;
        private readonly TestOptions options;
        private readonly TestState source;
        private readonly ImmutableArray<ExpectedEntry> sourceExpected;
        private readonly TestState? fixedState;
        private readonly ImmutableArray<ExpectedEntry> fixedExpected;
        private bool suppressionChecked;

        private VerificationRun(DiagnosticAnalyzer analyzer, CodeFixProvider? fixer, VerificationMode mode, string sourceText, string? fixedText, TestOptions options)
        {
            analyzers = ImmutableArray.Create(analyzer);
            this.fixer = fixer;
            this.mode = mode;
            this.options = options;
            source = TestState.Parse("the test source", sourceText, options.AdditionalSources);
            sourceExpected = ExpectedEntry.From(source, options.ExpectedDiagnostics, analyzers);
            if (fixedText is not null)
            {
                var fixedAdditional = options.FixedAdditionalSources.Count > 0 ? options.FixedAdditionalSources : options.AdditionalSources;
                fixedState = TestState.Parse("the fixed source", fixedText, fixedAdditional);
                fixedExpected = ExpectedEntry.From(fixedState, options.ExpectedDiagnostics, analyzers);
            }

            var used = source.LocationIndexes().Concat(fixedState?.LocationIndexes() ?? Enumerable.Empty<int>()).ToHashSet();
            var dangling = options.ExpectedDiagnostics.FirstOrDefault(e => !used.Contains(e.MarkupLocation));
            if (dangling is not null)
            {
                throw new FormatException($"ExpectedDiagnostics has {dangling}, but no markup {{|#{dangling.MarkupLocation}:...|}} marks that location.");
            }
        }

        public static async Task VerifyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider? fixer, VerificationMode mode, string source, string? fixedSource, TestOptions? options)
        {
            options ??= new TestOptions();
            Validate(options);
            var run = new VerificationRun(analyzer, fixer, mode, source, fixedSource, options);
            foreach (var framework in TestReferences.Split(options.Frameworks))
            {
                try
                {
                    await run.RunAsync(framework).ConfigureAwait(false);
                }
                catch (VerificationFailedException exception)
                {
                    throw new VerificationFailedException($"[{TestReferences.DisplayName(framework)}] {exception.Message}", exception);
                }
            }

            if (!options.SkipTypingSimulation)
            {
                var states = run.fixedState is null ? new[] { run.source } : new[] { run.source, run.fixedState };
                await TypingSimulation.RunAsync(run.analyzers, fixer, states, options).ConfigureAwait(false);
            }
        }

        private static void Validate(TestOptions options)
        {
            if (options.SkipFixAll && string.IsNullOrWhiteSpace(options.SkipFixAllReason))
            {
                throw new ArgumentException("SkipFixAll needs SkipFixAllReason: say why Fix All cannot be tested.");
            }

            if (options.SkipTypingSimulation && string.IsNullOrWhiteSpace(options.SkipTypingSimulationReason))
            {
                throw new ArgumentException("SkipTypingSimulation needs SkipTypingSimulationReason: say why half-typed code cannot be analyzed.");
            }

            if (options.FixedAdditionalSources.Count > 0 && options.FixedAdditionalSources.Count != options.AdditionalSources.Count)
            {
                throw new ArgumentException($"FixedAdditionalSources has {options.FixedAdditionalSources.Count} entries; it needs one per additional source ({options.AdditionalSources.Count}).");
            }

            if (options.NumberOfFixAllIterations < 1)
            {
                throw new ArgumentException("NumberOfFixAllIterations must be at least 1.");
            }
        }

        private async Task RunAsync(TargetFrameworks framework)
        {
            var initial = (await AnalyzeAsync(Create(source.Texts, framework), includeCompilerDiagnostics: true).ConfigureAwait(false))
                .ThrowIfAnalyzerFailed(source.Description);
            DiagnosticComparer.AssertMatches(source, sourceExpected, initial);

            // Suppression does not depend on the framework: checked once, on the first one with diagnostics.
            if (!initial.AnalyzerDiagnostics.IsEmpty && !suppressionChecked)
            {
                await AssertSuppressibleAsync(framework).ConfigureAwait(false);
                suppressionChecked = true;
            }

            if (fixer is null)
            {
                return;
            }

            await AssertEveryActionIsSafeAsync(initial).ConfigureAwait(false);
            switch (mode)
            {
                case VerificationMode.NoCodeFix:
                    await AssertNoActionsAsync(initial).ConfigureAwait(false);
                    break;
                case VerificationMode.CodeFix:
                    var equivalenceKey = await RunFixLoopAsync(initial).ConfigureAwait(false);
                    if (!options.SkipFixAll && equivalenceKey.Applied)
                    {
                        await RunFixAllAsync(initial, equivalenceKey.Key).ConfigureAwait(false);
                    }

                    break;
            }
        }

        // Users silence diagnostics with '#pragma warning disable' and the compiler marks generated code; in both
        // cases every diagnostic of the analyzer must vanish.
        private async Task AssertSuppressibleAsync(TargetFrameworks framework)
        {
            var generated = await AnalyzeAsync(Create(source.Texts.Select(t => "// <auto-generated/>\n" + t).ToList(), framework), includeCompilerDiagnostics: false).ConfigureAwait(false);
            DiagnosticComparer.AssertNone(
                generated.ThrowIfAnalyzerFailed("the test source marked <auto-generated/>").AnalyzerDiagnostics,
                "in the test source with '// <auto-generated/>' prepended (generated code must be left unanalyzed: no GeneratedCodeAnalysisFlags.Analyze)");

            var ids = string.Join(", ", analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct());
            var pragma = $"#pragma warning disable {ids}\n";
            var suppressed = await AnalyzeAsync(Create(source.Texts.Select(t => pragma + t).ToList(), framework), includeCompilerDiagnostics: false).ConfigureAwait(false);
            DiagnosticComparer.AssertNone(
                suppressed.ThrowIfAnalyzerFailed("the test source under #pragma warning disable").AnalyzerDiagnostics,
                $"in the test source with '{pragma.Trim()}' prepended");
        }

        // Issue 9: every action a fixer offers, not only the one a test picks, must leave compilable code and
        // must actually remove a diagnostic it was offered for.
        private Task AssertEveryActionIsSafeAsync(AnalysisResult initial) =>
            AssertEveryActionIsSafeAsync(analyzers, fixer!, initial, checkDiagnosticRemoved: options.FixKeepsDiagnosticReason is null);

        /// <summary>
        /// Applies every action <paramref name="fixer"/> offers for the diagnostics in <paramref name="initial"/>: each
        /// result must compile with no new errors and (when asked) report fewer diagnostics of the fixed id.
        /// Returns how many actions were applied.
        /// </summary>
        internal static async Task<int> AssertEveryActionIsSafeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider fixer, AnalysisResult initial, bool checkDiagnosticRemoved)
        {
            var applied = 0;
            foreach (var diagnostic in CodeFixes.Fixable(fixer, initial.AnalyzerDiagnostics))
            {
                foreach (var action in await CodeFixes.GetActionsAsync(fixer, initial.Project, diagnostic).ConfigureAwait(false))
                {
                    var solution = await CodeFixes.ApplyAsync(action, initial.Project.Solution).ConfigureAwait(false);
                    applied++;
                    var after = (await Analysis.RunAsync(solution.GetProject(initial.Project.Id)!, analyzers, includeCompilerDiagnostics: true).ConfigureAwait(false))
                        .ThrowIfAnalyzerFailed($"the code after applying {CodeFixes.Name(action)}");

                    var newErrors = NewErrors(initial.CompilerErrors, after.CompilerErrors);
                    if (newErrors.Count > 0)
                    {
                        throw new VerificationFailedException(
                            $"Code action {CodeFixes.Name(action)} offered for{Environment.NewLine}{DiagnosticDump.Describe(diagnostic)}{Environment.NewLine}" +
                            $"produces code that does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, newErrors.Select(DiagnosticDump.Describe))}{Environment.NewLine}" +
                            await ChangesAsync(initial.Project, after.Project).ConfigureAwait(false));
                    }

                    if (checkDiagnosticRemoved &&
                        after.AnalyzerDiagnostics.Count(d => d.Id == diagnostic.Id) >= initial.AnalyzerDiagnostics.Count(d => d.Id == diagnostic.Id))
                    {
                        throw new VerificationFailedException(
                            $"Code action {CodeFixes.Name(action)} does not remove the {diagnostic.Id} it was offered for (set FixKeepsDiagnosticReason if that is intended):{Environment.NewLine}" +
                            $"{DiagnosticDump.Describe(diagnostic)}{Environment.NewLine}Diagnostics after the fix:{Environment.NewLine}" +
                            $"{string.Join(Environment.NewLine, after.AnalyzerDiagnostics.Select(DiagnosticDump.Describe))}{Environment.NewLine}" +
                            await ChangesAsync(initial.Project, after.Project).ConfigureAwait(false));
                    }
                }
            }

            return applied;
        }

        private async Task AssertNoActionsAsync(AnalysisResult initial)
        {
            var fixable = CodeFixes.Fixable(fixer!, initial.AnalyzerDiagnostics);
            if (fixable.IsEmpty)
            {
                throw new VerificationFailedException(
                    $"VerifyNoCodeFixAsync needs a diagnostic the fixer handles ({string.Join(", ", fixer!.FixableDiagnosticIds)}), but {source.Description} has none: the test would prove nothing.");
            }

            foreach (var diagnostic in fixable)
            {
                var actions = await CodeFixes.GetActionsAsync(fixer!, initial.Project, diagnostic).ConfigureAwait(false);
                if (!actions.IsEmpty)
                {
                    throw new VerificationFailedException(
                        $"Expected no code action for{Environment.NewLine}{DiagnosticDump.Describe(diagnostic)}{Environment.NewLine}" +
                        $"but {fixer!.GetType().Name} offered: {string.Join(", ", actions.Select(CodeFixes.Name))}");
                }
            }
        }

        // Like the IDE, one action at a time: fix the first fixable diagnostic with the wanted action (by equivalence
        // key, else the first offered), re-analyze, repeat.
        private async Task<(bool Applied, string? Key)> RunFixLoopAsync(AnalysisResult initial)
        {
            var wantedKey = options.CodeActionEquivalenceKey;
            var fixableIds = fixer!.FixableDiagnosticIds.ToImmutableHashSet();
            var limit = sourceExpected.Count(e => fixableIds.Contains(e.Id)) + 1;
            var current = initial;
            var applied = 0;
            string? firstKey = null;
            while (true)
            {
                var next = await NextActionAsync(current, wantedKey, matchKey: wantedKey is not null).ConfigureAwait(false);
                if (next is null)
                {
                    break;
                }

                if (applied == limit)
                {
                    throw new VerificationFailedException(
                        $"The fix loop applied {applied} code actions and fixable diagnostics remain (the limit is the number of expected fixable diagnostics + 1); does the fix re-create what it fixes?{Environment.NewLine}" +
                        string.Join(Environment.NewLine, CodeFixes.Fixable(fixer, current.AnalyzerDiagnostics).Select(DiagnosticDump.Describe)) + Environment.NewLine +
                        await ChangesAsync(initial.Project, current.Project).ConfigureAwait(false));
                }

                if (applied == 0)
                {
                    firstKey = next.Value.Action.EquivalenceKey;
                }

                var solution = await CodeFixes.ApplyAsync(next.Value.Action, current.Project.Solution).ConfigureAwait(false);
                applied++;
                current = (await AnalyzeAsync(solution.GetProject(initial.Project.Id)!, includeCompilerDiagnostics: true).ConfigureAwait(false))
                    .ThrowIfAnalyzerFailed($"the code after applying {CodeFixes.Name(next.Value.Action)}");
            }

            if (applied == 0 && wantedKey is not null && sourceExpected.Any(e => fixableIds.Contains(e.Id)))
            {
                throw new VerificationFailedException(
                    $"No code action with equivalence key '{wantedKey}' was offered. Offered:{Environment.NewLine}{await OfferedAsync(initial).ConfigureAwait(false)}");
            }

            await AssertTextsAsync(current.Project, $"the code fix ({applied} code action(s) applied)").ConfigureAwait(false);

            // The fixed code must compile and carry exactly the diagnostics its markup expects (normally none).
            DiagnosticComparer.AssertMatches(fixedState!, fixedExpected, current);
            return (applied > 0, firstKey);
        }

        private async Task RunFixAllAsync(AnalysisResult initial, string? equivalenceKey)
        {
            var provider = fixer!.GetFixAllProvider();
            if (provider is null)
            {
                throw new VerificationFailedException(
                    $"{fixer.GetType().Name}.GetFixAllProvider() returns null, so users cannot Fix All; return WellKnownFixAllProviders.BatchFixer, or set SkipFixAll with a reason.");
            }

            var diagnosticIds = fixer.FixableDiagnosticIds.Intersect(analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id)).ToImmutableArray();
            var supported = provider.GetSupportedFixAllScopes().ToImmutableHashSet();
            var diagnostics = new FixAllDiagnosticProvider(analyzers, initial);
            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }.Where(supported.Contains))
            {
                var current = initial.Project;
                var iterations = options.NumberOfFixAllIterations
                    ?? (scope == FixAllScope.Document ? CodeFixes.Fixable(fixer, initial.AnalyzerDiagnostics).Select(d => d.Location.SourceTree).Distinct().Count() : 1);
                for (var i = 0; i < iterations; i++)
                {
                    var analysis = (await diagnostics.AnalyzeAsync(current).ConfigureAwait(false)).ThrowIfAnalyzerFailed($"the code during Fix All in {scope} scope");
                    var trigger = await NextActionAsync(analysis, equivalenceKey, matchKey: true).ConfigureAwait(false);
                    if (trigger is null)
                    {
                        break;
                    }

                    var document = current.GetDocument(trigger.Value.Diagnostic.Location.SourceTree)!;
                    var context = new FixAllContext(document, fixer, scope, equivalenceKey, diagnosticIds, diagnostics, default);
                    CodeAction? action;
                    try
                    {
                        action = await provider.GetFixAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not VerificationFailedException and not OperationCanceledException)
                    {
                        throw new VerificationFailedException($"Fix All in {scope} scope threw:{Environment.NewLine}{exception}", exception);
                    }

                    if (action is null)
                    {
                        throw new VerificationFailedException($"Fix All in {scope} scope offered no action although fixable diagnostics remain.");
                    }

                    // Analyzed only if another iteration asks for it: the comparison needs just the text.
                    current = (await CodeFixes.ApplyAsync(action, current.Solution).ConfigureAwait(false)).GetProject(initial.Project.Id)!;
                }

                await AssertTextsAsync(current, $"Fix All in {scope} scope").ConfigureAwait(false);
            }
        }

        // The first fixable diagnostic (in document order) with an action; when matchKey is set, an action with exactly that key.
        private async Task<(RoslynDiagnostic Diagnostic, CodeAction Action)?> NextActionAsync(AnalysisResult current, string? key, bool matchKey)
        {
            foreach (var diagnostic in CodeFixes.Fixable(fixer!, current.AnalyzerDiagnostics))
            {
                var actions = await CodeFixes.GetActionsAsync(fixer!, current.Project, diagnostic).ConfigureAwait(false);
                var action = matchKey ? actions.FirstOrDefault(a => a.EquivalenceKey == key) : actions.FirstOrDefault();
                if (action is not null)
                {
                    return (diagnostic, action);
                }
            }

            return null;
        }

        private async Task<string> OfferedAsync(AnalysisResult result)
        {
            var lines = new StringBuilder();
            foreach (var diagnostic in CodeFixes.Fixable(fixer!, result.AnalyzerDiagnostics))
            {
                var actions = await CodeFixes.GetActionsAsync(fixer!, result.Project, diagnostic).ConfigureAwait(false);
                lines.AppendLine(DiagnosticDump.Describe(diagnostic));
                lines.AppendLine("    " + (actions.IsEmpty ? "(no code action)" : string.Join(", ", actions.Select(CodeFixes.Name))));
            }

            return lines.Length == 0 ? "  (no fixable diagnostic)" : lines.ToString();
        }

        private async Task AssertTextsAsync(Project project, string what)
        {
            var expected = fixedState!;
            var problems = new StringBuilder();
            var names = Enumerable.Range(0, expected.Documents.Length).Select(TestProject.DocumentName).ToList();
            foreach (var extra in project.Documents.Where(d => !names.Contains(d.Name)))
            {
                problems.AppendLine($"{what} added a document '{extra.Name}'.");
            }

            for (var i = 0; i < names.Count; i++)
            {
                var document = project.Documents.FirstOrDefault(d => d.Name == names[i]);
                if (document is null)
                {
                    problems.AppendLine($"{what} removed {names[i]}.");
                    continue;
                }

                var actual = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
                if (actual != expected.Documents[i].Text)
                {
                    problems.AppendLine($"{names[i]} after {what} differs from {expected.Description}:");
                    problems.AppendLine(TextDiff.Describe(expected.Documents[i].Text, actual));
                }
            }

            if (problems.Length > 0)
            {
                throw new VerificationFailedException(problems.ToString());
            }
        }

        private static async Task<string> ChangesAsync(Project before, Project after)
        {
            var changes = new StringBuilder();
            foreach (var document in after.Documents)
            {
                var old = before.GetDocument(document.Id);
                var oldText = old is null ? string.Empty : (await old.GetTextAsync().ConfigureAwait(false)).ToString();
                var newText = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
                if (oldText != newText)
                {
                    changes.AppendLine($"Changes to {document.Name}:");
                    changes.AppendLine(TextDiff.Describe(oldText, newText, "before", "after"));
                }
            }

            return changes.ToString();
        }

        // Compiler errors the code did not have before, compared by id and message (positions move when code changes).
        private static List<RoslynDiagnostic> NewErrors(ImmutableArray<RoslynDiagnostic> before, ImmutableArray<RoslynDiagnostic> after)
        {
            var remaining = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
            var added = new List<RoslynDiagnostic>();
            foreach (var error in after)
            {
                if (remaining.TryGetValue(Key(error), out var count) && count > 0)
                {
                    remaining[Key(error)] = count - 1;
                }
                else
                {
                    added.Add(error);
                }
            }

            return added;

            static string Key(RoslynDiagnostic d) => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture);
        }

        private Project Create(IReadOnlyList<string> texts, TargetFrameworks framework) =>
            TestProject.Create(texts, framework, options.EditorConfig, options.OutputKind, analyzers);

        private Task<AnalysisResult> AnalyzeAsync(Project project, bool includeCompilerDiagnostics) =>
            Analysis.RunAsync(project, analyzers, includeCompilerDiagnostics);
    }
}
