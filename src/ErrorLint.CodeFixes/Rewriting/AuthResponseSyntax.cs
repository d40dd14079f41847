using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Builds the authentication responses (<c>Forbid</c>, <c>Challenge</c>, <c>Unauthorized</c>) in the style of the code they replace.</summary>
internal static class AuthResponseSyntax
{
    /// <summary><c>Forbid(...)</c>, <c>Results.Forbid(...)</c>, <c>TypedResults.Forbid(...)</c> or <c>new ForbidResult(...)</c>; null for other styles.</summary>
    public static ExpressionSyntax? Helper(ResponseStyle style, string helper, ArgumentListSyntax? arguments = null)
    {
        arguments ??= SyntaxFactory.ArgumentList();
        return style switch
        {
            ResponseStyle.Controller or ResponseStyle.RazorPage => SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(helper), arguments),
            ResponseStyle.Results => SyntaxFactory.InvocationExpression(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.Results", helper), arguments),
            ResponseStyle.TypedResults => SyntaxFactory.InvocationExpression(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.TypedResults", helper), arguments),
            ResponseStyle.ResultObject => SyntaxFactory.ObjectCreationExpression(StatusCodeSyntax.TypeSyntaxFor("Microsoft.AspNetCore.Mvc." + helper + "Result"))
                .WithArgumentList(arguments),
            _ => null,
        };
    }

    /// <summary>The metadata name of the type <see cref="Helper"/> produces, for <see cref="ResponseReplacer.TryPlan"/>.</summary>
    public static string? TypeName(ResponseStyle style, string helper) => style switch
    {
        ResponseStyle.Controller or ResponseStyle.RazorPage or ResponseStyle.ResultObject => "Microsoft.AspNetCore.Mvc." + helper + "Result",
        ResponseStyle.Results => "Microsoft.AspNetCore.Http.IResult",
        ResponseStyle.TypedResults => "Microsoft.AspNetCore.Http.HttpResults." + helper + "HttpResult",
        _ => null,
    };

    /// <summary><c>(principal.Identity?.IsAuthenticated == true ? whenSignedIn : otherwise)</c>; the simplifier drops needless parentheses.</summary>
    public static ExpressionSyntax WhenSignedIn(ExpressionSyntax principal, ExpressionSyntax whenSignedIn, ExpressionSyntax otherwise)
    {
        var isAuthenticated = SyntaxFactory.ConditionalAccessExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, principal, SyntaxFactory.IdentifierName("Identity")),
            SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("IsAuthenticated")));
        var condition = SyntaxFactory.BinaryExpression(
            SyntaxKind.EqualsExpression, isAuthenticated, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
        return SyntaxFactory.ParenthesizedExpression(SyntaxFactory.ConditionalExpression(condition, whenSignedIn, otherwise))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
