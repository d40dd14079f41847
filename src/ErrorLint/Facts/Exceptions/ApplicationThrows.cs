using System.Collections.Generic;
using System.Threading;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    // Calls followed from the try block: the service and the helpers of its type it calls, not the whole program.
    private const int MaxMethods = 24;

    /// <summary>
    /// True when a method of this compilation that the try block of <paramref name="catchClause"/> calls directly, or a
    /// method of its type that it calls by name, throws the caught type (by its simple name) with a message written in
    /// the code.
    /// </summary>
    public static bool ThrowsCaughtTypeWithOwnMessage(ICatchClauseOperation catchClause, Compilation compilation, CancellationToken cancellationToken)
    {
        if (catchClause.Parent is not ITryOperation tryOperation || catchClause.ExceptionType is not INamedTypeSymbol caught)
        {
            return false;
        }

        // Read as syntax, never bound: this runs for every such catch while the user types.
        var visited = 0;
        foreach (var operation in tryOperation.Body.Descendants())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            foreach (var callee in Implementations(invocation.TargetMethod, compilation))
            {
                if (++visited > MaxMethods)
                {
                    return false;
                }

                if (ThrowsInMethodOrItsHelpers(callee, caught.Name, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The callee throws it, or one of the methods of its type that it calls by simple name does (<c>EnsureDraft(id)</c>).</summary>
    private static bool ThrowsInMethodOrItsHelpers(IMethodSymbol callee, string caughtName, CancellationToken cancellationToken)
    {
        foreach (var reference in callee.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(cancellationToken);
            if (ThrowsByName(body, caughtName))
            {
                return true;
            }

            if (body.Parent is not TypeDeclarationSyntax type)
            {
                continue;
            }

            var examined = 0;
            foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not IdentifierNameSyntax { Identifier.ValueText: var name } || examined++ > MaxMethods)
                {
                    continue;
                }

                foreach (var member in type.Members)
                {
                    if (member is MethodDeclarationSyntax helper && helper.Identifier.ValueText == name && ThrowsByName(helper, caughtName))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary><c>throw new InvalidOperationException("The invoice is posted.")</c> or with an interpolated message, by the type's simple name.</summary>
    private static bool ThrowsByName(SyntaxNode scope, string caughtName)
    {
        foreach (var node in scope.DescendantNodes())
        {
            var thrown = node switch
            {
                ThrowStatementSyntax statement => statement.Expression,
                ThrowExpressionSyntax expression => expression.Expression,
                _ => null,
            };
            if (thrown is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation
                && SimpleName(creation.Type) == caughtName
                && arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static string? SimpleName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The method itself when declared in source. An interface method's implementations are not looked up: finding them
    /// by name across the compilation cost more allocation than all the other rules together on the benchmark.
    /// </summary>
    private static IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method, Compilation compilation)
    {
        method = method.ReducedFrom ?? method;
        if (!method.DeclaringSyntaxReferences.IsEmpty && !method.IsAbstract && method.ContainingType?.TypeKind != TypeKind.Interface)
        {
            yield return method;
        }
    }
}
