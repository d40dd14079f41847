using System;
using ErrorLint.Conditions;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Validation;

/// <summary>How a condition checks the request: <c>ModelState.IsValid</c>, a <c>TryValidate*</c> call, a count of validation errors.</summary>
internal enum ValidationCheckKind
{
    /// <summary><c>ModelState.IsValid</c>, or <c>IsValid</c> of a validation result.</summary>
    IsValid,

    /// <summary><c>Validator.TryValidateObject(...)</c>, <c>TryValidateModel(...)</c>.</summary>
    ValidatingCall,

    /// <summary><c>ModelState.ErrorCount &gt; 0</c>, <c>result.Errors.Count != 0</c>.</summary>
    ErrorCount,
}

/// <summary>A check of the request's validity on a code path: whether it passed, and the code that made it.</summary>
internal sealed class ValidationFact
{
    public ValidationFact(ValidationCheckKind kind, bool valid, IOperation check)
    {
        Kind = kind;
        Valid = valid;
        Check = check;
    }

    public ValidationCheckKind Kind { get; }

    /// <summary>True where the check passed, false where validation failed.</summary>
    public bool Valid { get; }

    /// <summary>The <c>IsValid</c> read, the validating call or the count compared.</summary>
    public IOperation Check { get; }

    /// <summary>Whether the check is the controller's own <c>ModelState.IsValid</c>, so <c>ValidationProblem(ModelState)</c> answers it.</summary>
    public bool IsControllerModelState
        => Kind == ValidationCheckKind.IsValid && Check is IPropertyReferenceOperation { Instance: IPropertyReferenceOperation { Property.Name: "ModelState" } };

    public ValidationFact Negate() => new(Kind, !Valid, Check);
}

/// <summary>What conditions say about the request's validity; a check's result is its fact when true.</summary>
internal sealed class ValidationConditions : ConditionDomain<ValidationFact>
{
    private readonly WellKnownTypes types;

    public ValidationConditions(WellKnownTypes types) => this.types = types;

    public override ValidationFact Negate(ValidationFact fact) => fact.Negate();

    public override ValidationFact? Atom(IOperation condition) => condition switch
    {
        IPropertyReferenceOperation { Property.Name: "IsValid" } isValid when IsValidationSource(isValid.Property.ContainingType)
            => new ValidationFact(ValidationCheckKind.IsValid, true, isValid),
        IInvocationOperation invocation when IsValidatingCall(invocation.TargetMethod) => new ValidationFact(ValidationCheckKind.ValidatingCall, true, invocation),
        _ => null,
    };

    /// <summary><c>ModelState.ErrorCount &gt; 0</c> and <c>result.Errors.Count != 0</c> say validation failed; <c>== 0</c> that it passed.</summary>
    public override ValidationFact? Comparison(IBinaryOperation comparison, IOperation left, IOperation right)
    {
        if (comparison.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.GreaterThan)
            || right.ConstantValue is not { HasValue: true, Value: 0 })
        {
            return null;
        }

        var source = left switch
        {
            IPropertyReferenceOperation { Property.Name: "ErrorCount" } errorCount => errorCount.Property.ContainingType,
            IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: IPropertyReferenceOperation { Property.Name: "Errors" } errors } => errors.Property.ContainingType,
            _ => null,
        };
        return source is not null && IsValidationSource(source)
            ? new ValidationFact(ValidationCheckKind.ErrorCount, comparison.OperatorKind == BinaryOperatorKind.Equals, comparison)
            : null;
    }

    /// <summary>ModelState, or a validation result type (FluentValidation's <c>ValidationResult</c>, the application's own <c>...ValidationResult</c>).</summary>
    private bool IsValidationSource(ITypeSymbol? type)
        => type is not null && (type.InheritsFrom(types.ModelStateDictionary) || type.Name.IndexOf("Validation", StringComparison.Ordinal) >= 0);

    private static bool IsValidatingCall(IMethodSymbol method)
        => method.ReturnType.SpecialType == SpecialType.System_Boolean
            && ((method.Name is "TryValidateObject" or "TryValidateProperty" or "TryValidateValue" && method.ContainingType?.Name == "Validator")
                || method.Name == "TryValidateModel");
}
