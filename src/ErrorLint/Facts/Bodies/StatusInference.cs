using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>Infers the client-error status an error body means, from what its text says.</summary>
internal static class StatusInference
{
    private static readonly string[] NotFoundPhrases = { "not found", "does not exist", "doesn't exist", "no such", "not exist", "notfound" };

    private static readonly string[] ConflictPhrases = { "already exists", "already exist", "duplicate", "conflict", "already taken", "already in use", "already registered" };

    /// <summary>404 when the text says "not found", 409 when it says "duplicate"/"already exists", else 400.</summary>
    public static int ClientErrorFor(IOperation? body)
    {
        if (body is null)
        {
            return 400;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                if (ContainsAny(text, NotFoundPhrases))
                {
                    return 404;
                }

                if (ContainsAny(text, ConflictPhrases))
                {
                    return 409;
                }
            }
        }

        return 400;
    }

    private static bool ContainsAny(string text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
