using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Tests.Meta;

/// <summary>
/// Keeps the generated parts of the repository true to the rule descriptors: the README rule table, the
/// presets table in docs/configuration.md and the preset global config files the package ships.
/// To rewrite them after adding or changing a rule:
/// <c>ERRORLINT_UPDATE_DOCS=1 dotnet test tests/ErrorLint.Tests --filter "FullyQualifiedName~GeneratedDocsTests"</c>.
/// </summary>
public sealed class GeneratedDocsTests
{
    public const string UpdateVariable = "ERRORLINT_UPDATE_DOCS";

    private const string UpdateCommand = UpdateVariable + "=1 dotnet test tests/ErrorLint.Tests --filter \"FullyQualifiedName~GeneratedDocsTests\"";

    /// <summary>The presets: the MSBuild value of <c>ErrorLintAnalysisMode</c> and the file it adds, if any.</summary>
    public static readonly IReadOnlyList<(string Mode, string? File, string Summary)> Presets = new[]
    {
        ("Default", (string?)null, "each rule at its default severity"),
        ("Strict", "ErrorLint.Strict.globalconfig", "every rule an error and every suggestion a warning, for CI"),
        ("None", "ErrorLint.None.globalconfig", "every rule off"),
    };

    /// <summary>Where the preset files live in the repository; the package ships the folder as <c>build/config/</c>.</summary>
    public const string PresetFolder = "nuget/build/config";

    [Fact]
    public void Readme_rule_table_matches_the_descriptors()
        => CheckSection("README.md", "rules", RuleTable());

    [Fact]
    public void Configuration_preset_table_matches_the_presets()
        => CheckSection("docs/configuration.md", "presets", PresetTable());

    [Theory]
    [InlineData("Strict")]
    [InlineData("None")]
    public void Preset_file_matches_the_descriptors(string mode)
    {
        var preset = Presets.Single(p => p.Mode == mode);
        CheckFile(PresetFolder + "/" + preset.File, PresetFile(mode));
    }

    [Fact]
    public void The_catalog_sees_analyzers_and_fixers()
        => Assert.Contains(Rules, r => r.Descriptor.Id == RuleIdentifiers.ErrorBodyWithSuccessStatus && r.HasCodeFix);

    /// <summary>Every rule an analyzer reports, and whether a fixer in the fixes assembly fixes it.</summary>
    internal static IReadOnlyList<(DiagnosticDescriptor Descriptor, bool HasCodeFix)> Rules
    {
        get
        {
            var fixable = new HashSet<string>(RuleCatalog.Fixers.SelectMany(f => f.FixableDiagnosticIds), StringComparer.Ordinal);
            return RuleCatalog.Descriptors.Select(d => (d, fixable.Contains(d.Id))).ToList();
        }
    }

    /// <summary>The .editorconfig spelling of a severity: <c>warning</c>, <c>suggestion</c>, ...</summary>
    internal static string EditorConfigSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    /// <summary>The severity a rule gets under a preset, in .editorconfig spelling.</summary>
    internal static string SeverityUnder(string mode, DiagnosticDescriptor rule) => mode switch
    {
        "Strict" => rule.DefaultSeverity is DiagnosticSeverity.Info or DiagnosticSeverity.Hidden ? "warning" : "error",
        "None" => "none",
        _ => rule.IsEnabledByDefault ? EditorConfigSeverity(rule.DefaultSeverity) : "none",
    };

    internal static string RuleTable()
    {
        var text = new StringBuilder();
        text.Append("| ID | Title | Category | Default severity | Code fix |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var (rule, hasCodeFix) in Rules)
        {
            text.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ")
                .Append(Escape(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(" | ")
                .Append(rule.Category).Append(" | ")
                .Append(SeverityUnder("Default", rule)).Append(" | ")
                .Append(hasCodeFix ? "yes" : "no").Append(" |\n");
        }

        return text.ToString();
    }

    internal static string PresetTable()
    {
        var text = new StringBuilder();
        text.Append("| ID | ").Append(string.Join(" | ", Presets.Select(p => "`" + p.Mode + "`"))).Append(" |\n");
        text.Append("|---|").Append(string.Concat(Presets.Select(_ => "---|"))).Append('\n');
        foreach (var rule in RuleCatalog.Descriptors)
        {
            text.Append("| ").Append(rule.Id).Append(" | ").Append(string.Join(" | ", Presets.Select(p => SeverityUnder(p.Mode, rule)))).Append(" |\n");
        }

        return text.ToString();
    }

    internal static string PresetFile(string mode)
    {
        var preset = Presets.Single(p => p.Mode == mode);
        var text = new StringBuilder();
        text.Append("# ErrorLintAnalysisMode = ").Append(mode).Append(": ").Append(preset.Summary).Append(".\n");
        text.Append("# Generated from the rule descriptors by tests/ErrorLint.Tests/Meta/GeneratedDocsTests.cs; do not edit by hand.\n");
        text.Append("# The lowest level, so the project's own .globalconfig and .editorconfig settings win.\n");
        text.Append("is_global = true\n");
        text.Append("global_level = -1\n");
        foreach (var rule in RuleCatalog.Descriptors)
        {
            text.Append('\n').Append("# ").Append(rule.Id).Append(": ").Append(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            text.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(SeverityUnder(mode, rule)).Append('\n');
        }

        return text.ToString();
    }

    internal static string RepositoryRoot() => RuleCatalog.RepositoryRoot;

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    private static void CheckSection(string relativePath, string marker, string generated)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        var start = "<!-- " + marker + ":start -->";
        var end = "<!-- " + marker + ":end -->";
        Assert.True(File.Exists(path), $"{relativePath} is missing.");
        var current = Normalize(File.ReadAllText(path));
        var startIndex = current.IndexOf(start, StringComparison.Ordinal);
        var endIndex = current.IndexOf(end, StringComparison.Ordinal);
        Assert.True(startIndex >= 0 && endIndex > startIndex, $"{relativePath} must contain the markers {start} and {end} (in that order) around its generated table.");

        var expected = current.Substring(0, startIndex + start.Length) + "\n" + generated + current.Substring(endIndex);
        Compare(path, relativePath, current, expected);
    }

    private static void CheckFile(string relativePath, string generated)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        var current = File.Exists(path) ? Normalize(File.ReadAllText(path)) : string.Empty;
        Compare(path, relativePath, current, generated);
    }

    private static void Compare(string path, string relativePath, string current, string expected)
    {
        if (current == expected)
        {
            return;
        }

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Fail(
            $"{relativePath} is out of date with the rule descriptors (first difference at line {FirstDifferentLine(current, expected)}).\n"
            + $"Regenerate it with:\n    {UpdateCommand}\nand commit the result.\n\nExpected:\n{expected}");
    }

    private static int FirstDifferentLine(string current, string expected)
    {
        var a = current.Split('\n');
        var b = expected.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
