using System.Linq;
using System.Threading;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;

namespace ErrorLint.CodeFixes.Rewriting;

/// <summary>Finds a value a fix can use where it writes: a logger to log with, an environment to test.</summary>
internal static class ValuesInScope
{
    /// <summary>
    /// The name of the nearest local or parameter (then field or property; only static ones in static code) whose type
    /// implements <paramref name="metadataName"/>, the first by name when several are as near; null when there is none.
    /// </summary>
    public static string? NearestOfType(SemanticModel model, int position, string metadataName, CancellationToken cancellationToken)
    {
        var wanted = ResponseModel.For(model.Compilation)?.Types.Find(metadataName);
        if (wanted is null)
        {
            return null;
        }

        var inStaticMember = model.GetEnclosingSymbol(position, cancellationToken) is { IsStatic: true };
        return model.LookupSymbols(position)
            .Where(s => s is ILocalSymbol or IParameterSymbol || (s is IFieldSymbol or IPropertySymbol && (!inStaticMember || s.IsStatic)))
            .Where(s => TypeOf(s).Implements(wanted))
            .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(s => s.Name, System.StringComparer.Ordinal)
            .FirstOrDefault()?.Name;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
