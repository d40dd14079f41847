using System.Collections.Immutable;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// A value returned by a routed controller action or a minimal-API lambda that is not a result
/// (<c>public MessageModel&lt;string&gt; Post() =&gt; Failed("...")</c>, <c>() =&gt; new { error = "..." }</c>): the framework
/// serializes it as the body of a 200. Described as a response so that every rule reads it as it reads <c>Ok(value)</c>.
/// </summary>
internal static class ReturnedValues
{
    /// <summary>Adds the responses a <c>return</c> sends: one per branch of a conditional or switch expression.</summary>
    public static void AddTo(ImmutableArray<HttpResponseInfo>.Builder responses, IReturnOperation returned, ResponseModel model)
    {
        if (returned.ReturnedValue?.WithoutImplicitConversions() is { } value)
        {
            AddBranches(responses, returned, value, model);
        }
    }

    private static void AddBranches(ImmutableArray<HttpResponseInfo>.Builder responses, IReturnOperation returned, IOperation? value, ResponseModel model)
    {
        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                AddBranches(responses, returned, conditional.WhenTrue.WithoutImplicitConversions(), model);
                AddBranches(responses, returned, whenFalse.WithoutImplicitConversions(), model);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    AddBranches(responses, returned, arm.Value.WithoutImplicitConversions(), model);
                }

                return;
            // The type test first: it is cheap, and most returns are results.
            case { Type: { } type } when IsPlainValue(type, model) && IsEndpointReturn(returned, model):
                responses.Add(new HttpResponseInfo(
                    value, ResponseStyle.ReturnedValue, ResponseKind.Other, "the returned value", 200, StatusOrigin.Implied, statusOperation: null, body: value));
                return;
        }
    }

    /// <summary>A return of a routed action's body or of a lambda handed to <c>Map*</c>.</summary>
    private static bool IsEndpointReturn(IReturnOperation returned, ResponseModel model)
    {
        var function = returned.EnclosingFunction();
        if (function is IAnonymousFunctionOperation lambda)
        {
            return PipelineCalls.MapCallOf(lambda) is not null;
        }

        return !function.IsFunction() && IsRoutedActionBody(function, model);
    }

    /// <summary>A class or struct of the application or a library, not a result, a string, a number, a task or a stream.</summary>
    private static bool IsPlainValue(ITypeSymbol type, ResponseModel model)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.SpecialType != SpecialType.None || type.IsTupleType)
        {
            return false;
        }

        if (model.IsResultType(type) || type.Is(model.Types.Exception) || type.IsExceptionType())
        {
            return false;
        }

        // ActionResult<T> converts to a result; Task<T> and the like are awaited elsewhere. Asked of every returned value,
        // so the namespace is compared name by name rather than formatted.
        var ns = type.ContainingNamespace;
        return !(IsNamespace(ns, "Mvc", "AspNetCore", "Microsoft") || IsNamespace(ns, "Tasks", "Threading", "System") || IsNamespace(ns, "IO", "System", null));
    }

    /// <summary>Whether the namespace is <c>outer.middle.name</c> (or <c>middle.name</c> when <paramref name="outer"/> is null).</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, string name, string middle, string? outer)
    {
        if (ns?.Name != name || ns.ContainingNamespace is not { Name: var middleName } parent || middleName != middle)
        {
            return false;
        }

        return outer is null ? parent.ContainingNamespace is { IsGlobalNamespace: true } : parent.ContainingNamespace is { Name: var outerName, ContainingNamespace.IsGlobalNamespace: true } && outerName == outer;
    }

    /// <summary>The body of a public instance method of a controller (the block the walk started from).</summary>
    private static bool IsRoutedActionBody(IOperation root, ResponseModel model)
    {
        // The walk starts from the body: a block, or the arrow clause of an expression-bodied method.
        var declaration = root.Syntax as MethodDeclarationSyntax ?? root.Syntax.Parent;
        if (declaration is not MethodDeclarationSyntax method || root.SemanticModel is not { } semanticModel
            || !method.Modifiers.Any(SyntaxKind.PublicKeyword)
            || method.Modifiers.Any(SyntaxKind.StaticKeyword)
            // A class with no base in this declaration is a controller only if another part of it says so.
            || method.Parent is not ClassDeclarationSyntax type
            || (type.BaseList is null && !type.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return false;
        }

        return semanticModel.GetDeclaredSymbol(method) is IMethodSymbol { MethodKind: MethodKind.Ordinary } symbol
            && HandlerContext.IsControllerType(symbol.ContainingType, model.Types)
            && !HasNonAction(symbol);
    }

    private static bool HasNonAction(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "NonActionAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
