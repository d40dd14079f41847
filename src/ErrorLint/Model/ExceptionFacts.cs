using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Model;

/// <summary>The families of exceptions the rules tell apart: whose fault the failure is.</summary>
internal enum FailureKind
{
    /// <summary>Nothing the rules know about: a library's own exception type.</summary>
    Unknown,

    /// <summary><c>catch</c>, <c>catch (Exception)</c>, or an exception handler that answers every unhandled exception.</summary>
    CatchAll,

    /// <summary>A failure of the server or a dependency: network, time-out, I/O, database.</summary>
    Infrastructure,

    /// <summary>Bad input from the client: validation, argument, format and JSON errors, a missing key.</summary>
    ClientInput,

    /// <summary>An exception type the application declares itself (<c>NotFoundException</c>); its meaning is the application's.</summary>
    Application,
}

/// <summary>
/// What a <c>catch</c> clause catches, by exception family. Types are recognised by name along the base-type
/// chain, so database providers and validation libraries need not be referenced by the analyzer.
/// </summary>
internal static class ExceptionFacts
{
    private static readonly HashSet<string> InfrastructureNames = new()
    {
        "System.Net.Http.HttpRequestException",
        "System.TimeoutException",
        "System.Threading.Tasks.TaskCanceledException",
        "System.IO.IOException",
        "System.Data.Common.DbException",
        "System.Data.SqlClient.SqlException",
        "Microsoft.Data.SqlClient.SqlException",
        "Npgsql.NpgsqlException",
        "Microsoft.EntityFrameworkCore.DbUpdateException",
        "System.Net.Sockets.SocketException",
    };

    private static readonly HashSet<string> ClientInputNames = new()
    {
        "System.ComponentModel.DataAnnotations.ValidationException",
        "FluentValidation.ValidationException",
        "System.ArgumentException",
        "System.FormatException",
        "System.Text.Json.JsonException",
        "Newtonsoft.Json.JsonException",
        "System.Collections.Generic.KeyNotFoundException",
    };

    /// <summary>The family of an exception type; <see cref="FailureKind.CatchAll"/> for <c>System.Exception</c> itself.</summary>
    public static FailureKind Classify(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return FailureKind.Unknown;
        }

        if (type.SpecialType == SpecialType.System_Object || IsSystemException(type))
        {
            return FailureKind.CatchAll;
        }

        // The nearest well-known base decides: an application's OrderValidationException : ValidationException is client input.
        for (var current = type; current is not null && !IsSystemException(current); current = current.BaseType)
        {
            var name = current.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            if (InfrastructureNames.Contains(name))
            {
                return FailureKind.Infrastructure;
            }

            if (ClientInputNames.Contains(name) || current.Name == "ValidationException")
            {
                return FailureKind.ClientInput;
            }
        }

        return IsDeclaredIn(type, compilation) ? FailureKind.Application : FailureKind.Unknown;
    }

    /// <summary>True when the type is declared in the compilation being analysed (the application's own type).</summary>
    public static bool IsDeclaredIn(ITypeSymbol type, Compilation compilation)
        => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly);

    /// <summary>True for the optimistic-concurrency failure EF Core raises (<c>DbUpdateConcurrencyException</c>), which code answers with 409/412.</summary>
    public static bool IsConcurrencyConflict(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "DbUpdateConcurrencyException")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nearest <c>catch</c> clause whose handler block contains the operation, without leaving the enclosing
    /// lambda or local function; null when there is none.
    /// </summary>
    public static ICatchClauseOperation? EnclosingCatch(IOperation operation)
    {
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current is ICatchClauseOperation catchClause && child == catchClause.Handler)
            {
                return catchClause;
            }
        }

        return null;
    }

    /// <summary>The family a catch clause catches; a clause without a type catches everything.</summary>
    public static FailureKind Caught(ICatchClauseOperation catchClause, Compilation compilation)
        => Classify(catchClause.ExceptionType, compilation);

    /// <summary>
    /// True when the operation sits under an <c>if</c>, <c>switch</c> or conditional expression (inside the catch
    /// handler) that inspects the caught exception: <c>if (ex.StatusCode == HttpStatusCode.NotFound) return NotFound();</c>.
    /// </summary>
    public static bool IsUnderConditionOnException(IOperation operation, ICatchClauseOperation catchClause)
    {
        var local = catchClause.Locals.IsEmpty ? null : catchClause.Locals[0];
        for (var current = operation.Parent; current is not null && current != catchClause; current = current.Parent)
        {
            var condition = current switch
            {
                IConditionalOperation conditional => conditional.Condition,
                ISwitchOperation switchOperation => switchOperation.Value,
                ISwitchExpressionOperation switchExpression => switchExpression.Value,
                _ => null,
            };

            if (condition is not null && (local is null || References(condition, local)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool References(IOperation operation, ILocalSymbol local)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSystemException(ITypeSymbol type)
        => type.Name == "Exception" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
}
