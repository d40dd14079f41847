using System;
using System.Collections.Immutable;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>
/// Whether an error response is read by a browser rather than an API client (EL0012): an HTML page
/// (<c>Content(html, "text/html")</c>, <c>$"&lt;h1&gt;{title}&lt;/h1&gt;"</c>, a raw write after
/// <c>Response.ContentType = "text/html"</c>), or the error of an endpoint that otherwise answers with a view, a file, a
/// redirect or content that is not JSON (<c>return View(model)</c>, <c>Content(svg, "image/svg+xml")</c>, a robots.txt,
/// <c>SendFileAsync</c>). Problem details are a contract with code that reads JSON; a page, an <c>&lt;img src&gt;</c> or a
/// download has none.
/// </summary>
internal static class BrowserResponses
{
    public static bool IsForBrowser(HttpResponseInfo response, IOperation body)
        => IsHtmlText(body.WithoutImplicitConversions())
            || DeclaresBrowserContentType(response.Operation)
            || (response.Style == ResponseStyle.HttpResponse && SetsBrowserContentType(response.Operation.EnclosingFunction()))
            || OtherwiseAnswersBrowser(response.Operation);

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

    private static bool IsPageFileOrRedirect(IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "View" or "PartialView" or "ViewComponent" or "Page" or "File" or "PhysicalFile" or "VirtualFile" or "Bytes" or "Stream" or "SendFileAsync"
                or "Redirect" or "RedirectPermanent" or "LocalRedirect" or "LocalRedirectPermanent" or "RedirectToAction" or "RedirectToActionPermanent"
                or "RedirectToPage" or "RedirectToPagePermanent" or "RedirectToRoute" or "RedirectToRoutePermanent":
                // The framework's helpers (Controller, PageModel, Results, TypedResults, SendFileResponseExtensions), not an application method of that name.
                return method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;
            default:
                return false;
        }
    }

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
