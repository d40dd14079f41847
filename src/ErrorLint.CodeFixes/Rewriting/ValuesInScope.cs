using System;
using System.Linq;
using System.Threading;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Finds a value a fix can use where it writes: a logger to log with, an environment to test, a retry delay to send.</summary>
internal static class ValuesInScope
{
    /// <summary>
    /// The name of the nearest local or parameter (then field or property; only static ones in static code) whose type
    /// implements <paramref name="metadataName"/>, the first by name when several are as near; null when there is none.
    /// With <paramref name="localsAndParametersOnly"/>, members of the type are not looked at.
    /// </summary>
    public static string? NearestOfType(SemanticModel model, int position, string metadataName, CancellationToken cancellationToken, bool localsAndParametersOnly = false)
    {
        var wanted = ResponseModel.For(model.Compilation)?.Types.Find(metadataName);
        if (wanted is null)
        {
            return null;
        }

        var inStaticMember = model.GetEnclosingSymbol(position, cancellationToken) is { IsStatic: true };
        return model.LookupSymbols(position)
            .Where(s => s is ILocalSymbol or IParameterSymbol || (!localsAndParametersOnly && s is IFieldSymbol or IPropertySymbol && (!inStaticMember || s.IsStatic)))
            .Where(s => TypeOf(s).Implements(wanted))
            .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(s => s.Name, System.StringComparer.Ordinal)
            .FirstOrDefault()?.Name;
    }

    /// <summary>A local, parameter or property whose name says retry, delay or reset, formatted as seconds.</summary>
    public static ExpressionSyntax? RetryDelay(SemanticModel semanticModel, ExpressionSyntax node, CancellationToken cancellationToken)
    {
        var position = node.SpanStart;
        ISymbol? best = null;
        foreach (var symbol in semanticModel.LookupSymbols(position))
        {
            if (!IsRetryName(symbol.Name) || SecondsOf(symbol, SyntaxFactory.IdentifierName(symbol.Name)) is null)
            {
                continue;
            }

            var isLocal = symbol is ILocalSymbol or IParameterSymbol;
            if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.End > position)
            {
                continue;
            }

            if (symbol is IPropertySymbol or IFieldSymbol && !symbol.IsStatic && ResponseAccess.IsInStaticFunction(node))
            {
                continue;
            }

            if (best is null || isLocal && best is not (ILocalSymbol or IParameterSymbol))
            {
                best = symbol;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return best is null ? null : SecondsOf(best, SyntaxFactory.IdentifierName(best.Name));
    }

    private static bool IsRetryName(string name)
        => name.IndexOf("retry", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("delay", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("reset", StringComparison.OrdinalIgnoreCase) >= 0;

    private static ExpressionSyntax? SecondsOf(ISymbol symbol, ExpressionSyntax reference)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        switch (type?.SpecialType)
        {
            case SpecialType.System_String:
                return reference;
            case SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16:
                return InvariantToString(reference);
            case SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal:
                return InvariantToString(Parenthesize(SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), reference)));
            default:
                if (type is { Name: "TimeSpan", ContainingNamespace.Name: "System" })
                {
                    return InvariantToString(Parenthesize(SyntaxFactory.CastExpression(
                        SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), ResponseAccess.Member(reference, "TotalSeconds"))));
                }

                return null;
        }
    }

    private static ExpressionSyntax InvariantToString(ExpressionSyntax value)
        => SyntaxFactory.InvocationExpression(
            ResponseAccess.Member(value, "ToString"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    StatusCodeSyntax.TypeSyntaxFor("System.Globalization.CultureInfo"),
                    SyntaxFactory.IdentifierName("InvariantCulture"))))));

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) => SyntaxFactory.ParenthesizedExpression(expression);

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
