using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Builds problem-details responses in each style ErrorLint's fixes write.</summary>
internal static class ProblemResponseSyntax
{
    /// <summary><c>Problem(detail: ..., statusCode: ...)</c> with the receiver the style needs.</summary>
    public static ExpressionSyntax Problem(FixStyle style, ExpressionSyntax? detail, int status, ExpressionSyntax? httpContext = null)
    {
        var arguments = new List<ArgumentSyntax>();
        if (detail is not null)
        {
            arguments.Add(Named("detail", detail));
        }

        arguments.Add(Named("statusCode", StatusCodeSyntax.For(status)));
        return style switch
        {
            FixStyle.Controller => Invoke(SyntaxFactory.IdentifierName("Problem"), arguments),
            FixStyle.Results => Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.Results", "Problem"), arguments),
            FixStyle.TypedResults => Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.TypedResults", "Problem"), arguments),
            FixStyle.HttpResponse => Invoke(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.Results", "Problem"), arguments),
                    SyntaxFactory.IdentifierName("ExecuteAsync")),
                new List<ArgumentSyntax> { SyntaxFactory.Argument(httpContext!) }),
            _ => ObjectResult(detail, status),
        };
    }

    /// <summary>
    /// <c>ValidationProblem(ModelState)</c>, with the configured status when it is not 400, and the message the response
    /// sent as <c>detail</c> when it had one.
    /// </summary>
    public static ExpressionSyntax ValidationProblem(FixStyle style, ExpressionSyntax errors, int status, ExpressionSyntax? detail = null)
    {
        var arguments = new List<ArgumentSyntax>();
        if (status == 400 && detail is null)
        {
            arguments.Add(SyntaxFactory.Argument(errors));
        }
        else
        {
            if (detail is not null)
            {
                arguments.Add(Named("detail", detail));
            }

            arguments.Add(Named(style == FixStyle.Controller ? "modelStateDictionary" : "errors", errors));
            if (status != 400)
            {
                arguments.Add(Named("statusCode", StatusCodeSyntax.For(status)));
            }
        }

        return style switch
        {
            FixStyle.Controller => Invoke(SyntaxFactory.IdentifierName("ValidationProblem"), arguments),
            FixStyle.TypedResults => Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.TypedResults", "ValidationProblem"), arguments),
            _ => Invoke(StatusCodeSyntax.MemberOf("Microsoft.AspNetCore.Http.Results", "ValidationProblem"), arguments),
        };
    }

    /// <summary><c>new ObjectResult(new ProblemDetails { Status = s, Detail = d }) { StatusCode = s }</c>, for code outside a controller.</summary>
    private static ExpressionSyntax ObjectResult(ExpressionSyntax? detail, int status)
    {
        var problemMembers = new List<ExpressionSyntax> { Assign("Status", StatusCodeSyntax.For(status)) };
        if (detail is not null)
        {
            problemMembers.Add(Assign("Detail", detail));
        }

        var problem = SyntaxFactory.ObjectCreationExpression(StatusCodeSyntax.TypeSyntaxFor("Microsoft.AspNetCore.Mvc.ProblemDetails"))
            .WithArgumentList(SyntaxFactory.ArgumentList())
            .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(problemMembers)));
        return SyntaxFactory.ObjectCreationExpression(StatusCodeSyntax.TypeSyntaxFor("Microsoft.AspNetCore.Mvc.ObjectResult"))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(problem))))
            .WithInitializer(SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(Assign("StatusCode", StatusCodeSyntax.For(status)))));
    }

    private static ExpressionSyntax Assign(string property, ExpressionSyntax value)
        => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value);

    private static ArgumentSyntax Named(string name, ExpressionSyntax value)
        => SyntaxFactory.Argument(value).WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)));

    private static InvocationExpressionSyntax Invoke(ExpressionSyntax target, List<ArgumentSyntax> arguments)
        => SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
}
