using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Operations;

/// <summary>
/// Reads a local as the value it was declared with, for conditions (<c>var allowed = ...; if (!allowed)</c>), user ids
/// and route groups (<c>var group = app.MapGroup(...)</c>): from its declarator, and, once that value says something,
/// only when nothing in the member assigns a variable of its name afterwards. Most initializers say nothing, so most
/// members are never read for their assignments.
/// </summary>
internal sealed class LocalValues
{
    private readonly HashSet<string> assignedNames = new(System.StringComparer.Ordinal);

    /// <summary>Reads the member's syntax once for the names it assigns, increments or passes by reference.</summary>
    public LocalValues(SyntaxNode member)
    {
        foreach (var node in member.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } byReference => byReference.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax identifier)
            {
                assignedNames.Add(identifier.Identifier.ValueText);
            }
        }
    }

    /// <summary>The local's initializer as declared, implicit conversions removed; null when it has none.</summary>
    public static IOperation? InitialValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1
            || reference.SemanticModel is not { } semanticModel
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: not null } declarator
            || declarator.SyntaxTree != semanticModel.SyntaxTree)
        {
            return null;
        }

        return (semanticModel.GetOperation(declarator) as IVariableDeclaratorOperation)?.Initializer?.Value.WithoutImplicitConversions();
    }

    /// <summary>
    /// The constant a local holds where it is read, when it is declared with one and nothing can have written it before
    /// the read (<c>var success = false; if (...) return Json(new { success, message });</c> before any
    /// <c>success = true</c>): no write of a variable of its name comes earlier in the function, and none shares a loop
    /// with the read. Asked only of the few reads whose constant would decide something.
    /// </summary>
    public static Optional<object?> ConstantAt(ILocalReferenceOperation reference)
    {
        if (InitialValue(reference) is not { ConstantValue.HasValue: true } initial
            || reference.Local.DeclaringSyntaxReferences[0].GetSyntax() is not { } declarator
            || declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax) is not { } function)
        {
            return default;
        }

        var name = reference.Local.Name;
        var read = reference.Syntax;
        foreach (var node in function.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } byReference => byReference.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name
                && (node.SpanStart < read.SpanStart || SharesLoop(node, read)))
            {
                return default;
            }
        }

        return initial.ConstantValue;
    }

    private static bool SharesLoop(SyntaxNode write, SyntaxNode read)
    {
        foreach (var ancestor in read.Ancestors())
        {
            if (ancestor is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax && ancestor.Span.Contains(write.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a variable of the local's name is assigned, incremented or passed by reference in the member; a variable of
    /// the same name elsewhere in the member counts too, which only makes the local's value unknown.
    /// </summary>
    public bool MayBeAssignedAgain(ILocalSymbol local) => assignedNames.Contains(local.Name);
}
