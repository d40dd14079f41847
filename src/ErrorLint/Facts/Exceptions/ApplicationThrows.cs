using System.Collections.Generic;
using System.Threading;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// Whether the application throws a standard exception type itself, with a message it wrote for the client, from code
/// a <c>try</c> block calls: <c>throw new InvalidOperationException("The currency of a posted invoice cannot change.")</c>
/// in a service, caught as exactly that type around the call. When the thrower is in the compilation, its code says what
/// the message is.
/// </summary>
internal static class ApplicationThrows
{
    // Calls followed from the try block: the service and the helpers it calls, not the whole program.
    private const int MaxDepth = 2;
    private const int MaxMethods = 24;

    /// <summary>
    /// True when a method of this compilation that the try block of <paramref name="catchClause"/> calls (directly, through
    /// an interface the compilation implements, or through one more call) throws the caught type, or a type derived from it,
    /// with a message written in the code.
    /// </summary>
    public static bool ThrowsCaughtTypeWithOwnMessage(ICatchClauseOperation catchClause, Compilation compilation, CancellationToken cancellationToken)
    {
        if (catchClause.Parent is not ITryOperation tryOperation || catchClause.ExceptionType is not INamedTypeSymbol caught)
        {
            return false;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        return Throws(tryOperation.Body, caught, compilation, visited, 0, cancellationToken);
    }

    private static bool Throws(IOperation body, INamedTypeSymbol caught, Compilation compilation, HashSet<IMethodSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        foreach (var operation in body.Descendants())
        {
            if (depth > 0 && operation is IThrowOperation { Exception: { } thrown } && IsOwnMessage(thrown.WithoutConversions(), caught))
            {
                return true;
            }

            if (depth >= MaxDepth || operation is not IInvocationOperation invocation)
            {
                continue;
            }

            foreach (var callee in Implementations(invocation.TargetMethod, compilation))
            {
                if (visited.Count >= MaxMethods || !visited.Add(callee))
                {
                    continue;
                }

                if (SourceBodies.Of(callee, compilation, cancellationToken) is { } calleeBody
                    && Throws(calleeBody, caught, compilation, visited, depth + 1, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>new InvalidOperationException("The invoice is posted.")</c> or an interpolated message, of the caught type or one derived from it.</summary>
    private static bool IsOwnMessage(IOperation? thrown, INamedTypeSymbol caught)
        => thrown is IObjectCreationOperation { Type: { } type, Arguments: { Length: > 0 } arguments }
            && (SymbolEqualityComparer.Default.Equals(type, caught) || type.InheritsFrom(caught))
            && arguments[0].Value.WithoutConversions() is { ConstantValue.HasValue: true } or IInterpolatedStringOperation;

    /// <summary>The method itself when declared in source, else the source implementations of an interface method.</summary>
    private static IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method, Compilation compilation)
    {
        method = method.ReducedFrom ?? method;
        if (!method.DeclaringSyntaxReferences.IsEmpty && !method.IsAbstract)
        {
            yield return method;
            yield break;
        }

        if (method.ContainingType is not { TypeKind: TypeKind.Interface } contract || contract.DeclaringSyntaxReferences.IsEmpty)
        {
            yield break;
        }

        foreach (var candidate in compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member))
        {
            if (candidate is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } implementation
                && implementation.ContainingType is { } type
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(method), implementation))
            {
                yield return implementation;
            }
        }
    }
}
