using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// What one of the application's own methods does with its arguments, for <see cref="ExceptionFlow"/>: which parameters
/// reach the value it returns, and what of an exception parameter does (<c>ErrorResult(Exception ex)</c> that returns an
/// error built from <c>ex.Message</c> and <c>ex.StackTrace</c>). At a call that passes a caught exception, the call's result
/// then carries that exception's data, as if the helper's body were written at the call.
/// </summary>
internal sealed class HelperParameterFlow
{
    public static readonly HelperParameterFlow None = new(Array.Empty<int>(), Array.Empty<(int, ExceptionLeakKind)>());

    public HelperParameterFlow(IReadOnlyList<int> carried, IReadOnlyList<(int Ordinal, ExceptionLeakKind Kind)> leaked)
    {
        Carried = carried;
        Leaked = leaked;
    }

    /// <summary>The parameters whose value reaches a returned value (a message put in the error it returns).</summary>
    public IReadOnlyList<int> Carried { get; }

    /// <summary>The exception parameters whose data reaches a returned value, each with the most it sends (details over message).</summary>
    public IReadOnlyList<(int Ordinal, ExceptionLeakKind Kind)> Leaked { get; }

    public bool IsEmpty => Carried.Count == 0 && Leaked.Count == 0;
}

/// <summary>The <see cref="HelperParameterFlow"/> of each method the exception flow meets, found once per compilation.</summary>
internal sealed class HelperParameterFlows
{
    // ErrorResult(ex) -> CreateError(message, ex) -> the error: two helpers deep is the shape seen; deeper is not followed.
    public const int MaxDepth = 2;

    private readonly ResponseModel model;
    private readonly ConcurrentDictionary<IMethodSymbol, HelperParameterFlow> flows = new(SymbolEqualityComparer.Default);

    public HelperParameterFlows(ResponseModel model) => this.model = model;

    /// <summary>
    /// The flow of a method declared in this compilation with a body; <see cref="HelperParameterFlow.None"/> for a
    /// framework or library method, an abstract one (a service interface), and beyond <see cref="MaxDepth"/>.
    /// </summary>
    public HelperParameterFlow Of(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (depth >= MaxDepth || method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty || method.Parameters.IsEmpty)
        {
            return HelperParameterFlow.None;
        }

        return flows.TryGetValue(method, out var known) ? known : flows.GetOrAdd(method, Summarize(method, depth, cancellationToken));
    }

    private HelperParameterFlow Summarize(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (SourceBodies.Of(method, model.Types.Compilation, cancellationToken) is not { } body)
        {
            return HelperParameterFlow.None;
        }

        var returned = new List<IOperation>();
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && !operation.IsInFunctionNestedIn(body))
            {
                returned.Add(value);
            }
        }

        return returned.Count == 0 ? HelperParameterFlow.None : ExceptionFlow.FlowOfHelper(method, body, returned, model, depth + 1);
    }
}
