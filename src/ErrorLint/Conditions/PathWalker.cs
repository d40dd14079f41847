using ErrorLint.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Conditions;

/// <summary>
/// The one walk from an operation up to what decides whether it runs: the branch of an <c>if</c> or a ternary it is in,
/// the early exits before it in each enclosing block (<c>if (!ok) return ...;</c>), the switch expression arm, the right
/// operand of <c>&amp;&amp;</c> or <c>||</c>, and the filter of the <c>catch</c> it is in. Each condition is read by the
/// concern's <see cref="ConditionReader{TFact}"/>; the facts of all of them hold together.
/// </summary>
internal static class PathWalker
{
    /// <summary>The facts that hold where <paramref name="operation"/> runs.</summary>
    /// <param name="withinFunction">
    /// Stop at the innermost lambda or local function: it may run later, where the conditions around it no longer hold
    /// (a permission checked before <c>MapGet</c> says nothing about the request the handler answers). A development
    /// guard around the code that registers a lambda holds inside it, so that concern walks on.
    /// </param>
    public static Alternatives<TFact> FactsOnPathTo<TFact>(IOperation operation, ConditionReader<TFact> reader, bool withinFunction)
        where TFact : class
    {
        var facts = Alternatives<TFact>.Unknown;
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (withinFunction && parent.IsFunction())
            {
                break;
            }

            var implied = parent switch
            {
                IConditionalOperation conditional when child == conditional.WhenTrue => reader.Implied(conditional.Condition, true),
                IConditionalOperation conditional when child == conditional.WhenFalse => reader.Implied(conditional.Condition, false),
                IBlockOperation block => GuardsBefore(block, child, reader),
                ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm when child == arm.Value
                    => ArmFacts(switchExpression, arm, reader),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when child == conjunction.RightOperand
                    => reader.Implied(conjunction.LeftOperand, true),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when child == disjunction.RightOperand
                    => reader.Implied(disjunction.LeftOperand, false),
                ICatchClauseOperation { Filter: { } filter } catchClause when child == catchClause.Handler => reader.Implied(filter, true),
                _ => Alternatives<TFact>.Unknown,
            };
            facts = Alternatives<TFact>.And(facts, implied);
        }

        return facts;
    }

    /// <summary>
    /// Whether a branch always leaves the code after it: its last statement, in nested blocks too, returns, throws, or
    /// breaks or continues a loop.
    /// </summary>
    public static bool AlwaysExits(IOperation branch)
    {
        var last = branch;
        while (last is IBlockOperation block)
        {
            if (block.Operations.Length == 0)
            {
                return false;
            }

            last = block.Operations[block.Operations.Length - 1];
        }

        return last is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }
            or IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue };
    }

    /// <summary>Code after <c>if (c) return ...;</c> in the same block runs only when <c>c</c> is false.</summary>
    private static Alternatives<TFact> GuardsBefore<TFact>(IBlockOperation block, IOperation child, ConditionReader<TFact> reader)
        where TFact : class
    {
        var facts = Alternatives<TFact>.Unknown;
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                break;
            }

            if (statement is IConditionalOperation { WhenFalse: null } guard && AlwaysExits(guard.WhenTrue))
            {
                facts = Alternatives<TFact>.And(facts, reader.Implied(guard.Condition, false));
            }
        }

        return facts;
    }

    /// <summary>What holds in a switch expression arm: its <c>when</c> clause, and its pattern on the switched value.</summary>
    private static Alternatives<TFact> ArmFacts<TFact>(ISwitchExpressionOperation switchExpression, ISwitchExpressionArmOperation arm, ConditionReader<TFact> reader)
        where TFact : class
    {
        var facts = arm.Guard is { } guard ? reader.Implied(guard, true) : Alternatives<TFact>.Unknown;
        if (arm.Pattern is IDiscardPatternOperation && arm.Guard is null)
        {
            // `_` after a single arm without a guard: `check switch { true => ..., _ => ... }` is the first pattern failing.
            var index = switchExpression.Arms.IndexOf(arm);
            return index == 1 && switchExpression.Arms[0] is { Guard: null, Pattern: var first }
                ? Alternatives<TFact>.And(facts, reader.Matches(switchExpression.Value, first, false))
                : facts;
        }

        return Alternatives<TFact>.And(facts, reader.Matches(switchExpression.Value, arm.Pattern, true));
    }
}
