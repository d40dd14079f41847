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
/// simplifier's import annotation cannot bring in. System namespaces stay first; the rest are kept in order.
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

        var isSystem = IsSystem(namespaceName);
        foreach (var existing in usings)
        {
            var name = existing.Name!.ToString();
            if (!isSystem && IsSystem(name))
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

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
