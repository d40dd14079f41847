using System.Globalization;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;

namespace ErrorLint;

/// <summary>How messages and fix titles quote code: shortened, and in the style of the code they are about.</summary>
internal static class CodeText
{
    /// <summary>The code of a node, cut to <paramref name="maxLength"/> characters with an ellipsis.</summary>
    public static string Shorten(SyntaxNode node, int maxLength)
    {
        var text = node.ToString();
        return text.Length > maxLength ? text.Substring(0, maxLength - 3) + "..." : text;
    }

    /// <summary>A framework helper named in the style of the response it replaces: <c>Forbid()</c>, <c>Results.Forbid()</c>, <c>new ForbidResult()</c>.</summary>
    public static string Helper(ResponseStyle style, string helper, int status) => style switch
    {
        ResponseStyle.Controller or ResponseStyle.RazorPage => helper + "()",
        ResponseStyle.Results => "Results." + helper + "()",
        ResponseStyle.TypedResults => "TypedResults." + helper + "()",
        ResponseStyle.ResultObject => "new " + helper + "Result()",
        _ => "status " + status.ToString(CultureInfo.InvariantCulture),
    };
}
