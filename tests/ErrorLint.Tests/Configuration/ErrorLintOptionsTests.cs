using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using ErrorLint.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Tests.Configuration;

public sealed class ErrorLintOptionsTests
{
    private static readonly SyntaxTree Tree = CSharpSyntaxTree.ParseText("namespace MyApi { public class ApiError { } }");

    [Fact]
    public void No_keys_give_the_defaults()
    {
        var options = Read();
        Assert.Equal(400, options.ValidationStatus);
        Assert.Equal(60, options.RetryAfterSeconds);
        Assert.Empty(options.ErrorMemberNames);
        Assert.Empty(options.ErrorTypes);
        Assert.Empty(options.FailureFactories);
        Assert.Empty(options.SafeExceptionTypes);
        Assert.Empty(options.ErrorContractTypes);
    }

    [Theory]
    [InlineData("422", 422)]
    [InlineData(" 422 ", 422)]
    [InlineData("400", 400)]
    [InlineData("401", 400)]
    [InlineData("500", 400)]
    [InlineData("unprocessable", 400)]
    [InlineData("", 400)]
    [InlineData("422.0", 400)]
    public void Validation_status_accepts_400_or_422_only(string value, int expected)
        => Assert.Equal(expected, Read((ErrorLintOptions.ValidationStatusKey, value)).ValidationStatus);

    [Theory]
    [InlineData("30", 30)]
    [InlineData(" 120 ", 120)]
    [InlineData("0", 60)]
    [InlineData("-5", 60)]
    [InlineData("soon", 60)]
    [InlineData("99999999999", 60)]
    public void Retry_After_seconds_falls_back_for_non_positive_or_unreadable_values(string value, int expected)
        => Assert.Equal(expected, Read((ErrorLintOptions.RetryAfterSecondsKey, value)).RetryAfterSeconds);

    [Theory]
    [InlineData(ErrorLintOptions.ErrorMemberNamesKey)]
    [InlineData(ErrorLintOptions.ErrorTypesKey)]
    [InlineData(ErrorLintOptions.FailureFactoriesKey)]
    [InlineData(ErrorLintOptions.SafeExceptionTypesKey)]
    [InlineData(ErrorLintOptions.ErrorContractTypesKey)]
    public void Lists_are_trimmed_and_empty_entries_dropped(string key)
    {
        var options = Read((key, "  First , Second.Third ,, ,Fourth  "));
        Assert.Equal(new[] { "First", "Second.Third", "Fourth" }, ListOf(options, key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , ,")]
    public void Blank_lists_are_empty(string value)
        => Assert.Empty(Read((ErrorLintOptions.ErrorContractTypesKey, value)).ErrorContractTypes);

    [Fact]
    public void Each_key_is_read_into_its_own_setting()
    {
        var options = Read(
            (ErrorLintOptions.ValidationStatusKey, "422"),
            (ErrorLintOptions.ErrorMemberNamesKey, "fault"),
            (ErrorLintOptions.ErrorTypesKey, "Outcome"),
            (ErrorLintOptions.FailureFactoriesKey, "Outcome.Rejected"),
            (ErrorLintOptions.SafeExceptionTypesKey, "UserFacingException"),
            (ErrorLintOptions.RetryAfterSecondsKey, "15"),
            (ErrorLintOptions.ErrorContractTypesKey, "ApiError"),
            (ErrorLintOptions.DevelopmentOnlyAttributesKey, "TestModeOnly"),
            (ErrorLintOptions.ErrorReportTypesKey, "ScriptRun"));
        Assert.Equal(422, options.ValidationStatus);
        Assert.Equal(new[] { "fault" }, options.ErrorMemberNames);
        Assert.Equal(new[] { "Outcome" }, options.ErrorTypes);
        Assert.Equal(new[] { "Outcome.Rejected" }, options.FailureFactories);
        Assert.Equal(new[] { "UserFacingException" }, options.SafeExceptionTypes);
        Assert.Equal(15, options.RetryAfterSeconds);
        Assert.Equal(new[] { "ApiError" }, options.ErrorContractTypes);
        Assert.Equal(new[] { "TestModeOnly" }, options.DevelopmentOnlyAttributes);
        Assert.Equal(new[] { "ScriptRun" }, options.ErrorReportTypes);
    }

    [Fact]
    public void Unknown_keys_are_ignored()
        => Assert.Equal(400, Read(("errorlint.validation_code", "422"), ("validation_status", "422")).ValidationStatus);

    [Fact]
    public void Options_are_parsed_once_per_tree_options()
    {
        var provider = new TestProvider(new TestOptions((ErrorLintOptions.ValidationStatusKey, "422")));
        Assert.Same(ErrorLintOptions.For(provider, Tree), ErrorLintOptions.For(provider, Tree));
    }

    [Fact]
    public void Type_names_match_simple_and_full_names_only()
    {
        var compilation = CSharpCompilation.Create("Names", new[] { Tree });
        var type = compilation.GetTypeByMetadataName("MyApi.ApiError")!;
        Assert.True(ErrorLintOptions.Names(ImmutableArray.Create("ApiError"), type));
        Assert.True(ErrorLintOptions.Names(ImmutableArray.Create("MyApi.ApiError"), type));
        Assert.False(ErrorLintOptions.Names(ImmutableArray.Create("apierror"), type));
        Assert.False(ErrorLintOptions.Names(ImmutableArray.Create("Other.ApiError"), type));
        Assert.False(ErrorLintOptions.Names(ImmutableArray<string>.Empty, type));
    }

    internal static ImmutableArray<string> ListOf(ErrorLintOptions options, string key) => key switch
    {
        ErrorLintOptions.ErrorMemberNamesKey => options.ErrorMemberNames,
        ErrorLintOptions.ErrorTypesKey => options.ErrorTypes,
        ErrorLintOptions.FailureFactoriesKey => options.FailureFactories,
        ErrorLintOptions.SafeExceptionTypesKey => options.SafeExceptionTypes,
        ErrorLintOptions.ErrorContractTypesKey => options.ErrorContractTypes,
        _ => throw new System.ArgumentOutOfRangeException(nameof(key)),
    };

    private static ErrorLintOptions Read(params (string Key, string Value)[] values)
        => ErrorLintOptions.For(new TestProvider(new TestOptions(values)), Tree);

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public TestOptions(params (string Key, string Value)[] values)
            => this.values = values.ToDictionary(v => v.Key, v => v.Value, KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class TestProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions options;

        public TestProvider(AnalyzerConfigOptions options) => this.options = options;

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }
}
