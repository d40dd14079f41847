using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Runs the analyzers (and the fixers' registration) on half-typed versions of a source, the code an IDE shows them
/// all day: prefixes, and the source with one token deleted. Only exceptions count; what is reported on broken code
/// is not checked. Kept cheap: the framework's project built once, each variant a fork of it with one document's
/// text replaced, and a bounded number of variants.
/// </summary>
internal static class TypingSimulation
{
    private const int PrefixCount = 40;
    private const int EveryTokenBelowLength = 400;
    private const int DeletionCount = 20;
    private const int FixableDiagnosticsPerVariant = 3;
    private static readonly TimeSpan VariantTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Fails, naming the variant, on the first exception of an analyzer or a fixer's registration; returns the number of variants run.</summary>
    public static async Task<int> RunAsync(IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> fixers, string source, TargetFrameworks framework = TargetFrameworks.AspNetCore10)
    {
        var fixerList = fixers.ToList();
        var test = new RuleSetTest(analyzers, fixerList) { Framework = framework, ConcurrentAnalysis = false }.WithSources(new[] { source });
        var baseProject = await test.CreateProjectAsync().ConfigureAwait(false);

        // Computed once so that every variant's compilation is this one with a single tree replaced.
        await baseProject.GetCompilationAsync().ConfigureAwait(false);
        var document = baseProject.Documents.Single();
        var count = 0;
        foreach (var (description, variant, position) in Variants(source))
        {
            var project = document.WithText(SourceText.From(variant)).Project;
            var where = $"{description} (typing simulation, {TestReferences.DisplayName(framework)})";

            // A generous bound: an analyzer that loops on broken code must fail the test, not hang the suite.
            using var timeout = new CancellationTokenSource(VariantTimeout);
            try
            {
                var result = await test.AnalyzeAsync(project, where, cancellationToken: timeout.Token).ConfigureAwait(false);
                foreach (var fixer in fixerList)
                {
                    foreach (var diagnostic in OfferedActions.Fixable(fixer, result.AnalyzerDiagnostics).Take(FixableDiagnosticsPerVariant))
                    {
                        await OfferedActions.ForAsync(test, fixer, project, diagnostic, timeout.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException($"The analyzers or fixers did not finish within {VariantTimeout.TotalSeconds} s on {where}.{Environment.NewLine}{Excerpt(variant, position)}");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new InvalidOperationException($"{exception.Message}{Environment.NewLine}(on {where}){Environment.NewLine}{Excerpt(variant, position)}", exception);
            }

            count++;
        }

        return count;
    }

    /// <summary>The variants tried for one source text, with a description for failure messages.</summary>
    internal static IEnumerable<(string Description, string Text, int Position)> Variants(string text)
    {
        var tokens = CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)TestSetup.ParseOptions()).GetRoot()
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
