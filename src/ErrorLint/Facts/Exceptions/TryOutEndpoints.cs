using System;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// An endpoint whose job is to try something out for an administrator and say how it went: <c>SendTestMail</c>,
/// <c>TestConnection</c>, the actions of a <c>BarcodeTesterController</c>. The reason the attempt failed is the answer
/// it was asked for, so its message is not a leak (EL0010). Read from the names of the method and its type, word by
/// word, so that <c>GetLatest</c> or <c>ContestController</c> do not count.
/// </summary>
internal static class TryOutEndpoints
{
    private static readonly string[] MethodWords = { "Test", "Tester", "Testing" };

    // A type named just "Test" is as often a scratch controller as a tool; a tester is a tool.
    private static readonly string[] TypeWords = { "Tester", "Testing" };

    public static bool IsTryOut(ISymbol? owner)
    {
        for (var symbol = owner; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            var words = symbol switch
            {
                IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } => MethodWords,
                INamedTypeSymbol => TypeWords,
                _ => null,
            };
            if (words is not null && HasWord(symbol.Name, words))
            {
                return true;
            }

            if (symbol is INamespaceSymbol)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>True when one of the PascalCase words of <paramref name="name"/> is one of <paramref name="words"/>.</summary>
    private static bool HasWord(string name, string[] words)
    {
        var start = 0;
        while (start < name.Length)
        {
            var end = start + 1;
            while (end < name.Length && !char.IsUpper(name[end]) && name[end] != '_')
            {
                end++;
            }

            foreach (var word in words)
            {
                if (end - start == word.Length && string.Compare(name, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            start = end < name.Length && name[end] == '_' ? end + 1 : end;
        }

        return false;
    }
}
