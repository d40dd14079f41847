using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>How a fix reaches the response where it writes: the <c>HttpContext</c> of a raw write, the <c>HttpResponse</c> in scope.</summary>
internal static class ResponseAccess
{
    /// <summary><c>context</c> for <c>context.Response.WriteAsJsonAsync(...)</c>, <c>response.HttpContext</c> for <c>response.WriteAsync(...)</c>.</summary>
    public static ExpressionSyntax? HttpContextOf(HttpResponseInfo response)
    {
        if (response.Operation is not IInvocationOperation { Arguments.Length: > 0 } write)
        {
            return null;
        }

        var receiver = write.Arguments[0].Value.WithoutImplicitConversions();
        return receiver switch
        {
            IPropertyReferenceOperation { Property.Name: "Response", Instance.Syntax: ExpressionSyntax context } => context.WithoutTrivia(),
            { Syntax: ExpressionSyntax responseExpression } => SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                responseExpression.WithoutTrivia(),
                SyntaxFactory.IdentifierName("HttpContext")),
            _ => null,
        };
    }

    /// <summary>
    /// Where the response is reached from at <paramref name="node"/>: the assignment's own receiver, a context parameter,
    /// <c>Response</c> in a controller, or a new <c>HttpContext</c> parameter named <paramref name="parameterName"/> on
    /// the minimal-API lambda a statement is inserted into (<paramref name="insertedInto"/>).
    /// </summary>
    public static ReachableResponse? Reachable(
        SemanticModel semanticModel, ExpressionSyntax node, HttpResponseInfo response, WellKnownTypes types, SyntaxNode? insertedInto, string parameterName, CancellationToken cancellationToken)
    {
        if (response.Kind == ResponseKind.StatusAssignment)
        {
            return response.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance.Syntax: ExpressionSyntax receiver } }
                ? new ReachableResponse(receiver.WithoutTrivia(), null)
                : null;
        }

        // Parameters of the enclosing lambdas and local functions, innermost first, then of the member.
        foreach (var function in node.Ancestors())
        {
            ImmutableArray<IParameterSymbol> parameters;
            switch (function)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    parameters = (semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol)?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
                    break;
                case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax:
                    parameters = (semanticModel.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol)?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
                    break;
                default:
                    continue;
            }

            foreach (var parameter in parameters)
            {
                if (ResponseThrough(parameter, types) is { } reached)
                {
                    return new ReachableResponse(reached, null);
                }
            }
        }

        var containing = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        var member = containing;
        while (member is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction } nested)
        {
            member = nested.ContainingSymbol;
        }

        if (member is { IsStatic: false }
            && (member.ContainingType.InheritsFrom(types.ControllerBase) || member.ContainingType.InheritsFrom(types.PageModel))
            && !IsInStaticFunction(node))
        {
            return new ReachableResponse(SyntaxFactory.IdentifierName("Response"), null);
        }

        // A minimal-API lambda gets an HttpContext parameter, in its own parameter style: only when it types its parameters.
        if (insertedInto is ParenthesizedLambdaExpressionSyntax endpoint
            && IsEndpointHandler(semanticModel, endpoint, cancellationToken)
            && endpoint.ParameterList.Parameters.All(p => p.Type is not null)
            && semanticModel.LookupSymbols(endpoint.SpanStart, name: parameterName).IsEmpty)
        {
            return new ReachableResponse(Member(SyntaxFactory.IdentifierName(parameterName), "Response"), endpoint);
        }

        return null;
    }

    private static ExpressionSyntax? ResponseThrough(IParameterSymbol parameter, WellKnownTypes types)
    {
        if (parameter.Name == "_")
        {
            return null;
        }

        var name = SyntaxFactory.IdentifierName(parameter.Name);
        var type = parameter.Type;
        if (type.InheritsFrom(types.HttpContext))
        {
            return Member(name, "Response");
        }

        if (type.InheritsFrom(types.HttpResponse))
        {
            return name;
        }

        if (type.InheritsFrom(types.HttpRequest))
        {
            return Member(Member(name, "HttpContext"), "Response");
        }

        // Filter contexts and the like: anything with an HttpContext property.
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("HttpContext").OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.Type.InheritsFrom(types.HttpContext)))
            {
                return Member(Member(name, "HttpContext"), "Response");
            }
        }

        return null;
    }

    /// <summary>A lambda handed to one of the framework's <c>Map*</c> methods.</summary>
    public static bool IsEndpointHandler(SemanticModel semanticModel, LambdaExpressionSyntax lambda, CancellationToken cancellationToken)
        => semanticModel.GetOperation(lambda, cancellationToken) is IAnonymousFunctionOperation handler
            && PipelineCalls.MapCallOf(handler) is { TargetMethod.ContainingNamespace: { } space }
            && space.ToDisplayString() == "Microsoft.AspNetCore.Builder";

    /// <summary>Whether the node is in a static lambda or local function, where instance members are out of reach.</summary>
    public static bool IsInStaticFunction(SyntaxNode node)
        => node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
            || a is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword));

    /// <summary><c>receiver.name</c>.</summary>
    public static MemberAccessExpressionSyntax Member(ExpressionSyntax receiver, string name)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));
}

/// <summary>The <c>HttpResponse</c> a fix can write to, and the minimal-API lambda that needs an <c>HttpContext</c> parameter for it.</summary>
internal sealed class ReachableResponse
{
    public ReachableResponse(ExpressionSyntax response, ParenthesizedLambdaExpressionSyntax? addParameterTo)
    {
        Response = response;
        AddParameterTo = addParameterTo;
    }

    /// <summary>The expression for the <c>HttpResponse</c>.</summary>
    public ExpressionSyntax Response { get; }

    /// <summary>The minimal-API lambda that needs an <c>HttpContext</c> parameter first.</summary>
    public ParenthesizedLambdaExpressionSyntax? AddParameterTo { get; }
}
