using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Operations;

/// <summary>How the rules read through the operation tree: past conversions, up to the function or member an operation is in.</summary>
internal static class OperationExtensions
{
    /// <summary>The value without the implicit conversions the compiler adds around it (to <c>object</c>, to an interface).</summary>
    public static IOperation? WithoutImplicitConversions(this IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The value without any conversion, casts included: what a condition or an exception reference is underneath.</summary>
    public static IOperation? WithoutConversions(this IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The first constant along a chain of conversions, outermost first: <c>(int)HttpStatusCode.NotFound</c> is a constant
    /// itself, a constant converted to <c>object</c> is read underneath.
    /// </summary>
    public static Optional<object?> ConstantThroughConversions(this IOperation? operation)
    {
        for (var current = operation; current is not null; current = (current as IConversionOperation)?.Operand)
        {
            if (current.ConstantValue.HasValue)
            {
                return current.ConstantValue;
            }
        }

        return default;
    }

    /// <summary>
    /// What receives a value, looking up through the delegate creation and conversions the compiler wraps around a lambda
    /// (a lambda handed to <c>Map(string, Delegate)</c> is wrapped in both).
    /// </summary>
    public static IOperation? ConsumerThroughConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The root of the operation tree: the member body, or the initializer, the operation is in.</summary>
    public static IOperation Root(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    /// <summary>Whether the operation is a lambda or a local function: a function of its own inside a member.</summary>
    public static bool IsFunction(this IOperation operation) => operation is IAnonymousFunctionOperation or ILocalFunctionOperation;

    /// <summary>The innermost lambda or local function the operation is in (itself, if it is one), else the root of its tree.</summary>
    public static IOperation EnclosingFunction(this IOperation operation)
    {
        var current = operation;
        while (!current.IsFunction() && current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    /// <summary>Whether a lambda or local function lies between the operation and <paramref name="ancestor"/>.</summary>
    public static bool IsInFunctionNestedIn(this IOperation operation, IOperation ancestor)
    {
        for (var current = operation.Parent; current is not null && current != ancestor; current = current.Parent)
        {
            if (current.IsFunction())
            {
                return true;
            }
        }

        return false;
    }
}
