using System;
using ErrorLint.Conditions;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Validation;

/// <summary>
/// Answers "did validation fail here?": whether an operation runs only when the request was invalid
/// (<c>if (!ModelState.IsValid)</c>, a failed <c>Validator.TryValidateObject</c>, a validation result that is not valid,
/// the code after an early exit on success), and whether a body is validation state. One per compilation
/// (<c>ResponseModel.Validation</c>).
/// </summary>
internal sealed class ValidationFacts
{
    private readonly WellKnownTypes types;
    private readonly ConditionReader<ValidationFact> conditions;

    public ValidationFacts(ResponseModel model)
    {
        types = model.Types;
        conditions = new ConditionReader<ValidationFact>(new ValidationConditions(types), model.Members);
    }

    /// <summary>
    /// The failed check the operation is conditioned on (<c>ModelState.IsValid</c> is false), when every way to it passes
    /// one; null otherwise. Does not look outside the enclosing lambda or local function.
    /// </summary>
    public ValidationFact? FailedCheck(IOperation operation)
    {
        ValidationFact? first = null;
        foreach (var path in PathWalker.FactsOnPathTo(operation, conditions, withinFunction: true).Paths)
        {
            ValidationFact? failed = null;
            foreach (var fact in path)
            {
                if (!fact.Valid)
                {
                    failed = fact;
                    break;
                }
            }

            if (failed is null)
            {
                return null;
            }

            first ??= failed;
        }

        return first;
    }

    /// <summary>
    /// True for validation state sent as a body: <c>ModelState</c>, <c>SerializableError</c>, (HTTP) validation problem
    /// details, a <c>Dictionary&lt;string, string[]&gt;</c> of errors, Identity errors, a collection of <c>ValidationResult</c>.
    /// </summary>
    public bool IsValidationState(IOperation? body)
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
            return IsValidationElement(array.ElementType);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var arguments = generic.TypeArguments;
            if (arguments.Length == 2 && arguments[0].SpecialType == SpecialType.System_String
                && arguments[1] is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } && generic.Name.EndsWith("Dictionary", StringComparison.Ordinal))
            {
                return true;
            }

            return arguments.Length == 1 && IsValidationElement(arguments[0]);
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

    private bool IsValidationElement(ITypeSymbol element)
        => element.Is(types.IdentityError)
            || element.Name is "ValidationResult" or "ValidationFailure" or "ModelError";
}
