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
            var target = WrittenVariable(node);
            if (target is IdentifierNameSyntax identifier)
            {
                assignedNames.Add(identifier.Identifier.ValueText);
            }
        }
    }

    /// <summary>What a node writes: the target of an assignment, an increment or decrement, or a by-reference argument.</summary>
    private static ExpressionSyntax? WrittenVariable(SyntaxNode node) => node switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left,
        PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        ArgumentSyntax { RefKindKeyword.RawKind: not 0 } byReference => byReference.Expression,
        _ => null,
    };

    /// <summary>The method, accessor, lambda or local function a declaration is in (the file, for top-level statements).</summary>
    private static SyntaxNode? EnclosingFunction(SyntaxNode declaration)
        => declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);

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
            || EnclosingFunction(declarator) is not { } function)
        {
            return default;
        }

        var name = reference.Local.Name;
        var read = reference.Syntax;
        foreach (var node in function.DescendantNodes())
        {
            var target = WrittenVariable(node);
            if (target is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name
                && (node.SpanStart < read.SpanStart || SharesLoop(node, read)))
            {
                return default;
            }
        }

        return initial.ConstantValue;
    }

    /// <summary>
    /// The constant last written to one of a local object's members before it is read, for a member the caller names
    /// (<c>data.success = false; ... return data;</c>): the writes are read in the function's text, the initializer's
    /// first. Null when the last one is not a constant, shares a loop with the read, or sits in a block that returns or
    /// throws before the read (that path never reaches it).
    /// </summary>
    public static (string Member, object? Value)? LastMemberConstantBefore(ILocalReferenceOperation reference, System.Func<string, bool> isMember)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax declarator
            || EnclosingFunction(declarator) is not { } function
            || reference.SemanticModel is not { } semanticModel
            || declarator.SyntaxTree != semanticModel.SyntaxTree)
        {
            return null;
        }

        var read = reference.Syntax;
        AssignmentExpressionSyntax? last = null;
        if (declarator.Initializer?.Value is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            foreach (var member in initializer.Expressions)
            {
                if (member is AssignmentExpressionSyntax { Left: IdentifierNameSyntax initialized } assignment && isMember(initialized.Identifier.ValueText))
                {
                    last = assignment;
                }
            }
        }

        foreach (var node in function.DescendantNodes())
        {
            if (node.SpanStart >= read.SpanStart)
            {
                break;
            }

            if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: var member } } assignment
                && owner.Identifier.ValueText == local.Name && isMember(member.Identifier.ValueText))
            {
                last = assignment;
            }
        }

        if (last is null || SharesLoop(last, read) || LeavesBefore(last, read))
        {
            return null;
        }

        var name = last.Left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : ((IdentifierNameSyntax)last.Left).Identifier.ValueText;
        var constant = semanticModel.GetConstantValue(last.Right);
        return constant.HasValue ? (name, constant.Value) : null;
    }

    /// <summary>A block holding the write, but not the read, that returns or throws after the write.</summary>
    private static bool LeavesBefore(SyntaxNode write, SyntaxNode read)
    {
        foreach (var block in write.Ancestors())
        {
            if (block.Span.Contains(read.Span))
            {
                return false;
            }

            if (block is BlockSyntax statements)
            {
                foreach (var statement in statements.Statements)
                {
                    if (statement.SpanStart > write.SpanStart && statement is ReturnStatementSyntax or ThrowStatementSyntax)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
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
