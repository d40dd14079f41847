using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Facts.Endpoints;

/// <summary>Whether a controller is an API controller: <c>[ApiController]</c> (or another <c>IApiBehaviorMetadata</c>) on it, a base or its assembly.</summary>
internal static class ApiControllers
{
    public static bool IsApiController(INamedTypeSymbol type, WellKnownTypes types)
    {
        if (types.ApiBehaviorMetadata is not { } apiBehavior)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, apiBehavior))
            {
                return true;
            }
        }

        return HasAttribute(type.ContainingAssembly, apiBehavior);
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol apiBehavior)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.Implements(apiBehavior))
            {
                return true;
            }
        }

        return false;
    }
}
