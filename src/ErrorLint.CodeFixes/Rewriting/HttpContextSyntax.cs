using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Finds the <c>HttpContext</c> a raw response write belongs to, so a fix can execute a problem result on it.</summary>
internal static class HttpContextSyntax
{
    /// <summary><c>context</c> for <c>context.Response.WriteAsJsonAsync(...)</c>, <c>response.HttpContext</c> for <c>response.WriteAsync(...)</c>.</summary>
    public static ExpressionSyntax? Of(HttpResponseInfo response)
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
}
