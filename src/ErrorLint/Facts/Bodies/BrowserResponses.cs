using System;
using System.Collections.Immutable;
using ErrorLint.Facts.Endpoints;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>
/// Whether an error response is read by a browser rather than an API client (EL0012): an HTML page
/// (<c>Content(html, "text/html")</c>, <c>$"&lt;h1&gt;{title}&lt;/h1&gt;"</c>, a raw write after
/// <c>Response.ContentType = "text/html"</c>), or the error of an endpoint that otherwise answers with a view, a file, a
/// redirect or content that is not JSON (<c>return View(model)</c>, <c>Content(svg, "image/svg+xml")</c>, a robots.txt,
/// <c>SendFileAsync</c>), or the error of an MVC controller that is not an API controller and renders views, serves files
/// or redirects in its actions (its JSON and text answer the application's own pages). Problem details are a contract
/// with code that reads JSON; a page, an <c>&lt;img src&gt;</c>, a download or a page's own script has none.
/// </summary>
internal static class BrowserResponses
{
    public static bool IsForBrowser(HttpResponseInfo response, IOperation body, INamedTypeSymbol? handlerType, WellKnownTypes types)
        => IsHtmlText(body.WithoutImplicitConversions())
            || DeclaresBrowserContentType(response.Operation)
            || (response.Style == ResponseStyle.HttpResponse && SetsBrowserContentType(response.Operation.EnclosingFunction()))
            || OtherwiseAnswersBrowser(response.Operation)
            || IsPageController(handlerType, types);

    /// <summary>
    /// A controller derived from <c>Controller</c> (the one with views), with no <c>[ApiController]</c> on it, its bases or
    /// its assembly, and an action anywhere in its declarations (partial files too) that calls <c>View</c>,
    /// <c>PartialView</c>, <c>File</c> or a redirect. Read from syntax: the declarations of one type are few, and the
    /// question is asked only where EL0012 would report.
    /// </summary>
    private static bool IsPageController(INamedTypeSymbol? type, WellKnownTypes types)
    {
        if (type is null || !type.InheritsFrom(types.ViewController) || ApiControllers.IsApiController(type, types))
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && InvokedName(invocation.Expression) is { } name && IsPageFileOrRedirectName(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>View(...)</c>, <c>this.View(...)</c>, <c>base.View(...)</c>: a call of the controller's own helper.</summary>
    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsHtmlText(IOperation? value)
    {
        if (value?.ConstantValue is { HasValue: true, Value: string text })
        {
            return text.TrimStart().StartsWith("<", StringComparison.Ordinal);
        }

        return value is IInterpolatedStringOperation { Parts: { Length: > 0 } parts }
            && parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string start } }
            && start.TrimStart().StartsWith("<", StringComparison.Ordinal);
    }

    /// <summary>A <c>contentType</c> argument or <c>ContentType</c> initializer of the response itself naming HTML or media.</summary>
    private static bool DeclaresBrowserContentType(IOperation operation)
    {
        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        if (ContentTypes.Argument(arguments) is { } contentType && NamesBrowserMediaType(contentType.Value))
        {
            return true;
        }

        if (operation is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } } assignment
                    && NamesBrowserMediaType(assignment.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SetsBrowserContentType(IOperation function)
    {
        foreach (var descendant in function.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } } assignment
                && NamesBrowserMediaType(assignment.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the handler's other answers are not JSON for a program: a view or page, a file, a redirect, or content of
    /// a media type other than JSON (<c>Content(svg, "image/svg+xml")</c>, a robots.txt's <c>"text/plain"</c>). Its error
    /// text is then shown to a person, or read by nobody.
    /// </summary>
    private static bool OtherwiseAnswersBrowser(IOperation response)
    {
        foreach (var descendant in response.EnclosingFunction().Descendants())
        {
            if (descendant is not IInvocationOperation invocation || descendant == response)
            {
                continue;
            }

            if (IsPageFileOrRedirect(invocation.TargetMethod))
            {
                return true;
            }

            if (ContentTypes.Argument(invocation.Arguments) is { Value.ConstantValue: { HasValue: true, Value: string type } }
                && type.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return true;
            }
        }

        return false;
    }

    // The framework's helpers (Controller, PageModel, Results, TypedResults, SendFileResponseExtensions), not an application method of that name.
    private static bool IsPageFileOrRedirect(IMethodSymbol method)
        => IsPageFileOrRedirectName(method.Name)
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;

    private static bool IsPageFileOrRedirectName(string name) => name is
        "View" or "PartialView" or "ViewComponent" or "Page" or "File" or "PhysicalFile" or "VirtualFile" or "Bytes" or "Stream" or "SendFileAsync"
        or "Redirect" or "RedirectPermanent" or "LocalRedirect" or "LocalRedirectPermanent" or "RedirectToAction" or "RedirectToActionPermanent"
        or "RedirectToPage" or "RedirectToPagePermanent" or "RedirectToRoute" or "RedirectToRoutePermanent";

    /// <summary>A constant media type for pages and media (<c>text/html</c>, <c>image/png</c>), or one among the alternatives of a <c>??</c> or <c>?:</c>.</summary>
    private static bool NamesBrowserMediaType(IOperation value)
    {
        switch (value.WithoutImplicitConversions())
        {
            case { ConstantValue: { HasValue: true, Value: string type } }:
                return IsBrowserMediaType(type);
            case ICoalesceOperation coalesce:
                return NamesBrowserMediaType(coalesce.WhenNull);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return NamesBrowserMediaType(conditional.WhenTrue) || NamesBrowserMediaType(whenFalse);
            default:
                return false;
        }
    }

    private static bool IsBrowserMediaType(string type)
        => type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
            || type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
}
