using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Spells a status code the way ASP.NET Core code does: <c>StatusCodes.Status404NotFound</c>.</summary>
internal static class StatusCodeSyntax
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [400] = "Status400BadRequest",
        [401] = "Status401Unauthorized",
        [403] = "Status403Forbidden",
        [404] = "Status404NotFound",
        [409] = "Status409Conflict",
        [422] = "Status422UnprocessableEntity",
        [429] = "Status429TooManyRequests",
        [500] = "Status500InternalServerError",
        [502] = "Status502BadGateway",
        [503] = "Status503ServiceUnavailable",
        [504] = "Status504GatewayTimeout",
    };

    public static ExpressionSyntax For(int status)
    {
        if (!Names.TryGetValue(status, out var name))
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(status));
        }

        return MemberOf("Microsoft.AspNetCore.Http.StatusCodes", name);
    }

    /// <summary>A fully qualified type name that the simplifier shortens, adding the <c>using</c> it needs.</summary>
    public static TypeSyntax TypeSyntaxFor(string fullName)
        => SyntaxFactory.ParseTypeName("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>A static member of a fully qualified type (<c>Results.Problem</c>), shortened like <see cref="TypeSyntaxFor"/>.</summary>
    public static MemberAccessExpressionSyntax MemberOf(string typeFullName, string member)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeSyntaxFor(typeFullName), SyntaxFactory.IdentifierName(member));
}
