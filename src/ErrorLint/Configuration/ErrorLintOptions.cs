using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Configuration;

/// <summary>
/// The <c>.editorconfig</c> settings of one syntax tree. Every key is documented in docs/configuration.md;
/// a test fails when a key read here is missing there.
/// </summary>
internal sealed class ErrorLintOptions
{
    public const string ValidationStatusKey = "errorlint.validation_status";
    public const string ErrorMemberNamesKey = "errorlint.error_member_names";
    public const string ErrorTypesKey = "errorlint.error_types";
    public const string FailureFactoriesKey = "errorlint.failure_factories";
    public const string SafeExceptionTypesKey = "errorlint.safe_exception_types";
    public const string RetryAfterSecondsKey = "errorlint.retry_after_seconds";
    public const string ErrorContractTypesKey = "errorlint.error_contract_types";
    public const string DevelopmentOnlyAttributesKey = "errorlint.development_only_attributes";
    public const string ErrorReportTypesKey = "errorlint.error_report_types";
    public const string OpenApiScopeKey = "errorlint.openapi_scope";

    public const int DefaultValidationStatus = 400;
    public const int DefaultRetryAfterSeconds = 60;

    public static readonly ImmutableArray<string> AllKeys = ImmutableArray.Create(
        ValidationStatusKey, ErrorMemberNamesKey, ErrorTypesKey, FailureFactoriesKey, SafeExceptionTypesKey, RetryAfterSecondsKey, ErrorContractTypesKey,
        DevelopmentOnlyAttributesKey, ErrorReportTypesKey, OpenApiScopeKey);

    public static readonly ErrorLintOptions Default = new(
        DefaultValidationStatus, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty,
        ImmutableArray<string>.Empty, DefaultRetryAfterSeconds, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty,
        OpenApiScope.Described);

    // The options object of a tree is stable for a compilation, so parsing happens once per tree.
    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, ErrorLintOptions> Parsed = new();

    private ErrorLintOptions(
        int validationStatus,
        ImmutableArray<string> errorMemberNames,
        ImmutableArray<string> errorTypes,
        ImmutableArray<string> failureFactories,
        ImmutableArray<string> safeExceptionTypes,
        int retryAfterSeconds,
        ImmutableArray<string> errorContractTypes,
        ImmutableArray<string> developmentOnlyAttributes,
        ImmutableArray<string> errorReportTypes,
        OpenApiScope openApiScope)
    {
        ValidationStatus = validationStatus;
        ErrorMemberNames = errorMemberNames;
        ErrorTypes = errorTypes;
        FailureFactories = failureFactories;
        SafeExceptionTypes = safeExceptionTypes;
        RetryAfterSeconds = retryAfterSeconds;
        ErrorContractTypes = errorContractTypes;
        DevelopmentOnlyAttributes = developmentOnlyAttributes;
        ErrorReportTypes = errorReportTypes;
        OpenApiScope = openApiScope;
    }

    /// <summary>The status code fixes use for validation failures: 400 (default) or 422.</summary>
    public int ValidationStatus { get; }

    /// <summary>Extra member names that mark an anonymous object or envelope as an error body (EL0001).</summary>
    public ImmutableArray<string> ErrorMemberNames { get; }

    /// <summary>The application's own error envelope types, by simple or full name (EL0001).</summary>
    public ImmutableArray<string> ErrorTypes { get; }

    /// <summary>Failure factories, <c>Type.Method</c> or <c>Method</c> (EL0001).</summary>
    public ImmutableArray<string> FailureFactories { get; }

    /// <summary>Exception types whose message is written for clients (EL0010).</summary>
    public ImmutableArray<string> SafeExceptionTypes { get; }

    /// <summary>The <c>Retry-After</c> seconds the EL0007 fix writes when no value is in scope.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>Body types the API documents as its error contract instead of problem details (EL0012).</summary>
    public ImmutableArray<string> ErrorContractTypes { get; }

    /// <summary>Attributes that enable an action or controller only in development or a test mode (EL0009, EL0010, EL0011).</summary>
    public ImmutableArray<string> DevelopmentOnlyAttributes { get; }

    /// <summary>Types an endpoint sends as a report of a run or a check, errors included (EL0001, EL0009, EL0010).</summary>
    public ImmutableArray<string> ErrorReportTypes { get; }

    /// <summary>Which endpoints EL0014 checks against their OpenAPI description.</summary>
    public OpenApiScope OpenApiScope { get; }

    public static ErrorLintOptions For(AnalyzerConfigOptionsProvider provider, SyntaxTree tree)
        => Parsed.GetValue(provider.GetOptions(tree), Parse);

    public static ErrorLintOptions For(AnalyzerOptions options, SyntaxTree tree) => For(options.AnalyzerConfigOptionsProvider, tree);

    /// <summary>True when a type is named in a list of simple or full names.</summary>
    public static bool Names(ImmutableArray<string> names, ITypeSymbol type)
    {
        if (names.IsEmpty)
        {
            return false;
        }

        var fullName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        foreach (var name in names)
        {
            if (string.Equals(name, type.Name, StringComparison.Ordinal) || string.Equals(name, fullName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ErrorLintOptions Parse(AnalyzerConfigOptions options)
    {
        var validationStatus = ReadInt(options, ValidationStatusKey) is 422 ? 422 : DefaultValidationStatus;
        var retryAfter = ReadInt(options, RetryAfterSecondsKey) is { } seconds and > 0 ? seconds : DefaultRetryAfterSeconds;
        return new ErrorLintOptions(
            validationStatus,
            ReadList(options, ErrorMemberNamesKey),
            ReadList(options, ErrorTypesKey),
            ReadList(options, FailureFactoriesKey),
            ReadList(options, SafeExceptionTypesKey),
            retryAfter,
            ReadList(options, ErrorContractTypesKey),
            ReadList(options, DevelopmentOnlyAttributesKey),
            ReadList(options, ErrorReportTypesKey),
            ReadOpenApiScope(options));
    }

    private static OpenApiScope ReadOpenApiScope(AnalyzerConfigOptions options)
        => !options.TryGetValue(OpenApiScopeKey, out var text) ? OpenApiScope.Described : text.Trim().ToLowerInvariant() switch
        {
            "generator" => OpenApiScope.Generator,
            "declared" => OpenApiScope.Declared,
            _ => OpenApiScope.Described,
        };

    private static int? ReadInt(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var text) && int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static ImmutableArray<string> ReadList(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                builder.Add(trimmed);
            }
        }

        return builder.ToImmutable();
    }
}

/// <summary>The values of <c>errorlint.openapi_scope</c>.</summary>
internal enum OpenApiScope
{
    /// <summary>Endpoints that declare responses, and every API endpoint of a project that references an OpenAPI generator (the default).</summary>
    Described,

    /// <summary>Only in a project that references an OpenAPI generator.</summary>
    Generator,

    /// <summary>Only endpoints that declare responses themselves (or through their controller, group or assembly).</summary>
    Declared,
}
