using System;
using System.Collections.Generic;
using ErrorLint.Configuration;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>Decides whether a response body is an error body, and where its message is.</summary>
internal static class ErrorBodyClassifier
{
    private static readonly HashSet<string> ErrorMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "error", "errors", "errorMessage", "errorMsg", "errorDescription", "errorDetails", "errorCode", "exception", "failure", "failures", "failureReason",
    };

    private static readonly HashSet<string> SuccessFlags = new(StringComparer.OrdinalIgnoreCase)
    {
        "success", "succeeded", "successful", "isSuccess", "isSuccessful", "isSucceeded", "result", "ok", "isOk",
    };

    private static readonly HashSet<string> OutcomeMembers = new(StringComparer.OrdinalIgnoreCase) { "status", "result", "outcome", "state" };

    private static readonly HashSet<string> FailureWords = new(StringComparer.OrdinalIgnoreCase) { "error", "fail", "failed", "failure", "fault" };

    private static readonly HashSet<string> MessageMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "message", "errorMessage", "error", "detail", "details", "description", "errorDescription", "reason", "title", "msg",
    };

    private static readonly HashSet<string> DefaultFailureFactories = new(StringComparer.Ordinal) { "Fail", "Failure", "Failed", "NotOk" };

    // Trailing words that wrap a concept without changing it: ErrorResponse and ErrorDto are errors, ErrorLogEntry is not.
    private static readonly string[] WrapperSuffixes = { "Dto", "Model", "ViewModel", "Response", "Result", "Body", "Payload", "Envelope", "Details", "Detail", "Info", "Message" };

    private static readonly string[] ErrorNameEndings = { "Error", "Errors", "Failure", "Fault" };

    public static ErrorBody? Classify(IOperation? body, WellKnownTypes types, ErrorLintOptions options)
    {
        body = body.WithoutImplicitConversions();
        if (body is null)
        {
            return null;
        }

        switch (body)
        {
            case IAnonymousObjectCreationOperation anonymous:
                return ClassifyMembers(anonymous.Initializers, types, options);
            case IObjectCreationOperation { Initializer: { } initializer } creation
                when !ProblemDetailsFacts.IsProblemDetails(creation.Type, types)
                    && !(creation.Type is { SpecialType: SpecialType.None } created && IsErrorNamed(created, options)):
                return ClassifyMembers(initializer.Initializers, types, options);
            case IInvocationOperation invocation when IsFailureFactory(invocation.TargetMethod, types, options):
                return new ErrorBody(ErrorBodyKind.FailureFactory, invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + "(...)", FirstString(invocation));
            // data.success = false; ... return data;: the envelope a local holds, as its flag was last set on the way.
            // Only an envelope with a flag member is read for its writes: most locals sent are data.
            case ILocalReferenceOperation { Type: INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class } envelope } local
                when HasSuccessFlag(envelope) && LocalValues.LastMemberConstantBefore(local, SuccessFlags.Contains) is ({ } flag, false):
                return new ErrorBody(ErrorBodyKind.FailureFlag, "'" + flag + " = false'", null);
        }

        return ClassifyType(body, types, options);
    }

    private static bool HasSuccessFlag(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var name in current.MemberNames)
            {
                if (SuccessFlags.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ErrorBody? ClassifyType(IOperation body, WellKnownTypes types, ErrorLintOptions options)
    {
        var type = body.Type;
        if (type is null)
        {
            return null;
        }

        switch (FrameworkBaseOf(type, types))
        {
            case FrameworkBase.ProblemDetails:
                return new ErrorBody(ErrorBodyKind.ProblemDetails, type.Name, InitializerValue(body, "Detail"));
            case FrameworkBase.ValidationState:
                return new ErrorBody(ErrorBodyKind.ValidationState, type.Name, null);
            case FrameworkBase.Exception:
                return new ErrorBody(ErrorBodyKind.Exception, "an exception object", null);
        }

        if (IsIdentityErrors(type, types))
        {
            return new ErrorBody(ErrorBodyKind.ValidationState, "Identity errors", null);
        }

        if (type.SpecialType == SpecialType.None && IsErrorNamed(type, options))
        {
            return new ErrorBody(ErrorBodyKind.ErrorType, type.Name, InitializerMessage(body));
        }

        return null;
    }

    /// <summary>
    /// The framework class a body's type derives from, in one walk up its base types: every success body of every
    /// response is asked, and the four classes exclude one another.
    /// </summary>
    private static FrameworkBase FrameworkBaseOf(ITypeSymbol type, WellKnownTypes types)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, types.ProblemDetails))
            {
                return FrameworkBase.ProblemDetails;
            }

            if (SymbolEqualityComparer.Default.Equals(definition, types.ModelStateDictionary) || SymbolEqualityComparer.Default.Equals(definition, types.SerializableError))
            {
                return FrameworkBase.ValidationState;
            }

            if (SymbolEqualityComparer.Default.Equals(definition, types.Exception))
            {
                return FrameworkBase.Exception;
            }
        }

        return FrameworkBase.None;
    }

    private static ErrorBody? ClassifyMembers(IEnumerable<IOperation> initializers, WellKnownTypes types, ErrorLintOptions options)
    {
        ErrorBody? found = null;
        IOperation? message = null;
        foreach (var initializer in initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                continue;
            }

            var name = property.Property.Name;
            var value = assignment.Value.WithoutImplicitConversions()!;
            if (message is null && MessageMembers.Contains(name) && value.Type?.SpecialType == SpecialType.System_String)
            {
                message = value;
            }

            // An envelope's generic payload slot (Result in Response<T>) holds the data, whatever it is named.
            if (IsPayloadSlot(property.Property))
            {
                continue;
            }

            // new { success, message }: the flag is a local, read where nothing has set it since its declaration.
            var constant = value.ConstantValue.HasValue || value is not ILocalReferenceOperation local || !SuccessFlags.Contains(name)
                ? value.ConstantValue
                : LocalValues.ConstantAt(local);
            if (SuccessFlags.Contains(name) && constant is { HasValue: true, Value: bool succeeded })
            {
                if (succeeded)
                {
                    // success = true wins over an error member that is only there to be null.
                    return null;
                }

                found ??= new ErrorBody(ErrorBodyKind.FailureFlag, "'" + name + " = false'", null);
            }
            else if (OutcomeMembers.Contains(name) && value.ConstantValue is { HasValue: true, Value: string outcome } && FailureWords.Contains(outcome))
            {
                found ??= new ErrorBody(ErrorBodyKind.FailureFlag, "'" + name + " = \"" + outcome + "\"'", null);
            }
            else if ((ErrorMembers.Contains(name) || Contains(options.ErrorMemberNames, name)) && IsErrorValue(value, types, options))
            {
                found ??= new ErrorBody(ErrorBodyKind.ErrorMember, "'" + name + "' member", null);
            }
        }

        return found is null ? null : new ErrorBody(found.Kind, found.Description, message);
    }

    /// <summary>A member whose declared type is the envelope's type parameter: <c>T Result</c> in <c>Response&lt;T&gt;</c>.</summary>
    private static bool IsPayloadSlot(IPropertySymbol property) => property.OriginalDefinition.Type is ITypeParameterSymbol;

    /// <summary>A value that really carries an error: not null, false or 0, and not a collection of unrelated records.</summary>
    private static bool IsErrorValue(IOperation value, WellKnownTypes types, ErrorLintOptions options)
    {
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value switch
            {
                null => false,
                bool flag => flag,
                int number => number != 0,
                string text => text.Length > 0,
                _ => true,
            };
        }

        var type = value.Type;
        if (type is null || type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsErrorElement(array.ElementType, types, options);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic && type.SpecialType != SpecialType.System_Nullable_T)
        {
            // A dictionary of field errors is validation state; a list of log entries is a resource about errors.
            return generic.Arity == 2 || IsErrorElement(generic.TypeArguments[0], types, options);
        }

        return type.IsValueType || IsErrorElement(type, types, options) || type.TypeKind == TypeKind.Error;
    }

    private static bool IsErrorElement(ITypeSymbol element, WellKnownTypes types, ErrorLintOptions options)
        => element.SpecialType == SpecialType.System_String
            || IsErrorType(element, types, options)
            || element.IsExceptionType()
            || element.Name is "ValidationResult" or "ModelError";

    public static bool IsErrorType(ITypeSymbol? type, WellKnownTypes types, ErrorLintOptions options)
        => type is { SpecialType: SpecialType.None } && !ProblemDetailsFacts.IsProblemDetails(type, types) && IsErrorNamed(type, options);

    /// <summary>Whether the type's name says it is an error (<c>ErrorResponse</c>, <c>ValidationFailure</c>) or the options name it one.</summary>
    private static bool IsErrorNamed(ITypeSymbol type, ErrorLintOptions options)
    {
        if (ErrorLintOptions.Names(options.ErrorTypes, type))
        {
            return true;
        }

        // Trim wrapper words by moving the end of the name, without allocating the shorter names.
        var name = type.Name;
        var length = name.Length;
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var suffix in WrapperSuffixes)
            {
                if (length > suffix.Length && EndsWith(name, length, suffix))
                {
                    length -= suffix.Length;
                    trimmed = true;
                    break;
                }
            }
        }

        foreach (var ending in ErrorNameEndings)
        {
            if (length >= ending.Length && EndsWith(name, length, ending))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the first <paramref name="length"/> characters of <paramref name="name"/> end with <paramref name="suffix"/>.</summary>
    private static bool EndsWith(string name, int length, string suffix)
        => string.CompareOrdinal(name, length - suffix.Length, suffix, 0, suffix.Length) == 0;

    private static bool IsIdentityErrors(ITypeSymbol type, WellKnownTypes types)
    {
        if (types.IdentityError is null)
        {
            return false;
        }

        if (type.Is(types.IdentityError))
        {
            return true;
        }

        // TypeArguments builds a new array on every read: check the arity first and read it once.
        return type is INamedTypeSymbol { IsGenericType: true, Arity: 1 } generic && generic.TypeArguments[0].Is(types.IdentityError);
    }

    private static bool IsFailureFactory(IMethodSymbol method, WellKnownTypes types, ErrorLintOptions options)
    {
        if (method.ReturnsVoid || method.ContainingType is null)
        {
            return false;
        }

        // Result.Fail(...), or a base controller's own Failed(...) helper returning the envelope; an instance method
        // named Fail elsewhere is more often an action (job.Fail()) than a factory.
        if (DefaultFailureFactories.Contains(method.Name)
            && (method.IsStatic || (method.ContainingType.InheritsFrom(types.ControllerBase) && method.IsDeclaredIn(types.Compilation))))
        {
            return true;
        }

        // Asked of every body that is a call: the qualified name is built only when the options name factories.
        if (options.FailureFactories.IsEmpty)
        {
            return false;
        }

        var qualified = method.ContainingType.Name + "." + method.Name;
        foreach (var factory in options.FailureFactories)
        {
            if (factory == method.Name || factory == qualified)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(System.Collections.Immutable.ImmutableArray<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? FirstString(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.Type?.SpecialType == SpecialType.System_String && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value.WithoutImplicitConversions();
            }
        }

        return null;
    }

    private static IOperation? InitializerValue(IOperation body, string propertyName)
    {
        if (body is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && property.Property.Name == propertyName)
                {
                    return assignment.Value.WithoutImplicitConversions();
                }
            }
        }

        return null;
    }

    private static IOperation? InitializerMessage(IOperation body)
    {
        if (body is IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    return argument.Value.WithoutImplicitConversions();
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                        && MessageMembers.Contains(property.Property.Name)
                        && assignment.Value.Type?.SpecialType == SpecialType.System_String)
                    {
                        return assignment.Value.WithoutImplicitConversions();
                    }
                }
            }
        }

        return null;
    }

    private enum FrameworkBase
    {
        None,
        ProblemDetails,
        ValidationState,
        Exception,
    }
}
