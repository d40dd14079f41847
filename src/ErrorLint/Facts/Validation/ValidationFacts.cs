using System.Linq;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Validation;

/// <summary>
/// Where validation failed: whether an operation runs only when the request was invalid
/// (<c>if (!ModelState.IsValid)</c>, a failed <c>Validator.TryValidateObject</c>, a validation result that is not valid,
/// the code after an early-return guard on success), and whether a body is validation state.
/// </summary>
internal static class ValidationFacts
{
    // Negations, comparisons and locals nest; deeper conditions are not worth reading.
    private const int MaxDepth = 8;

    /// <summary>
    /// Describes the failed validation the operation is conditioned on (<c>ModelState.IsValid is false</c>), or null
    /// when it is not in such a branch. Does not look outside the enclosing lambda or local function.
    /// </summary>
    public static string? FailedValidationBranch(IOperation operation)
    {
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case IConditionalOperation conditional when child == conditional.WhenTrue:
                    if (ValidationOutcome(conditional.Condition, 0) is { WhenTrue: false } failed)
                    {
                        return failed.Description;
                    }

                    break;
                case IConditionalOperation conditional when child == conditional.WhenFalse:
                    if (ValidationOutcome(conditional.Condition, 0) is { WhenFalse: false } failedOtherwise)
                    {
                        return failedOtherwise.Description;
                    }

                    break;
                case IBlockOperation block:
                    if (AfterSuccessGuard(block, child) is { } guarded)
                    {
                        return guarded;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// True for validation state sent as a body: <c>ModelState</c>, <c>SerializableError</c>, (HTTP) validation problem
    /// details, a <c>Dictionary&lt;string, string[]&gt;</c> of errors, Identity errors, a collection of <c>ValidationResult</c>.
    /// </summary>
    public static bool IsValidationState(IOperation? body, WellKnownTypes types)
    {
        var type = body.WithoutImplicitConversions()?.Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type.InheritsFrom(types.ModelStateDictionary)
            || type.InheritsFrom(types.SerializableError)
            || type.InheritsFrom(types.HttpValidationProblemDetails)
            || InheritsFromNamed(type, "ValidationProblemDetails"))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsValidationElement(array.ElementType, types);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var arguments = generic.TypeArguments;
            if (arguments.Length == 2 && arguments[0].SpecialType == SpecialType.System_String
                && arguments[1] is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } && generic.Name.EndsWith("Dictionary", System.StringComparison.Ordinal))
            {
                return true;
            }

            return arguments.Length == 1 && IsValidationElement(arguments[0], types);
        }

