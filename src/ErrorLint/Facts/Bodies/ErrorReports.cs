using System;
using ErrorLint.Configuration;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>
/// Types the application sends as the report of a run or a check: a script debugger's run log, a connection tester's
/// report. Errors and exception text are what such a resource holds, so sending them with 200, or sending an exception's
/// message in them, is its contract (EL0001, EL0009, EL0010). Recognised by name (the application's own types ending in
/// <c>Report</c> or <c>Log</c>) and from <c>errorlint.error_report_types</c>.
/// </summary>
internal static class ErrorReports
{
    public static bool IsReportType(ITypeSymbol? type, ErrorLintOptions options, Compilation compilation)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (ErrorLintOptions.Names(options.ErrorReportTypes, named))
        {
            return true;
        }

        return named.IsDeclaredIn(compilation)
            && (named.Name.EndsWith("Report", StringComparison.Ordinal) || named.Name.EndsWith("Log", StringComparison.Ordinal));
    }

    /// <summary>Whether the value reaches the response inside a report: <c>Ok(new RunReport { Output = ex.ToString() })</c>.</summary>
    public static bool Contains(IOperation value, IOperation response, ErrorLintOptions options, Compilation compilation)
    {
        for (IOperation? current = value; current is not null; current = current.Parent)
        {
            if (current is IObjectCreationOperation creation && IsReportType(creation.Type, options, compilation))
            {
                return true;
            }

            if (current == response)
            {
                return false;
            }
        }

        return false;
    }
}
