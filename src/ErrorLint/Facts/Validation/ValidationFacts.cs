using System;
using ErrorLint.Conditions;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Validation;

/// <summary>
/// Answers "did validation fail here?": whether an operation runs only when the request was invalid
/// (<c>if (!ModelState.IsValid)</c>, a failed <c>Validator.TryValidateObject</c>, a validation result that is not valid,
/// the code after an early exit on success), and whether a body is a validator's output. One per compilation
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
    /// one; null otherwise. Does not look outside the enclosing lambda; in a local function, every call of it must be
    /// conditioned on a failed check (<c>if (!ModelState.IsValid) return Invalid();</c>).
    /// </summary>
    public ValidationFact? FailedCheck(IOperation operation)
    {
        if (FailedOnEveryPath(operation) is { } failed)
        {
            return failed;
        }

        if (operation.EnclosingFunction() is not ILocalFunctionOperation localFunction)
        {
            return null;
        }

        ValidationFact? first = null;
        foreach (var call in localFunction.Root().Descendants())
        {
            if (call is IInvocationOperation invocation && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, localFunction.Symbol))
            {
                if (FailedOnEveryPath(invocation) is not { } atCall)
                {
                    return null;
                }

                first ??= atCall;
            }
        }

        return first;
    }

    private ValidationFact? FailedOnEveryPath(IOperation operation)
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
    /// True for a body that is a validator's own output: (HTTP) validation problem details, Identity errors, a collection of
    /// <c>ValidationResult</c> or FluentValidation's <c>ValidationFailure</c>. <c>ModelState</c>, <c>SerializableError</c>
    /// and a dictionary of errors are not: a server fills them with its own failures too (<c>AddModelError("", "Could not
    /// save")</c> before a 500), so they say validation failed only where a failed check leads to them.
    /// </summary>
    public bool IsValidatorOutput(IOperation? body)
    {
        var type = body.WithoutImplicitConversions()?.Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type.InheritsFrom(types.HttpValidationProblemDetails) || InheritsFromNamed(type, "ValidationProblemDetails"))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsValidatorElement(array.ElementType);
        }

        return type is INamedTypeSymbol { IsGenericType: true, Arity: 1 } generic && IsValidatorElement(generic.TypeArguments[0]);
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

    private bool IsValidatorElement(ITypeSymbol element)
        => element.Is(types.IdentityError) || element.Name is "ValidationResult" or "ValidationFailure";
}
