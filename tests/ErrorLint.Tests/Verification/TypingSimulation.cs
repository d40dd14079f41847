using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// Runs the analyzer (and the fixer's registration) on half-typed versions of every test source, the code an
    /// IDE shows it all day: prefixes, and the source with one token deleted. Only exceptions count; what is
    /// reported on broken code is not checked. Kept cheap: one framework, one base compilation that every variant
    /// forks from, and a bounded number of variants per source.
    /// </summary>
    internal static class TypingSimulation
    {
        private const int PrefixCount = 40;
        private const int EveryTokenBelowLength = 400;
        private const int DeletionCount = 20;
        private const int FixableDiagnosticsPerVariant = 3;
        private static readonly TimeSpan VariantTimeout = TimeSpan.FromSeconds(60);

        public static async Task RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider? fixer, IEnumerable<TestState> states, TestOptions options)
        {
            var framework = options.Frameworks.HasFlag(TargetFrameworks.AspNetCore10) ? TargetFrameworks.AspNetCore10 : TestReferences.Split(options.Frameworks)[0];
            var prefix = $"[typing simulation, {TestReferences.DisplayName(framework)}]";

            // The fixed source mostly shares its prefixes with the source: a variant already tried is not tried again.
            var tried = new HashSet<string>(StringComparer.Ordinal);
            foreach (var state in states)
            {
                Project? baseProject = null;
                for (var index = 0; index < state.Documents.Length; index++)
                {
                    var text = state.Documents[index].Text;
                    var variants = Variants(text).Where(v => tried.Add(index + ":" + v.Text)).ToList();
                    if (variants.Count == 0)
                    {
                        continue;
                    }

                    if (baseProject is null)
                    {
                        baseProject = TestProject.Create(state.Texts, framework, options.EditorConfig, options.OutputKind, analyzers);

                        // Computed once so that every variant's compilation is this one with a single tree replaced.
                        await baseProject.GetCompilationAsync().ConfigureAwait(false);
                    }

                    var documentId = baseProject.Documents.Single(d => d.Name == TestProject.DocumentName(index)).Id;
                    foreach (var (description, variant, position) in variants)
                    {
                        var project = baseProject.Solution.WithDocumentText(documentId, SourceText.From(variant, Encoding.UTF8)).GetProject(baseProject.Id)!;
                        var where = $"{description} of {TestProject.DocumentName(index)} of {state.Description}";

                        // A generous bound: an analyzer that loops on broken code must fail the test, not hang the suite.
                        using var timeout = new CancellationTokenSource(VariantTimeout);
                        try
                        {
                            var result = await Analysis.RunAsync(project, analyzers, includeCompilerDiagnostics: false, concurrentAnalysis: false, timeout.Token).ConfigureAwait(false);
                            result.ThrowIfAnalyzerFailed(where);
                            if (fixer is not null)
                            {
                                foreach (var diagnostic in CodeFixes.Fixable(fixer, result.AnalyzerDiagnostics).Take(FixableDiagnosticsPerVariant))
                                {
                                    await CodeFixes.GetActionsAsync(fixer, project, diagnostic, timeout.Token).ConfigureAwait(false);
                                }
                            }
                        }
                        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                        {
                            throw new VerificationFailedException($"{prefix} The analyzer or fixer did not finish within {VariantTimeout.TotalSeconds} s on {where}.{Environment.NewLine}{Excerpt(variant, position)}");
                        }
                        catch (VerificationFailedException exception)
                        {
                            throw new VerificationFailedException($"{prefix} {exception.Message}{Environment.NewLine}(on {where}){Environment.NewLine}{Excerpt(variant, position)}", exception);
                        }
                    }
                }
            }
        }

        /// <summary>The variants tried for one source text, with a description for failure messages.</summary>
        internal static IEnumerable<(string Description, string Text, int Position)> Variants(string text)
        {
            var tokens = CSharpSyntaxTree.ParseText(text, TestProject.ParseOptions).GetRoot()
                .DescendantTokens()
                .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0)
                .ToList();
            var lines = SourceText.From(text).Lines;

            var cuts = new SortedSet<int>();
            var step = Math.Max(1, (text.Length + PrefixCount - 1) / PrefixCount);
            for (var position = 0; position < text.Length; position += step)
            {
                cuts.Add(position);
            }

            // Typing stops right after a token; stopping before the next one parses the same way.
            if (text.Length < EveryTokenBelowLength)
            {
                cuts.UnionWith(tokens.Select(t => t.Span.End));
            }

            foreach (var cut in cuts.Where(c => c < text.Length))
            {
                yield return ($"the prefix ending at {At(lines, cut)}", text[..cut], cut);
            }

            var deletions = Math.Min(DeletionCount, tokens.Count);
            for (var i = 0; i < deletions; i++)
            {
                var token = tokens[i * tokens.Count / deletions];
                yield return ($"the source without the token '{token.Text}' at {At(lines, token.SpanStart)}", text.Remove(token.SpanStart, token.Span.Length), token.SpanStart);
            }
        }

        private static string At(TextLineCollection lines, int position)
        {
            var line = lines.GetLinePosition(position);
            return $"line {line.Line + 1}, column {line.Character + 1}";
        }

        // The lines of the variant around where the simulated typing stopped or the token went missing.
        private static string Excerpt(string variant, int position)
        {
            var lines = SourceText.From(variant).Lines;
            var line = lines.GetLinePosition(Math.Min(position, variant.Length)).Line;
            var shown = Enumerable.Range(Math.Max(0, line - 3), Math.Min(line, 3) + Math.Min(2, lines.Count - line))
                .Select(i => $"    {i + 1,4} | {lines[i]}");
            return "The variant around that point:" + Environment.NewLine + string.Join(Environment.NewLine, shown);
        }
    }
}
