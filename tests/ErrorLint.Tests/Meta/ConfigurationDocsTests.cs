using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ErrorLint.Configuration;

namespace ErrorLint.Tests.Meta;

/// <summary>Every option key the analyzers read is documented in docs/configuration.md, and every documented key exists.</summary>
public sealed class ConfigurationDocsTests
{
    private static readonly Regex KeyLiteral = new("\"(errorlint\\.[a-z0-9_]+)\"", RegexOptions.CultureInvariant);
    private static readonly Regex KeyHeading = new("^## `(errorlint\\.[a-z0-9_]+)`\\s*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    [Fact]
    public void Every_key_has_a_section_in_the_configuration_docs()
    {
        var documented = KeyHeading.Matches(ConfigurationDocs()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = ErrorLintOptions.AllKeys.Where(k => !documented.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "docs/configuration.md has no '## `key`' section for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_documented_key_exists()
    {
        var unknown = KeyHeading.Matches(ConfigurationDocs()).Select(m => m.Groups[1].Value).Where(k => !ErrorLintOptions.AllKeys.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, "docs/configuration.md documents keys ErrorLintOptions does not read: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_key_section_has_a_default_and_an_example()
    {
        var docs = ConfigurationDocs();
        foreach (var key in ErrorLintOptions.AllKeys)
        {
            var section = Section(docs, key);
            Assert.Contains("Default:", section, StringComparison.Ordinal);
            Assert.Contains("Example: `" + key + " = ", section, StringComparison.Ordinal);
            Assert.Contains("| Rule |", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_key_spelled_in_the_analyzer_sources_is_in_AllKeys()
    {
        // A key read straight from AnalyzerConfigOptions, bypassing ErrorLintOptions, would escape the docs check.
        var source = Path.Combine(GeneratedDocsTests.RepositoryRoot(), "src");
        var spelled = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(spelled);
        var unlisted = spelled.Where(k => !ErrorLintOptions.AllKeys.Contains(k)).ToList();
        Assert.True(unlisted.Count == 0, "Keys spelled in src/ but missing from ErrorLintOptions.AllKeys: " + string.Join(", ", unlisted));
    }

    [Fact]
    public void AllKeys_are_distinct_and_follow_the_naming()
    {
        Assert.Equal(ErrorLintOptions.AllKeys.Length, ErrorLintOptions.AllKeys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ErrorLintOptions.AllKeys, k => Assert.Matches("^errorlint\\.[a-z][a-z0-9_]*$", k));
    }

    private static string ConfigurationDocs()
        => File.ReadAllText(Path.Combine(GeneratedDocsTests.RepositoryRoot(), "docs", "configuration.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Section(string docs, string key)
    {
        var start = docs.IndexOf("## `" + key + "`", StringComparison.Ordinal);
        var next = docs.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return next < 0 ? docs.Substring(start) : docs.Substring(start, next - start);
    }
}
