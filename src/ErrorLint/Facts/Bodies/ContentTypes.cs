using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>The content type a framework call is given: its <c>contentType</c> argument, when the code writes one.</summary>
internal static class ContentTypes
{
    /// <summary>The <c>contentType</c> argument written in the call (not its default), or null.</summary>
    public static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "contentType" && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }
}
