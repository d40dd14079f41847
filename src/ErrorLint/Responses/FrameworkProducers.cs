using System;
using System.Collections.Concurrent;
using ErrorLint.Facts.Bodies;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// The framework's own producers of responses: the helpers of <c>Results</c>, <c>TypedResults</c>, <c>ControllerBase</c>
/// and <c>PageModel</c>, read by name (<see cref="KnownProducers"/>), and the result objects code creates
/// (<c>new ObjectResult(...)</c>), whose status comes from ASP.NET Core's <c>[DefaultStatusCode]</c>.
/// </summary>
internal sealed class FrameworkProducers
{
    private readonly WellKnownTypes types;
    private readonly RawResponseWrites rawWrites;
    private readonly StatusWrittenApart statusWrittenApart;
    private readonly ConcurrentDictionary<INamedTypeSymbol, ProducerFamily> families = new(SymbolEqualityComparer.Default);
    private readonly Func<INamedTypeSymbol, ProducerFamily> familyOf;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> actionResultTypes = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, bool> implementsActionResult;

    public FrameworkProducers(ResponseModel model)
    {
        types = model.Types;
        rawWrites = model.RawWrites;
        statusWrittenApart = new StatusWrittenApart(model);
        familyOf = ProducerFamilyOf;
        implementsActionResult = type => type.Implements(types.ActionResultInterface);
    }

    /// <summary>The framework types whose methods produce responses, each described its own way.</summary>
    private enum ProducerFamily
    {
        None,
        Results,
        TypedResults,
        Controller,
        RazorPage,
        ResponseWriting,
        ProblemDetailsService,
    }

