using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ErrorLint.Tests.Meta;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// Compile errors inside the flagged statement itself: each rule's positive sample with one name in the member
/// misspelt, one closing parenthesis or one semicolon missing. No analyzer or fixer may throw; whether the rule
/// still reports is not checked.
/// </summary>
public sealed class BrokenStatementTests
{
    private const int MaxVariants = 24;

    [Theory]
    [MemberData(nameof(RuleSamples.RuleIds), MemberType = typeof(RuleSamples))]
    public async Task No_analyzer_or_fixer_throws_on_a_broken_flagged_statement(string id)
    {
        // Every variant in its own document and namespace: one compilation holds them all.
        var variants = Variants(RuleSamples.Positive[id]).Take(MaxVariants)
            .Select((text, i) => text.Replace("public interface IOrderStore", $"namespace Variant{i};\n\npublic interface IOrderStore", StringComparison.Ordinal))
            .ToList();
        var test = new RuleSetTest(RuleCatalog.Analyzers, RuleCatalog.Fixers).WithSources(variants);
        var result = await test.AnalyzeAsync($"the {id} sample with a broken statement");
        var project = result.Project;

        var documentsWithErrors = result.CompilerErrors.Select(e => e.Location.SourceTree?.FilePath).Distinct().Count();
        Assert.True(documentsWithErrors == variants.Count, $"Only {documentsWithErrors} of {variants.Count} variants have a compile error; the test would prove less than it says.");

        foreach (var fixer in RuleCatalog.Fixers)
        {
            foreach (var diagnostic in OfferedActions.Fixable(fixer, result.AnalyzerDiagnostics))
            {
                foreach (var action in await OfferedActions.ForAsync(test, fixer, project, diagnostic))
                {
                    await OfferedActions.ApplyAsync(action, project.Solution);
                }
            }
        }
    }

    // The member line of the sample, broken one way at a time.
    private static IEnumerable<string> Variants(string sample)
    {
        var source = sample.Replace(RuleSamples.MemberAttributes, string.Empty, StringComparison.Ordinal);
        var memberStart = sample.IndexOf(RuleSamples.MemberAttributes, StringComparison.Ordinal);
        var lineEnd = source.IndexOf('\n', source.IndexOf('\n', memberStart) + 1);
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => t.SpanStart >= memberStart && t.Span.End <= lineEnd)
            .ToList();

        // Names the member uses (not ones it declares, nor anonymous-object member names): a typo cannot bind.
        foreach (var token in tokens.Where(t => t.Parent is IdentifierNameSyntax { Parent: not NameEqualsSyntax }))
        {
            yield return source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, token.Text + "Typo");
        }

        foreach (var token in tokens.Where(t => t.IsKind(SyntaxKind.CloseParenToken) || t.IsKind(SyntaxKind.SemicolonToken)))
        {
            yield return source.Remove(token.SpanStart, token.Span.Length);
        }
    }
}
