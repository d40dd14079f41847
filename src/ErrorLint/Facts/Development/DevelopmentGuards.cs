using System;
using System.Collections.Generic;
using ErrorLint.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Development;

/// <summary>
/// Answers "is this code reached only in development?": inside <c>if (env.IsDevelopment())</c> (however the
/// environment was obtained: a parameter, <c>app.Environment</c>, <c>RequestServices</c>), after
/// <c>if (!env.IsDevelopment()) return;</c>, in the true branch of a development ternary, in a
/// <c>catch ... when (env.IsDevelopment())</c>, under <c>#if DEBUG</c>, or in a Development convention method
/// (<c>ConfigureDevelopment</c>, <c>StartupDevelopment</c>).
/// </summary>
internal static class DevelopmentGuards
{
    private const int MaxLocalDepth = 3;

    public static bool IsDevelopmentOnly(IOperation operation, ISymbol? containingSymbol)
        => IsInDevelopmentConvention(containingSymbol) || IsUnderDebugDirective(operation.Syntax) || IsGuardedByCondition(operation);

    /// <summary>True inside a branch that runs only outside development: <c>if (!env.IsDevelopment())</c> or its <c>else</c>.</summary>
    public static bool IsOutsideDevelopmentOnly(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional
                && (ReferenceEquals(conditional.WhenTrue, child) && IsNotDevelopmentCheck(conditional.Condition)
                    || ReferenceEquals(conditional.WhenFalse, child) && IsDevelopmentCheck(conditional.Condition)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a condition holds only in development: <c>env.IsDevelopment()</c>, <c>IsEnvironment("Development")</c>, <c>EnvironmentName == "Development"</c>.</summary>
    public static bool IsDevelopmentCheck(IOperation? condition) => Evaluates(condition, whenTrue: true, depth: 0);

    /// <summary>True when a condition holds only outside development: <c>!env.IsDevelopment()</c>.</summary>
    public static bool IsNotDevelopmentCheck(IOperation? condition) => Evaluates(condition, whenTrue: false, depth: 0);

    private static bool IsInDevelopmentConvention(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { Name: "ConfigureDevelopment" or "ConfigureDevelopmentServices" or "ConfigureDevelopmentContainer" })
            {
                return true;
            }

            if (current is INamedTypeSymbol { Name: "StartupDevelopment" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True inside the active branch of <c>#if DEBUG</c> (code in inactive branches produces no operations at all).</summary>
    private static bool IsUnderDebugDirective(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        if (!root.ContainsDirectives)
        {
            return false;
        }

        var position = node.SpanStart;
        var stack = new Stack<bool>();
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    stack.Push(IsDebugCondition(ifDirective.Condition));
                    break;
                case ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax when stack.Count > 0:
                    stack.Pop();
                    stack.Push(false);
                    break;
                case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                    stack.Pop();
                    break;
            }
        }

        return stack.Contains(true);
    }

    private static bool IsDebugCondition(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "DEBUG",
        ParenthesizedExpressionSyntax parenthesized => IsDebugCondition(parenthesized.Expression),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both => IsDebugCondition(both.Left) || IsDebugCondition(both.Right),
        _ => false,
    };

    private static bool IsGuardedByCondition(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional:
                    if (ReferenceEquals(conditional.WhenTrue, child) && IsDevelopmentCheck(conditional.Condition))
                    {
                        return true;
                    }

                    if (ReferenceEquals(conditional.WhenFalse, child) && IsNotDevelopmentCheck(conditional.Condition))
                    {
                        return true;
                    }

                    break;
                case ICatchClauseOperation { Filter: { } filter } when IsDevelopmentCheck(filter):
                    return true;
                case IBlockOperation block when FollowsEarlyExit(block, child):
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>if (!env.IsDevelopment()) { return; }</c> before the statement in the same block.</summary>
    private static bool FollowsEarlyExit(IBlockOperation block, IOperation statement)
    {
        foreach (var sibling in block.Operations)
        {
            if (ReferenceEquals(sibling, statement))
            {
                return false;
            }

            if (sibling is IConditionalOperation { WhenFalse: null } conditional
                && IsNotDevelopmentCheck(conditional.Condition)
                && ExitsUnconditionally(conditional.WhenTrue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ExitsUnconditionally(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } => true,
        IBlockOperation { Operations.Length: > 0 } block => ExitsUnconditionally(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    private static bool Evaluates(IOperation? condition, bool whenTrue, int depth)
    {
        switch (condition.WithoutConversions())
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return Evaluates(negation.Operand, !whenTrue, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when whenTrue:
                // Both sides hold when the whole holds: one development check is enough.
                return Evaluates(both.LeftOperand, true, depth) || Evaluates(both.RightOperand, true, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !whenTrue:
                return Evaluates(either.LeftOperand, false, depth) || Evaluates(either.RightOperand, false, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var equalsDevelopment = IsEnvironmentName(comparison.LeftOperand) && IsDevelopmentName(comparison.RightOperand)
                    || IsEnvironmentName(comparison.RightOperand) && IsDevelopmentName(comparison.LeftOperand);
                if (equalsDevelopment)
                {
                    return whenTrue == (comparison.OperatorKind == BinaryOperatorKind.Equals);
                }

                if (comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool constant })
                {
                    return Evaluates(comparison.LeftOperand, whenTrue == (constant == (comparison.OperatorKind == BinaryOperatorKind.Equals)), depth);
                }

                return false;
            case IInvocationOperation invocation:
                return whenTrue && IsDevelopmentInvocation(invocation);
            case ILocalReferenceOperation local when depth < MaxLocalDepth:
                // var isDevelopment = env.IsDevelopment(); if (isDevelopment) ...
                return LocalWrites.ValueOf(local) is { } initializer && Evaluates(initializer, whenTrue, depth + 1);
            default:
                return false;
        }
    }

    private static bool IsDevelopmentInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "IsDevelopment")
        {
            return true;
        }

        if (method.Name == "IsEnvironment")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "environmentName" && IsDevelopmentName(argument.Value))
                {
                    return true;
                }
            }
        }

        // string.Equals(env.EnvironmentName, "Development", ...)
        if (method.Name == "Equals" && invocation.Arguments.Length >= 2)
        {
            var first = invocation.Instance ?? invocation.Arguments[0].Value;
            var second = invocation.Instance is null ? invocation.Arguments[1].Value : invocation.Arguments[0].Value;
            return IsEnvironmentName(first) && IsDevelopmentName(second) || IsEnvironmentName(second) && IsDevelopmentName(first);
        }

        return false;
    }

    private static bool IsEnvironmentName(IOperation operation)
        => operation.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "EnvironmentName" };

    /// <summary><c>"Development"</c> or <c>Environments.Development</c> (a static readonly field, not a constant).</summary>
    private static bool IsDevelopmentName(IOperation operation) => operation.WithoutImplicitConversions() switch
    {
        { ConstantValue: { HasValue: true, Value: string name } } => string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase),
        IFieldReferenceOperation { Field: { Name: "Development", ContainingType.Name: "Environments" or "EnvironmentName" } } => true,
        _ => false,
    };
}
