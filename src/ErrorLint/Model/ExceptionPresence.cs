using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Model;

/// <summary>
/// Whether a member body holds an exception value at all: a caught exception, an exception handler's
/// <c>exception</c> parameter, <c>feature.Error</c>, <c>context.Exception</c>. Exception data can only leak from
/// such a value, so the exception rules skip the (much larger) part of the code that has none. One walk per body,
/// shared by every response in it and by both rules.
/// </summary>
internal sealed class ExceptionPresence
{
    private readonly ConditionalWeakTable<IOperation, StrongBox<bool>> bodies = new();
    private readonly ConcurrentDictionary<ITypeSymbol, bool> exceptionTypes = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IOperation, StrongBox<bool>>.CreateValueCallback scan;
    private readonly WellKnownTypes types;

    public ExceptionPresence(WellKnownTypes types)
    {
        this.types = types;
        scan = root => new StrongBox<bool>(Scan(root));
    }

    /// <summary>True when the member body around <paramref name="operation"/> references an exception value.</summary>
    public bool InBodyOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return bodies.GetValue(root, scan).Value;
    }

    private bool Scan(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation
                && operation.Type is { } type
                && exceptionTypes.GetOrAdd(type, t => types.IsExceptionType(t)))
            {
                return true;
            }
        }

        return false;
    }
}
