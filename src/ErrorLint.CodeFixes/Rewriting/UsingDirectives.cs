using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>
/// Adds a <c>using</c> a fix needs for an extension method (<c>LogError</c>, <c>IsDevelopment</c>), which the
/// simplifier's import annotation cannot bring in, where the file's own order puts it: System namespaces first when the
/// file puts them first, else by name alone.
/// </summary>
internal static class UsingDirectives
{
    public static void Add(SyntaxEditor editor, CompilationUnitSyntax root, string namespaceName)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var usings = root.Usings.Where(u => u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null && u.Name is not null).ToList();
        if (usings.Count == 0)
        {
            editor.ReplaceNode(root, (node, _) => ((CompilationUnitSyntax)node).AddUsings(directive));
            return;
        }

        // A file that puts System namespaces first keeps them first; one sorted by name alone stays sorted by name.
        var systemFirst = SystemFirst(usings);
        var isSystem = systemFirst && IsSystem(namespaceName);
        foreach (var existing in usings)
        {
            var name = existing.Name!.ToString();
            if (systemFirst && !isSystem && IsSystem(name))
            {
                continue;
            }

            if (isSystem && !IsSystem(name) || string.CompareOrdinal(name, namespaceName) > 0)
            {
                editor.InsertBefore(existing, directive.WithTrailingTrivia(existing.GetTrailingTrivia()));
                return;
            }
        }

        var last = usings[usings.Count - 1];
        editor.InsertAfter(last, directive.WithTrailingTrivia(last.GetTrailingTrivia()));
    }

    /// <summary>False when a System namespace comes after another one: the file sorts by name alone.</summary>
    private static bool SystemFirst(System.Collections.Generic.List<UsingDirectiveSyntax> usings)
    {
        var seenOther = false;
        foreach (var directive in usings)
        {
            var system = IsSystem(directive.Name!.ToString());
            if (system && seenOther)
            {
                return false;
            }

            seenOther |= !system;
        }

        return true;
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