    /// <summary>The response a call of a referenced type's method produces; the caller has checked the name may produce one.</summary>
    public HttpResponseInfo? DescribeCall(IInvocationOperation invocation, INamedTypeSymbol type, string name)
    {
        switch (families.GetOrAdd(type.OriginalDefinition, familyOf))
        {
            case ProducerFamily.Results:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.Results, "Results.") is { } result ? statusWrittenApart.Apply(result) : null;
            case ProducerFamily.TypedResults:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.TypedResults, "TypedResults.") is { } typedResult ? statusWrittenApart.Apply(typedResult) : null;
            case ProducerFamily.Controller:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.Controller, string.Empty) is { } controllerResult ? statusWrittenApart.Apply(controllerResult) : null;
            case ProducerFamily.RazorPage:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.RazorPage, string.Empty) is { } pageResult ? statusWrittenApart.Apply(pageResult) : null;
            case ProducerFamily.ResponseWriting:
                return rawWrites.DescribeWrite(invocation, ResponseKind.Write);
            case ProducerFamily.ProblemDetailsService when name is "WriteAsync" or "TryWriteAsync":
                return rawWrites.DescribeWrite(invocation, ResponseKind.Problem);
            default:
                return null;
        }
    }

    /// <summary>Which framework family of producers a referenced type's methods are; asked once per type, since every call of a body asks.</summary>
    private ProducerFamily ProducerFamilyOf(INamedTypeSymbol type)
    {
        if (type.Is(types.Results))
        {
            return ProducerFamily.Results;
        }

        if (type.Is(types.TypedResults))
        {
            return ProducerFamily.TypedResults;
        }

        if (type.InheritsFrom(types.ControllerBase))
        {
            return ProducerFamily.Controller;
        }

        if (type.InheritsFrom(types.PageModel))
        {
            return ProducerFamily.RazorPage;
        }

        if (type.Is(types.HttpResponseJsonExtensions) || type.Is(types.HttpResponseWritingExtensions))
        {
            return ProducerFamily.ResponseWriting;
        }

        return type.Is(types.ProblemDetailsService) ? ProducerFamily.ProblemDetailsService : ProducerFamily.None;
    }

    private static HttpResponseInfo? DescribeFrameworkHelper(IInvocationOperation invocation, string name, ResponseStyle style, string prefix)
    {
        if (!KnownProducers.TryGetHelper(name, out var impliedStatus, out var kind))
        {
            return null;
        }

        IOperation? statusOperation = null;
        IOperation? body = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (parameter.Name == "statusCode")
            {
                statusOperation = argument.Value;
            }
            else if (KnownProducers.IsBodyParameter(parameter.Name) || parameter.Name == "descriptor")
            {
                body = argument.Value.WithoutImplicitConversions();
            }
        }

        var (status, origin) = ResolveStatus(statusOperation, impliedStatus, body, kind);
        if (origin == StatusOrigin.Implied && KnownProducers.LeavesStatusAlone(name))
        {
            origin = StatusOrigin.FrameworkDefault;
        }

        return new HttpResponseInfo(invocation, style, kind, prefix + name, status, origin, statusOperation, body);
    }

    private static (int? Status, StatusOrigin Origin) ResolveStatus(IOperation? statusOperation, int impliedStatus, IOperation? body, ResponseKind kind)
    {
        if (statusOperation is not null && !StatusCodeValue.IsNull(statusOperation))
        {
            var explicitStatus = StatusCodeValue.Read(statusOperation);
            return (explicitStatus, explicitStatus is null ? StatusOrigin.Unknown : StatusOrigin.Explicit);
        }

        // Problem(problemDetails) sends the status the problem details carry.
        if (kind == ResponseKind.Problem && ProblemDetailsFacts.ReadStatus(body) is { } problemStatus)
        {
            return (problemStatus, StatusOrigin.Explicit);
        }

        return impliedStatus == KnownProducers.StatusFromArgument ? (null, StatusOrigin.Unknown) : (impliedStatus, StatusOrigin.Implied);
    }

    /// <summary>The response an object creation produces (<c>new ObjectResult(...)</c>), if any.</summary>
    public HttpResponseInfo? DescribeCreation(IObjectCreationOperation creation)
    {
        // Answered once per created type: reading a type's interfaces builds an array, and most creations are of DTOs and lists.
        if (creation.Type is not INamedTypeSymbol type || !actionResultTypes.GetOrAdd(type.OriginalDefinition, implementsActionResult))
        {
            return null;
        }

        var kind = type.InheritsFrom(types.ForbidResult) ? ResponseKind.Forbid
            : type.InheritsFrom(types.ChallengeResult) ? ResponseKind.Challenge
            : ResponseKind.Other;

        IOperation? statusOperation = null;
        IOperation? body = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (parameter.Name == "statusCode")
            {
                statusOperation = argument.Value;
            }
            else if (KnownProducers.IsBodyParameter(parameter.Name))
            {
                body = argument.Value.WithoutImplicitConversions();
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    switch (property.Property.Name)
                    {
                        case "StatusCode":
                            statusOperation = assignment.Value;
                            break;
                        case "Value" or "Content":
                            body = assignment.Value.WithoutImplicitConversions();
                            break;
                    }
                }
            }
        }

        int? status;
        StatusOrigin origin;
        if (statusOperation is not null && !StatusCodeValue.IsNull(statusOperation))
        {
            status = StatusCodeValue.Read(statusOperation);
            origin = status is null ? StatusOrigin.Unknown : StatusOrigin.Explicit;
        }
        else if (kind == ResponseKind.Forbid)
        {
            (status, origin) = (403, StatusOrigin.Implied);
        }
        else if (kind == ResponseKind.Challenge)
        {
            (status, origin) = (401, StatusOrigin.Implied);
        }
        else if (DefaultStatusCodeOf(type) is { } implied)
        {
            (status, origin) = (implied, StatusOrigin.Implied);
        }
        else if (type.IsDeclaredIn(types.Compilation))
        {
            // The application's own result type may set its status in its constructor.
            (status, origin) = (null, StatusOrigin.Unknown);
        }
        else if (type.InheritsFrom(types.ObjectResult) && ProblemDetailsFacts.ReadStatus(body) is { } problemStatus)
        {
            // ObjectResult sends the problem details' own status when it has none of its own.
            (status, origin) = (problemStatus, StatusOrigin.Explicit);
        }
        else if (type.InheritsFrom(types.ObjectResult) || type.Is(types.JsonResult) || type.Is(types.ContentResult))
        {
            (status, origin) = (200, StatusOrigin.FrameworkDefault);
        }
        else
        {
            return null;
        }

        if (kind == ResponseKind.Other && ProblemDetailsFacts.IsProblemDetails(body?.Type, types))
        {
            kind = ResponseKind.Problem;
        }

        return statusWrittenApart.Apply(new HttpResponseInfo(creation, ResponseStyle.ResultObject, kind, "new " + type.Name, status, origin, statusOperation, body));
    }

    private int? DefaultStatusCodeOf(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass.Is(types.DefaultStatusCodeAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int status)
                {
                    return status;
                }
            }
        }

        return null;
    }
}