        return false;
    }

    private static bool InheritsFromNamed(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidationElement(ITypeSymbol element, WellKnownTypes types)
        => element.Is(types.IdentityError)
            || element.Name is "ValidationResult" or "ValidationFailure" or "ModelError";

    /// <summary>
    /// Code after <c>if (ModelState.IsValid) { ...; return ...; }</c> in the same block runs only when validation failed.
    /// </summary>
    private static string? AfterSuccessGuard(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return null;
            }

            if (statement is IConditionalOperation { WhenFalse: null } guard
                && ValidationOutcome(guard.Condition, 0) is { WhenFalse: false } outcome
                && AlwaysExits(guard.WhenTrue))
            {
                return outcome.Description;
            }
        }

        return null;
    }

    private static bool AlwaysExits(IOperation branch)
    {
        var last = branch is IBlockOperation block ? block.Operations.LastOrDefault() : branch;
        return last is IReturnOperation || last is IExpressionStatementOperation { Operation: IThrowOperation } || last is IThrowOperation;
    }

    /// <summary>
    /// Reads a condition as what it says about validation: <see cref="Outcome.WhenTrue"/> is true when the condition
    /// holding means the input was valid, false when it means validation failed, null when it says nothing; likewise
    /// <see cref="Outcome.WhenFalse"/> for the condition not holding.
    /// </summary>
    private static Outcome? ValidationOutcome(IOperation? condition, int depth)
    {
        condition = condition.WithoutImplicitConversions();
        if (condition is null || depth > MaxDepth)
        {
            return null;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return ValidationOutcome(not.Operand, depth + 1)?.Negated();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                {
                    var (other, constant) = comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool right }
                        ? (comparison.LeftOperand, right)
                        : comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool left } ? (comparison.RightOperand, left) : (null, false);
                    if (other is null)
                    {
                        return ValidationCount(comparison);
                    }

                    var outcome = ValidationOutcome(other, depth + 1);
                    return constant == (comparison.OperatorKind == BinaryOperatorKind.Equals) ? outcome : outcome?.Negated();
                }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan } count:
                return ValidationCount(count);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                {
                    var left = ValidationOutcome(logical.LeftOperand, depth + 1);
                    var right = ValidationOutcome(logical.RightOperand, depth + 1);
                    if (left is null && right is null)
                    {
                        return null;
                    }

                    var description = (left ?? right)!.Description;
                    return logical.OperatorKind == BinaryOperatorKind.ConditionalAnd
                        ? new Outcome(left?.WhenTrue ?? right?.WhenTrue, Same(left?.WhenFalse, right?.WhenFalse), description)
                        : new Outcome(Same(left?.WhenTrue, right?.WhenTrue), left?.WhenFalse ?? right?.WhenFalse, description);
                }

            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } isPattern:
                return expected ? ValidationOutcome(isPattern.Value, depth + 1) : ValidationOutcome(isPattern.Value, depth + 1)?.Negated();
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool notExpected } } } } isNotPattern:
                return notExpected ? ValidationOutcome(isNotPattern.Value, depth + 1)?.Negated() : ValidationOutcome(isNotPattern.Value, depth + 1);
            case IPropertyReferenceOperation { Property.Name: "IsValid" } isValid when IsValidationSource(isValid.Property.ContainingType):
                return new Outcome(true, false, Describe(isValid) + " is false");
            case IInvocationOperation invocation when IsValidatingCall(invocation.TargetMethod):
                return new Outcome(true, false, invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + " failed");
            case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_Boolean:
                return ValidationOutcome(InitializerOf(local), depth + 1);
            default:
                return null;
        }
    }

    private static bool? Same(bool? left, bool? right) => left is not null && left == right ? left : null;

    /// <summary><c>ModelState.ErrorCount &gt; 0</c>, <c>result.Errors.Count != 0</c>: validation failed.</summary>
    private static Outcome? ValidationCount(IBinaryOperation comparison)
    {
        if (comparison.RightOperand.ConstantValue is not { HasValue: true, Value: 0 })
        {
            return null;
        }

        var counted = comparison.LeftOperand.WithoutImplicitConversions();
        var source = counted switch
        {
            IPropertyReferenceOperation { Property.Name: "ErrorCount" } errorCount => errorCount.Property.ContainingType,
            IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: IPropertyReferenceOperation { Property.Name: "Errors" } errors } => errors.Property.ContainingType,
            _ => null,
        };
        if (source is null || !IsValidationSource(source))
        {
            return null;
        }

        var outcome = new Outcome(false, true, "validation reported errors");
        return comparison.OperatorKind == BinaryOperatorKind.Equals ? outcome.Negated() : outcome;
    }

    /// <summary>ModelState, or a validation result type (FluentValidation's <c>ValidationResult</c>, the application's own <c>...ValidationResult</c>).</summary>
    private static bool IsValidationSource(ITypeSymbol? type)
        => type is not null && (type.Name == "ModelStateDictionary" || type.Name.IndexOf("Validation", System.StringComparison.Ordinal) >= 0);

    private static bool IsValidatingCall(IMethodSymbol method)
        => method.ReturnType.SpecialType == SpecialType.System_Boolean
            && ((method.Name is "TryValidateObject" or "TryValidateProperty" or "TryValidateValue" && method.ContainingType?.Name == "Validator")
                || method.Name == "TryValidateModel");

    private static string Describe(IPropertyReferenceOperation isValid)
        => isValid.Instance?.Syntax is { } instance ? instance.ToString() + ".IsValid" : "IsValid";

    /// <summary>The initial value of a local (<c>var valid = Validator.TryValidateObject(...)</c>), as declared.</summary>
    private static IOperation? InitializerOf(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } semanticModel
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != semanticModel.SyntaxTree)
        {
            return null;
        }

        return semanticModel.GetOperation(value);
    }

    private sealed class Outcome
    {
        public Outcome(bool? whenTrue, bool? whenFalse, string description)
        {
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
            Description = description;
        }

        /// <summary>True: the condition holding means the input was valid; false: it means validation failed.</summary>
        public bool? WhenTrue { get; }

        public bool? WhenFalse { get; }

        /// <summary>How messages name the failed check: <c>ModelState.IsValid is false</c>.</summary>
        public string Description { get; }

        public Outcome Negated() => new(WhenFalse, WhenTrue, Description);
    }
}
