using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Authentication;

/// <summary>
/// The authentication scheme names handed to <c>Forbid</c>, <c>Challenge</c> and <c>SignOut</c> in every style, and whether
/// a value passed there is evidently a message for the client rather than a scheme (EL0006).
/// </summary>
internal sealed class SchemeArguments
{
    private readonly WellKnownTypes types;

    public SchemeArguments(WellKnownTypes types) => this.types = types;

    /// <summary>Whether a call of this name may take authentication schemes (<c>Forbid</c>, <c>ChallengeAsync</c>, ...); the type is checked after.</summary>
    public static bool IsSchemeCallName(string? name)
        => name is "Forbid" or "Challenge" or "SignOut" or "ForbidAsync" or "ChallengeAsync" or "SignOutAsync";

    /// <summary>
    /// The argument of a framework authentication call (<c>Forbid</c>, <c>Challenge</c>, <c>SignOut</c>, their
    /// <c>Results</c>/<c>TypedResults</c>/result-object forms, <c>HttpContext.ForbidAsync</c> and friends) that takes
    /// scheme names; null when the call is not one, e.g. the application's own <c>Forbid(string message)</c>.
    /// </summary>
    public IArgumentOperation? SchemeArgument(IOperation operation)
    {
        // Asked of every call and creation of every body: the name is read before the type.
        ImmutableArray<IArgumentOperation> arguments;
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (!IsSchemeCallName(method.Name))
                {
                    return null;
                }

                var declaring = method.ContainingType;
                if (!declaring.Is(types.ControllerBase) && !declaring.Is(types.PageModel)
                    && !declaring.Is(types.Results) && !declaring.Is(types.TypedResults)
                    && !declaring.Is(types.AuthenticationHttpContextExtensions))
                {
                    return null;
                }

                arguments = invocation.Arguments;
                break;
            case IObjectCreationOperation { Type: { Name: "ForbidResult" or "ChallengeResult" or "SignOutResult" } created } creation
                when created.Is(types.ForbidResult) || created.Is(types.ChallengeResult) || created.Is(types.SignOutResult):
                arguments = creation.Arguments;
                break;
            default:
                return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name is "authenticationSchemes" or "authenticationScheme" or "scheme"
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The values passed as scheme names: the elements of a <c>params</c> array or collection, or the single value.</summary>
    public static IEnumerable<IOperation> SchemeValues(IArgumentOperation argument)
    {
        var value = argument.Value.WithoutImplicitConversions();
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    yield return element.WithoutImplicitConversions()!;
                }

                break;
            case IObjectCreationOperation { Initializer: { } collection }:
                foreach (var element in collection.Initializers)
                {
                    if (element is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        yield return add.Arguments[0].Value.WithoutImplicitConversions()!;
                    }
                }

                break;
            case null:
                break;
            default:
                if (value.Type?.SpecialType == SpecialType.System_String)
                {
                    yield return value;
                }
                else if (value.Kind.ToString() == "CollectionExpression")
                {
                    // A collection expression (C# 12) is not modelled by the Roslyn version analyzers build against; read its elements from the tree.
                    foreach (var element in value.ChildOperations)
                    {
                        if (element.WithoutImplicitConversions() is { Type.SpecialType: SpecialType.System_String } text)
                        {
                            yield return text;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>Whether a value passed as a scheme name is evidently a human message: a sentence, an interpolated message, a localized or exception message.</summary>
    public bool IsEvidentlyMessage(IOperation value)
    {
        value = value.WithoutImplicitConversions()!;
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return LooksLikeSentence(text);
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string piece } && LooksLikeSentence(piece))
                    {
                        return true;
                    }
                }

                return false;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return IsEvidentlyMessage(concatenation.LeftOperand) || IsEvidentlyMessage(concatenation.RightOperand);
            case IPropertyReferenceOperation property:
                return IsMessageProperty(property);
            case IInvocationOperation { TargetMethod: { Name: "Format", ContainingType.SpecialType: SpecialType.System_String } }:
                return true;
            case IInvocationOperation { TargetMethod.Name: "GetString", Instance.Type.Name: "ResourceManager" }:
                return true;
            default:
                return false;
        }
    }

    private bool IsMessageProperty(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;

        // ex.Message, localizer["..."] / localizer["..."].Value, Resources.AccessDenied (a .resx designer class).
        if (symbol.Name == "Message" && symbol.ContainingType.IsExceptionType())
        {
            return true;
        }

        if (symbol.IsIndexer && symbol.ContainingType.Name is "IStringLocalizer" or "IStringLocalizer`1" or "IHtmlLocalizer" or "IHtmlLocalizer`1")
        {
            return true;
        }

        if (symbol.Name == "Value" && symbol.ContainingType.Name == "LocalizedString")
        {
            return true;
        }

        if (property.Parent is IConversionOperation { Operand.Type.Name: "LocalizedString" })
        {
            return true;
        }

        return symbol.IsStatic && symbol.Type.SpecialType == SpecialType.System_String
            && symbol.ContainingType.GetMembers("ResourceManager").Length > 0;
    }

    private static bool LooksLikeSentence(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '!' or '?' or '\'' or '"')
            {
                return true;
            }
        }

        return text.EndsWith(".", StringComparison.Ordinal);
    }
}
