using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorLint.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>How the code narrowed an exception value where it is read, without declaring a new variable for it.</summary>
internal enum NarrowingKind
{
    None,

    /// <summary><c>if (exception is ConflictException)</c>, <c>case ConflictException:</c>, a switch-expression arm: the code maps these types on purpose.</summary>
    TypeTest,

    /// <summary><c>catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)</c>.</summary>
    CatchFilter,
}

/// <summary>
/// The types an <c>Exception</c>-typed value is known to have where it is read, from the type tests around it: the
/// innermost <c>if</c>, <c>switch</c> case, switch-expression arm or catch filter that tests the same value. A test that
/// declares a variable (<c>is DbException db</c>) is read by <see cref="HandledExceptions"/> instead, through the variable.
/// </summary>
internal readonly struct ExceptionNarrowing
{
    private ExceptionNarrowing(NarrowingKind kind, ImmutableArray<ITypeSymbol> types)
    {
        Kind = kind;
        Types = types;
    }

    public NarrowingKind Kind { get; }

    /// <summary>The tested types, any of which the value may have; empty when <see cref="Kind"/> is <see cref="NarrowingKind.None"/>.</summary>
    public ImmutableArray<ITypeSymbol> Types { get; }

    /// <summary>The narrowing of <paramref name="exception"/> (a local, parameter or property read) at <paramref name="readAt"/>.</summary>
    public static ExceptionNarrowing At(IOperation readAt, IOperation exception)
    {
        IOperation child = readAt;
        for (var parent = readAt.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            var types = parent switch
            {
                IConditionalOperation conditional when conditional.WhenTrue == child => TestedTypes(conditional.Condition, exception),
                ISwitchCaseOperation switchCase when switchCase.Parent is ISwitchOperation switchStatement && SameValue(switchStatement.Value, exception)
                    => CaseTypes(switchCase),
                ISwitchExpressionArmOperation arm when arm.Value == child && arm.Parent is ISwitchExpressionOperation switchExpression && SameValue(switchExpression.Value, exception)
                    => PatternTypes(arm.Pattern),
                _ => null,
            };
            if (types is { Count: > 0 })
            {
                return new ExceptionNarrowing(NarrowingKind.TypeTest, types.ToImmutableArray());
            }

            if (parent is ICatchClauseOperation { Filter: { } filter } && child != filter && TestedTypes(filter, exception) is { Count: > 0 } filtered)
            {
                return new ExceptionNarrowing(NarrowingKind.CatchFilter, filtered.ToImmutableArray());
            }

            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }
        }

        return default;
    }

    /// <summary>The types a condition proves the value has when it is true; null when it proves none.</summary>
    private static List<ITypeSymbol>? TestedTypes(IOperation condition, IOperation exception)
    {
        switch (condition)
        {
            case IIsTypeOperation isType when SameValue(isType.ValueOperand, exception) && !isType.IsNegated:
                return new List<ITypeSymbol> { isType.TypeOperand };
            case IIsPatternOperation isPattern when SameValue(isPattern.Value, exception):
                return PatternTypes(isPattern.Pattern);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return TestedTypes(and.LeftOperand, exception) ?? TestedTypes(and.RightOperand, exception);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return Both(TestedTypes(or.LeftOperand, exception), TestedTypes(or.RightOperand, exception));
            case IParenthesizedOperation parenthesized:
                return TestedTypes(parenthesized.Operand, exception);
            default:
                return null;
        }
    }

    private static List<ITypeSymbol>? PatternTypes(IPatternOperation pattern) => pattern switch
    {
        ITypePatternOperation type => new List<ITypeSymbol> { type.MatchedType },
        IDeclarationPatternOperation { MatchedType: { } matched, DeclaredSymbol: null } => new List<ITypeSymbol> { matched },
        IRecursivePatternOperation { MatchedType: { } matched, DeclaredSymbol: null } => new List<ITypeSymbol> { matched },
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => Both(PatternTypes(or.LeftPattern), PatternTypes(or.RightPattern)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and => PatternTypes(and.LeftPattern) ?? PatternTypes(and.RightPattern),
        _ => null,
    };

    private static List<ITypeSymbol>? CaseTypes(ISwitchCaseOperation switchCase)
    {
        List<ITypeSymbol>? types = null;
        foreach (var clause in switchCase.Clauses)
        {
            // A default clause, or a case that tests no type, lets any exception in.
            if (clause is not IPatternCaseClauseOperation patternClause || PatternTypes(patternClause.Pattern) is not { } tested)
            {
                return null;
            }

            (types ??= new List<ITypeSymbol>()).AddRange(tested);
        }

        return types;
    }

    private static List<ITypeSymbol>? Both(List<ITypeSymbol>? left, List<ITypeSymbol>? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        left.AddRange(right);
        return left;
    }

    /// <summary>The same local, parameter or property of the same receiver.</summary>
    private static bool SameValue(IOperation? tested, IOperation exception)
    {
        tested = tested.WithoutImplicitConversions();
        var value = exception.WithoutImplicitConversions();
        return (tested, value) switch
        {
            (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
            (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
            (IPropertyReferenceOperation a, IPropertyReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Property, b.Property)
                && (a.Instance is null ? b.Instance is null : b.Instance is not null && SameValue(a.Instance, b.Instance)),
            (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
            _ => false,
        };
    }
}
