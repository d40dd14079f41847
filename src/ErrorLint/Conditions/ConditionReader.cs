using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Conditions;

/// <summary>
/// Reads a boolean condition as the facts that hold when it evaluates one way: the one reader of <c>!</c>,
/// <c>&amp;&amp;</c>/<c>&amp;</c>, <c>||</c>/<c>|</c>, <c>== true</c>/<c>!= false</c>, <c>is true</c>/<c>is not false</c>
/// and boolean locals, with the domain saying what the remaining parts mean.
/// </summary>
internal sealed class ConditionReader<TFact>
    where TFact : class
{
    // var ok = a && b; var allowed = ok || c; if (allowed) ... is followed this far.
    private const int MaxLocalDepth = 3;

    private readonly ConditionDomain<TFact> domain;
    private readonly MemberWalkCache members;

    public ConditionReader(ConditionDomain<TFact> domain, MemberWalkCache members)
    {
        this.domain = domain;
        this.members = members;
    }

    /// <summary>The facts that hold when <paramref name="condition"/> evaluates to <paramref name="value"/>.</summary>
    public Alternatives<TFact> Implied(IOperation condition, bool value) => Implied(condition, value, 0);

    /// <summary>The facts that hold when <paramref name="subject"/> matches <paramref name="pattern"/> (or does not).</summary>
    public Alternatives<TFact> Matches(IOperation subject, IPatternOperation pattern, bool matches) => Pattern(subject, pattern, matches, 0);

    private Alternatives<TFact> Implied(IOperation? condition, bool value, int depth)
    {
        condition = condition.WithoutConversions();
        switch (condition)
        {
            case null:
                return Alternatives<TFact>.Unknown;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implied(not.Operand, !value, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when IsBoolean(conjunction):
                return value
                    ? Alternatives<TFact>.And(Implied(conjunction.LeftOperand, true, depth), Implied(conjunction.RightOperand, true, depth))
                    : Alternatives<TFact>.Or(
                        Implied(conjunction.LeftOperand, false, depth),
                        Alternatives<TFact>.And(Implied(conjunction.LeftOperand, true, depth), Implied(conjunction.RightOperand, false, depth)));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when IsBoolean(disjunction):
                return value
                    ? Alternatives<TFact>.Or(
                        Implied(disjunction.LeftOperand, true, depth),
                        Alternatives<TFact>.And(Implied(disjunction.LeftOperand, false, depth), Implied(disjunction.RightOperand, true, depth)))
                    : Alternatives<TFact>.And(Implied(disjunction.LeftOperand, false, depth), Implied(disjunction.RightOperand, false, depth));
            case IBinaryOperation comparison:
                return Comparison(comparison, value, depth);
            case IIsPatternOperation isPattern:
                return Pattern(isPattern.Value, isPattern.Pattern, value, depth);
            case ILocalReferenceOperation local when IsBoolean(local.Type):
                return depth < MaxLocalDepth && LocalValues.InitialValue(local) is { } initializer
                    && Implied(initializer, value, depth + 1) is { IsUnknown: false } facts
                    && !members.MayBeAssignedAgain(local)
                    ? facts
                    : Alternatives<TFact>.Unknown;
            default:
                return Fact(domain.Atom(condition), value);
        }
    }

    private Alternatives<TFact> Comparison(IBinaryOperation comparison, bool value, int depth)
    {
        var left = comparison.LeftOperand.WithoutImplicitConversions()!;
        var right = comparison.RightOperand.WithoutImplicitConversions()!;
        var equality = comparison.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;
        if (equality && left.ConstantValue.HasValue && !right.ConstantValue.HasValue)
        {
            (left, right) = (right, left);
        }

        if (equality && right.ConstantValue is { HasValue: true, Value: bool constant })
        {
            if ((comparison.OperatorKind == BinaryOperatorKind.Equals) == value)
            {
                // x == c holds, or x != c fails: x is c.
                return Implied(left, constant, depth);
            }

            // x is not c: for a nullable x (x?.IsValid, bool?) that may be null, which is not known to be either;
            // x != true counts null as false.
            var nullable = left.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || left is IConditionalAccessOperation;
            return constant ? Implied(left, false, depth) : nullable ? Alternatives<TFact>.Unknown : Implied(left, true, depth);
        }

        return Fact(domain.Comparison(comparison, left, right), value);
    }

    private Alternatives<TFact> Pattern(IOperation subject, IPatternOperation pattern, bool matches, int depth)
    {
        switch (pattern)
        {
            case INegatedPatternOperation negated:
                return Pattern(subject, negated.Pattern, !matches, depth);
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } }:
                return Implied(subject, constant == matches, depth);
            default:
                return domain.Pattern(subject.WithoutImplicitConversions()!, pattern, matches);
        }
    }

    private Alternatives<TFact> Fact(TFact? fact, bool value)
        => fact is null ? Alternatives<TFact>.Unknown : Alternatives<TFact>.Single(value ? fact : domain.Negate(fact));

    private static bool IsBoolean(IBinaryOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

    /// <summary>A <c>bool</c> or <c>bool?</c> local, read through its initializer.</summary>
    private static bool IsBoolean(ITypeSymbol? type)
        => type is not null
            && (type.SpecialType == SpecialType.System_Boolean
                || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean);
}
