using System.Threading;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Operations;

/// <summary>The operation trees of the application's own methods, read where a rule follows a call into a helper.</summary>
internal static class SourceBodies
{
    /// <summary>The body of a method declared in source (its first declaration), as operations; null when it has none.</summary>
    public static IOperation? Of(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        return OfSyntax(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), compilation, cancellationToken);
    }

    /// <summary>The operations of a piece of the application's source in any file (a property's initializer or expression body).</summary>
    public static IOperation? OfSyntax(SyntaxNode syntax, Compilation compilation, CancellationToken cancellationToken)
    {
        // The helper may live in another file than the one analysed; each caller asks once per method and remembers the answer.
#pragma warning disable RS1030
        var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        return semanticModel.GetOperation(syntax, cancellationToken);
    }
}
