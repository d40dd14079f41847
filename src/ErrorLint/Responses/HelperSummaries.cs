using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using ErrorLint.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// The application's own response helpers (<c>return ApiError.NotFound();</c>): a method declared in the compilation
/// that returns <c>IActionResult</c>/<c>IResult</c> is summarised once per compilation, and when all its returns agree
/// on a status, a call of it produces that response.
/// </summary>
internal sealed class HelperSummaries
{
    // A helper that returns a helper that returns a response is still seen; deeper chains are not worth the cost.
    private const int MaxHelperDepth = 2;

    private readonly ResponseModel model;
    private readonly ConcurrentDictionary<IMethodSymbol, HttpResponseInfo?> summaries = new(SymbolEqualityComparer.Default);

    public HelperSummaries(ResponseModel model) => this.model = model;

    /// <summary>
    /// The response a call of the application's own method produces, seen through the helper; null beyond the depth
    /// followed, and for an abstract method (a repository or service interface, most of a body's calls), which has no body.
    /// </summary>
    public HttpResponseInfo? DescribeCall(IInvocationOperation invocation, IMethodSymbol method, int depth, CancellationToken cancellationToken)
        => depth < MaxHelperDepth && !method.IsAbstract ? DescribeHelperCall(invocation, depth, cancellationToken) : null;

    private HttpResponseInfo? DescribeHelperCall(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        method = method.OriginalDefinition;

        // Remembered for every method called, so the repository and service calls of every body are looked at once.
        var summary = summaries.TryGetValue(method, out var known) ? known : SummarizeOnce(method, depth, cancellationToken);
        return summary?.ThroughHelperCall(invocation, method);
    }

    /// <summary>
    /// The first call of a method: kept apart from <see cref="DescribeHelperCall"/> so that the closure it needs is
    /// allocated once per method, not on every call of every body.
    /// </summary>
    private HttpResponseInfo? SummarizeOnce(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        => summaries.GetOrAdd(
            method,
            m => ReturnsResponse(m.ReturnType) && !m.DeclaringSyntaxReferences.IsEmpty ? SummarizeHelper(m, depth + 1, cancellationToken) : null);

    /// <summary>The response every return of a helper produces, when they all agree on the status.</summary>
    private HttpResponseInfo? SummarizeHelper(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        var body = SourceBodies.Of(method, model.Types.Compilation, cancellationToken);
        if (body is null)
        {
            return null;
        }

        HttpResponseInfo? agreed = null;
        foreach (var returned in ReturnedValues(body))
        {
            var response = model.Describe(returned.WithoutImplicitConversions()!, depth, cancellationToken);
            if (response?.StatusCode is null || (agreed is not null && agreed.StatusCode != response.StatusCode))
            {
                return null;
            }

            agreed ??= response;
        }

        return agreed;
    }

    private static IEnumerable<IOperation> ReturnedValues(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && !operation.IsInFunctionNestedIn(body))
            {
                yield return value;
            }
        }
    }

    private bool ReturnsResponse(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" or "ActionResult" } generic)
        {
            return generic.Name == "ActionResult" || ReturnsResponse(generic.TypeArguments[0]);
        }

        return model.IsResultType(type);
    }
}
