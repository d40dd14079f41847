using ErrorLint.Configuration;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>What an error response sends instead of problem details.</summary>
internal enum NonProblemBodyKind
{
    /// <summary>A plain string: <c>BadRequest("Invalid id")</c>.</summary>
    Text,

    /// <summary>An anonymous object: <c>NotFound(new { error = "..." })</c>.</summary>
    AnonymousObject,

    /// <summary>The application's own error envelope: <c>new ErrorDto(...)</c>, <c>Result.Fail(...)</c>.</summary>
    ErrorType,

    /// <summary>Validation state: <c>BadRequest(ModelState)</c>, Identity errors.</summary>
    ValidationState,
}

/// <summary>An error response body that is not problem details, with the one message a fix can carry over.</summary>
internal sealed class NonProblemBody
{
    private NonProblemBody(NonProblemBodyKind kind, string description, IOperation? soleMessage)
    {
        Kind = kind;
        Description = description;
        SoleMessage = soleMessage;
    }

    public NonProblemBodyKind Kind { get; }

    /// <summary>Names the body for messages: <c>a string</c>, <c>an anonymous object</c>, <c>ErrorDto</c>.</summary>
    public string Description { get; }

    /// <summary>
    /// The string that is the body's only content, so a fix can send it as <c>detail</c> without losing
    /// anything; null when the body carries more (codes, field lists) or no string at all.
    /// </summary>
    public IOperation? SoleMessage { get; }

    /// <summary>
    /// Classifies the body of a 4xx/5xx response. Null for problem details, for the API's declared error
    /// contract types, for exceptions (EL0009's concern) and for values that do not read as an error body
    /// (a conflicting resource sent with 409, an unknown <c>object</c>).
    /// </summary>
    public static NonProblemBody? Classify(IOperation? body, WellKnownTypes types, ErrorLintOptions options)
    {
        body = body.WithoutImplicitConversions();
        var type = body?.Type;
        if (body is null || type is null || type.TypeKind == TypeKind.Error || body.ConstantValue is { HasValue: true, Value: null })
        {
            return null;
        }

        if (ProblemDetailsFacts.IsProblemDetails(type, types) || IsErrorContract(type, options) || type.IsExceptionType())
        {
            return null;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return SerializedValue(body) is { Type: { } serialized } && (ProblemDetailsFacts.IsProblemDetails(serialized, types) || IsErrorContract(serialized, options))
                ? null
                : new NonProblemBody(NonProblemBodyKind.Text, "a string", body);
        }

        if (type.IsAnonymousType)
        {
            return new NonProblemBody(NonProblemBodyKind.AnonymousObject, "an anonymous object", SoleString(body));
        }

        if (type.SpecialType != SpecialType.None)
        {
            return null;
        }

        return ErrorBodyClassifier.Classify(body, types, options) switch
        {
            { Kind: ErrorBodyKind.ValidationState } error => new NonProblemBody(NonProblemBodyKind.ValidationState, error.Description, null),
            { Kind: ErrorBodyKind.ErrorMember or ErrorBodyKind.FailureFlag or ErrorBodyKind.ErrorType or ErrorBodyKind.FailureFactory } =>
                new NonProblemBody(NonProblemBodyKind.ErrorType, type.Name, SoleString(body)),
            _ => null,
        };
    }

    /// <summary><c>problemDetails</c> in <c>WriteAsync(JsonSerializer.Serialize(problemDetails))</c>: the string is that value as JSON.</summary>
    private static IOperation? SerializedValue(IOperation body)
        => body is IInvocationOperation { TargetMethod: { Name: "Serialize" or "SerializeObject", ContainingType.Name: "JsonSerializer" or "JsonConvert" }, Arguments: { Length: > 0 } arguments }
            ? arguments[0].Value.WithoutConversions()
            : null;

    /// <summary>True for a type (or a base type) listed in <c>errorlint.error_contract_types</c>.</summary>
    public static bool IsErrorContract(ITypeSymbol type, ErrorLintOptions options)
    {
        if (options.ErrorContractTypes.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (ErrorLintOptions.Names(options.ErrorContractTypes, current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The body's single piece of content when it is a string: one member, one argument.</summary>
    private static IOperation? SoleString(IOperation body)
    {
        IOperation? sole = null;
        var count = 0;
        void Consider(IOperation value)
        {
            count++;
            sole = value.WithoutImplicitConversions();
        }

        switch (body)
        {
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    Consider(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer);
                }

                break;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        Consider(argument.Value);
                    }
                }

                if (creation.Initializer is { } objectInitializer)
                {
                    foreach (var member in objectInitializer.Initializers)
                    {
                        Consider(member is ISimpleAssignmentOperation assignment ? assignment.Value : member);
                    }
                }

                break;
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsReceiverArgument(invocation, argument))
                    {
                        Consider(argument.Value);
                    }
                }

                break;
            default:
                return null;
        }

        return count == 1 && sole?.Type?.SpecialType == SpecialType.System_String && sole.ConstantValue is not { HasValue: true, Value: null } ? sole : null;
    }

    private static bool IsReceiverArgument(IInvocationOperation invocation, IArgumentOperation argument)
        => invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && invocation.Arguments[0] == argument;
}
