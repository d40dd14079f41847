using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// The error actions the exception handler or the status-code pages re-execute the request into
/// (<c>UseExceptionHandler("/Error")</c>, <c>UseStatusCodePagesWithReExecute("/Status/{0}")</c>): the middleware set the
/// error's status before the action runs, so a result there that leaves the status alone (<c>Json</c>, <c>Content</c>,
/// <c>new ObjectResult</c>) sends that status, not 200. Known by the action reading the error's feature.
/// </summary>
internal static class ReExecutedErrorActions
{
    /// <summary>Whether the response keeps a status the middleware set before it ran; asked only of a response a rule would report as 200.</summary>
    public static bool KeepsPresetStatus(HttpResponseInfo response, WellKnownTypes types)
    {
        if (response.StatusOrigin != StatusOrigin.FrameworkDefault || types.ExceptionHandlerFeature is null && types.StatusCodeReExecuteFeature is null)
        {
            return false;
        }

        // Most functions never name the features: their tokens answer that without binding a thing.
        var function = response.Operation.EnclosingFunction();
        if (!NamesReExecutionFeature(function.Syntax))
        {
            return false;
        }

        foreach (var operation in function.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod: { IsGenericMethod: true, TypeArguments: { Length: 1 } arguments } }
                && (arguments[0].Implements(types.ExceptionHandlerFeature) || arguments[0].Is(types.StatusCodeReExecuteFeature)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesReExecutionFeature(SyntaxNode function)
    {
        foreach (var token in function.DescendantTokens())
        {
            if (token.RawKind == (int)SyntaxKind.IdentifierToken
                && token.ValueText is "IExceptionHandlerFeature" or "IExceptionHandlerPathFeature" or "IStatusCodeReExecuteFeature")
            {
                return true;
            }
        }

        return false;
    }
}
