using Microsoft.CodeAnalysis;

namespace ErrorLint.Symbols;

/// <summary>Questions asked of symbols everywhere in the rules: is it this framework type, does it derive from it, is it the application's own.</summary>
internal static class SymbolExtensions
{
    /// <summary>Whether the type is this well-known type, compared by definition (<c>Task&lt;int&gt;</c> is <c>Task`1</c>).</summary>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? wellKnown)
        => wellKnown is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, wellKnown);

    /// <summary>
    /// Whether a top-level, non-generic type has this full name (<c>System.IO.IOException</c>), compared namespace by
    /// namespace from the end: building a type's full name allocates, and a body asks this of every caught exception type.
    /// </summary>
    public static bool HasFullName(this ITypeSymbol type, string fullName)
    {
        var name = type.Name;
        var end = fullName.Length - name.Length;
        if (end <= 0 || type.ContainingType is not null || type is INamedTypeSymbol { IsGenericType: true }
            || fullName[end - 1] != '.' || string.CompareOrdinal(fullName, end, name, 0, name.Length) != 0)
        {
            return false;
        }

        // end is the position of the dot before the simple name; each namespace must end just before it.
        end--;
        for (var space = type.ContainingNamespace; space is { IsGlobalNamespace: false }; space = space.ContainingNamespace)
        {
            var segment = space.Name;
            var start = end - segment.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, segment, 0, segment.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return space.ContainingNamespace is { IsGlobalNamespace: true };
            }

            if (fullName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    public static bool InheritsFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(this ITypeSymbol? type, INamedTypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        // Ask the definition: a constructed generic type (List<Dto>, Task<Order>) would first substitute its
        // whole interface list, once per instantiation, only for the answer to be compared by definition anyway.
        var definition = type.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, interfaceType))
        {
            return true;
        }

        foreach (var implemented in definition.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a type is <c>System.Exception</c> or derives from it. Recognised by name, so it answers without a
    /// compilation's types too (the code fix that rewrites an exception leak has none at hand).
    /// </summary>
    public static bool IsExceptionType(this ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsSystemException())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a type is <c>System.Exception</c> itself, recognised by name.</summary>
    public static bool IsSystemException(this ITypeSymbol type)
        => type.Name == "Exception" && type.ContainingType is null && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>Whether the symbol is declared in the compilation being analysed: the application's own code, not a referenced library's.</summary>
    public static bool IsDeclaredIn(this ISymbol symbol, Compilation compilation)
        => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly);
}
