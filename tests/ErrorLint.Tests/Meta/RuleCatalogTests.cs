using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Tests.Meta;

/// <summary>Every rule is documented, linked, tracked and listed: adding a rule without them fails here.</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void The_catalog_finds_the_rules() => Assert.Contains(RuleCatalog.Descriptors, d => d.Id == "EL0001");

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_has_a_doc_page_with_the_standard_sections(string id)
    {
        var path = Path.Combine(RuleCatalog.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var page = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: ", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Help_link_points_to_the_rule_page_in_the_repository(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Equal($"https://github.com/errorlint/errorlint/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var relative = descriptor.HelpLinkUri.Substring("https://github.com/errorlint/errorlint/blob/main/".Length);
        Assert.True(File.Exists(Path.Combine(RuleCatalog.RepositoryRoot, relative)), $"{descriptor.HelpLinkUri} names no file in the repository");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_has_a_readme_row(string id)
    {
        var readme = RuleCatalog.ReadRepositoryFile("README.md");
        Assert.Matches(new Regex(@"^\| \[" + id + @"\]\(docs/rules/" + id + @"\.md\) \|", RegexOptions.Multiline), readme);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_is_tracked_in_a_release_with_its_category_and_severity(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var releases = RuleCatalog.ReadRepositoryFile("src/ErrorLint/AnalyzerReleases.Shipped.md")
            + RuleCatalog.ReadRepositoryFile("src/ErrorLint/AnalyzerReleases.Unshipped.md");
        var row = releases.Split('\n').FirstOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.True(row is not null, $"{id} has no row in AnalyzerReleases.*.md");
        var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_text_is_complete(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.StartsWith("ErrorLint.", descriptor.Category, StringComparison.Ordinal);
        Assert.DoesNotContain(".", descriptor.Title.ToString().TrimEnd('.'), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fixer_fixes_a_rule_that_an_analyzer_reports()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var fixer in RuleCatalog.Fixers)
        {
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fixer.GetFixAllProvider());
        }
    }
}
