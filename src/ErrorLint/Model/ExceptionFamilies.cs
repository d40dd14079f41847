using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Model;

/// <summary>The family an exception type belongs to, which decides whether its message may reach a client.</summary>
internal enum ExceptionFamily
{
    /// <summary>Not classified: a library or framework exception with no known risk.</summary>
    Other,

    /// <summary><c>Exception</c>, <c>SystemException</c>, <c>AggregateException</c>: anything may be inside.</summary>
    CatchAll,

    /// <summary>I/O, network, database and framework failures whose messages are written for developers.</summary>
    Infrastructure,

    /// <summary>Exceptions about the request's own input (validation, bad requests, malformed JSON).</summary>
    ClientInput,

    /// <summary>The application's own exception types, declared in this compilation.</summary>
    Application,
}

/// <summary>
/// Classifies exception types by family: catch-all, infrastructure, client input, or declared in this
/// compilation. Infrastructure types from packages the analyzer cannot reference are known by name.
/// </summary>
internal static class ExceptionFamilies
{
    private static readonly HashSet<string> CatchAllTypes = new(StringComparer.Ordinal)
    {
        "System.Exception",
        "System.SystemException",
        "System.AggregateException",
    };

    private static readonly HashSet<string> InfrastructureTypes = new(StringComparer.Ordinal)
    {
        "System.IO.IOException",
        "System.Net.Http.HttpRequestException",
        "System.Net.Sockets.SocketException",
        "System.Net.WebException",
        "System.Data.Common.DbException",
        "System.Data.DataException",
        "System.TimeoutException",
        "System.InvalidOperationException",
        "System.NullReferenceException",
        "System.UnauthorizedAccessException",
        "System.Security.SecurityException",
        "System.Runtime.InteropServices.ExternalException",
        "System.Security.Authentication.AuthenticationException",
        "System.Security.Cryptography.CryptographicException",
        "System.Collections.Generic.KeyNotFoundException",
        "System.NotSupportedException",
        "System.NotImplementedException",
        "System.OperationCanceledException",
    };

    // Database, cache and cloud client exceptions, known by simple name so the analyzer needs no reference to them.
    private static readonly HashSet<string> InfrastructureNames = new(StringComparer.Ordinal)
    {
        "DbUpdateException",
        "DbUpdateConcurrencyException",
        "SqlException",
        "NpgsqlException",
        "PostgresException",
        "MySqlException",
        "SqliteException",
        "OracleException",
        "MongoException",
        "RedisException",
        "RedisConnectionException",
        "CosmosException",
        "RequestFailedException",
        "AmazonServiceException",
        "RpcException",
        "BrokerUnreachableException",
    };

    private static readonly HashSet<string> ClientInputNames = new(StringComparer.Ordinal)
    {
        "ValidationException",
        "BadHttpRequestException",
        "JsonException",
        "FormatException",
    };

    public static ExceptionFamily Classify(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return ExceptionFamily.Other;
        }

        type = type.WithNullableAnnotation(NullableAnnotation.None);
        if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
        {
            return ExceptionFamily.Application;
        }

        if (CatchAllTypes.Contains(FullName(type)))
        {
            return ExceptionFamily.CatchAll;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (ClientInputNames.Contains(current.Name))
            {
                return ExceptionFamily.ClientInput;
            }

            if (InfrastructureNames.Contains(current.Name) || InfrastructureTypes.Contains(FullName(current)))
            {
                return ExceptionFamily.Infrastructure;
            }
        }

        return ExceptionFamily.Other;
    }

    /// <summary>True for the families whose messages must not reach a client (EL0010).</summary>
    public static bool IsUnexpected(ExceptionFamily family) => family is ExceptionFamily.CatchAll or ExceptionFamily.Infrastructure;

    private static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
