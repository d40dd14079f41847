using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>The style a fix writes its replacement in, chosen from the code it replaces.</summary>
internal enum FixStyle
{
    Controller,
    Results,
    TypedResults,
    HttpResponse,

    /// <summary><c>new ObjectResult(new ProblemDetails { ... })</c>: filters, Razor Pages and other code without a <c>Problem</c> helper.</summary>
    ObjectResult,
}

internal static class FixStyles
{
    /// <summary>Answers in the style of the response being replaced; a result object inside a controller becomes a controller helper.</summary>
    public static FixStyle For(HttpResponseInfo response, ISymbol? containingSymbol, WellKnownTypes types) => response.Style switch
    {
        ResponseStyle.Controller => FixStyle.Controller,
        ResponseStyle.Results => FixStyle.Results,
        ResponseStyle.TypedResults => FixStyle.TypedResults,
        ResponseStyle.HttpResponse => FixStyle.HttpResponse,
        _ when (containingSymbol?.ContainingType).InheritsFrom(types.ControllerBase) => FixStyle.Controller,
        _ => FixStyle.ObjectResult,
    };
}
