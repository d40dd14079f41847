using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Spells a status code the way ASP.NET Core code does: <c>StatusCodes.Status404NotFound</c>.</summary>
internal static class StatusCodeSyntax
{
    public static ExpressionSyntax For(int status)
    {
        if (StatusCodeNames.For(status) is not { } name)
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
