using System;
using System.Collections.Generic;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>The families of exceptions the rules tell apart.</summary>
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
/// What the rules know about exception types, and where a <c>catch</c> clause stands. Types are recognised by name
/// along the base-type chain, so database providers and validation libraries need not be referenced by the analyzer.
/// Two questions are asked of a type, and for some types they have different answers on purpose:
/// <see cref="WhoseFault"/> (EL0002, EL0003: does a 4xx or a 5xx answer it?) and
/// <see cref="IsMessageUnsafeToShow"/> (EL0010: may its <c>Message</c> reach a client?).
/// </summary>
internal static class ExceptionFacts
{
    /// <summary>The family of a known type, once for each question; <see cref="FailureKind.Unknown"/> where that question has no answer for it.</summary>
    private readonly struct Known
    {
        public static readonly Known Infrastructure = new(FailureKind.Infrastructure, FailureKind.Infrastructure);

        public Known(FailureKind fault, FailureKind message)
        {
            Fault = fault;
            Message = message;
        }

        /// <summary>The answer to <see cref="WhoseFault"/>.</summary>
        public FailureKind Fault { get; }

        /// <summary>The family that decides <see cref="IsMessageUnsafeToShow"/>.</summary>
        public FailureKind Message { get; }
    }

    // Known by full name.
    private static readonly Dictionary<string, Known> ByFullName = new(StringComparer.Ordinal)
    {
        // Failures of the server or a dependency, for both questions.
        ["System.Net.Http.HttpRequestException"] = Known.Infrastructure,
        ["System.Net.Sockets.SocketException"] = Known.Infrastructure,
        ["System.IO.IOException"] = Known.Infrastructure,
        ["System.TimeoutException"] = Known.Infrastructure,
        ["System.Data.Common.DbException"] = Known.Infrastructure,

        // Failures of the server or a dependency. Their messages are judged as those of their base type
        // (OperationCanceledException) or by simple name below, in any namespace.
        ["System.Threading.Tasks.TaskCanceledException"] = new(FailureKind.Infrastructure, FailureKind.Unknown),
        ["System.Data.SqlClient.SqlException"] = new(FailureKind.Infrastructure, FailureKind.Unknown),
        ["Microsoft.Data.SqlClient.SqlException"] = new(FailureKind.Infrastructure, FailureKind.Unknown),
        ["Npgsql.NpgsqlException"] = new(FailureKind.Infrastructure, FailureKind.Unknown),
        ["Microsoft.EntityFrameworkCore.DbUpdateException"] = new(FailureKind.Infrastructure, FailureKind.Unknown),

        // Bad input from the client; whether the message is fit to show is judged by simple name below, or not at all.
        ["System.ArgumentException"] = new(FailureKind.ClientInput, FailureKind.Unknown),
        ["System.FormatException"] = new(FailureKind.ClientInput, FailureKind.Unknown),
        ["System.Text.Json.JsonException"] = new(FailureKind.ClientInput, FailureKind.Unknown),
        ["Newtonsoft.Json.JsonException"] = new(FailureKind.ClientInput, FailureKind.Unknown),

        // A missing key is the client's doing (an unknown id), but its message names the key and the dictionary.
        ["System.Collections.Generic.KeyNotFoundException"] = new(FailureKind.ClientInput, FailureKind.Infrastructure),

        // Messages written for developers. Whose fault these are is left open: a 4xx may answer them on purpose.
        ["System.InvalidOperationException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.NullReferenceException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.NotSupportedException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.NotImplementedException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.OperationCanceledException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.UnauthorizedAccessException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.Net.WebException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.Data.DataException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.Runtime.InteropServices.ExternalException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.Security.SecurityException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.Security.Authentication.AuthenticationException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["System.Security.Cryptography.CryptographicException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
    };

    // Known by simple name, in any namespace: database, cache and cloud clients the analyzer cannot reference.
    private static readonly Dictionary<string, Known> BySimpleName = new(StringComparer.Ordinal)
    {
        // DataAnnotations, FluentValidation and the application's own validation exceptions.
        ["ValidationException"] = new(FailureKind.ClientInput, FailureKind.ClientInput),

        // The request itself was malformed (thrown while reading it), and the message says how: fit to show.
        ["BadHttpRequestException"] = new(FailureKind.ClientInput, FailureKind.ClientInput),
        ["JsonException"] = new(FailureKind.Unknown, FailureKind.ClientInput),
        ["FormatException"] = new(FailureKind.Unknown, FailureKind.ClientInput),

        // Messages written for developers.
        ["DbUpdateException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["DbUpdateConcurrencyException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["SqlException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["NpgsqlException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["PostgresException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["MySqlException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["SqliteException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["OracleException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["MongoException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["RedisException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["RedisConnectionException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["CosmosException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["RequestFailedException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["AmazonServiceException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["RpcException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
        ["BrokerUnreachableException"] = new(FailureKind.Unknown, FailureKind.Infrastructure),
    };

    // The full names above by simple name: a type whose simple name is not here cannot match one, and one that is is
    // compared with them namespace by namespace, without building its full name.
    private static readonly Dictionary<string, string[]> FullNamesBySimpleName = System.Linq.Enumerable.ToDictionary(
        System.Linq.Enumerable.GroupBy(ByFullName.Keys, fullName => fullName.Substring(fullName.LastIndexOf('.') + 1), StringComparer.Ordinal),
        group => group.Key,
        group => System.Linq.Enumerable.ToArray(group),
        StringComparer.Ordinal);

    /// <summary>
    /// Whose fault the failure is, for choosing between a 4xx and a 5xx (EL0002, EL0003): <see cref="FailureKind.CatchAll"/>
    /// for <c>System.Exception</c> itself (and <c>object</c>, what a bare <c>catch</c> catches); else the nearest
    /// well-known base decides (an application's <c>OrderValidationException : ValidationException</c> is client input);
    /// else <see cref="FailureKind.Application"/> for a type declared in this compilation.
    /// </summary>
    public static FailureKind WhoseFault(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return FailureKind.Unknown;
        }

        if (type.SpecialType == SpecialType.System_Object || type.IsSystemException())
        {
            return FailureKind.CatchAll;
        }

        var nearest = Nearest(type, static known => known.Fault);
        if (nearest != FailureKind.Unknown)
        {
            return nearest;
        }

        return type.IsDeclaredIn(compilation) ? FailureKind.Application : FailureKind.Unknown;
    }

    /// <summary>
    /// True when the exception's <c>Message</c> is written for developers and must not reach a client (EL0010):
    /// <c>Exception</c>, <c>SystemException</c> or <c>AggregateException</c> itself (anything may be inside), or a type
    /// whose nearest well-known base is an infrastructure failure. The application's own types (declared in this
    /// compilation, whatever they derive from) and client-input exceptions are fit to show.
    /// </summary>
    public static bool IsMessageUnsafeToShow(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        type = type.WithNullableAnnotation(NullableAnnotation.None);
        if (type.IsDeclaredIn(compilation))
        {
            return false;
        }

        if (type.Name is "Exception" or "SystemException" or "AggregateException" && IsInSystemNamespace(type))
        {
            return true;
        }

        return Nearest(type, static known => known.Message) == FailureKind.Infrastructure;
    }

    /// <summary>A file, folder, drive or key that is not there (<c>FileNotFoundException</c>, <c>KeyNotFoundException</c>): what a 404 answers.</summary>
    public static bool IsMissingResource(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "FileNotFoundException" or "DirectoryNotFoundException" or "DriveNotFoundException" or "KeyNotFoundException"
                && current.ContainingNamespace?.ToDisplayString() is "System.IO" or "System.Collections.Generic")
            {
                return true;
            }
        }

        return false;
    }

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
        => WhoseFault(catchClause.ExceptionType, compilation);

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

    /// <summary>The answer of the nearest type along the base-type chain that has one for the question; the full name is asked before the simple name.</summary>
    private static FailureKind Nearest(ITypeSymbol type, Func<Known, FailureKind> answer)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var name = current.Name;
            if (FullNamesBySimpleName.TryGetValue(name, out var fullNames))
            {
                foreach (var fullName in fullNames)
                {
                    if (current.HasFullName(fullName) && answer(ByFullName[fullName]) is not FailureKind.Unknown and var byFullName)
                    {
                        return byFullName;
                    }
                }
            }

            if (BySimpleName.TryGetValue(name, out var known) && answer(known) is not FailureKind.Unknown and var bySimpleName)
            {
                return bySimpleName;
            }
        }

        return FailureKind.Unknown;
    }

    private static bool IsInSystemNamespace(ITypeSymbol type)
        => type.ContainingType is null && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
}
