using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Operations;

/// <summary>
/// The calls that build an application's request pipeline and endpoints: the <c>Map*</c> or <c>Use*</c> call a lambda is
/// handed to, the calls chained on an endpoint (<c>.RequireAuthorization()</c>) and the route groups it is mapped on.
/// </summary>
internal static class PipelineCalls
{
    /// <summary>The call a lambda is an argument of (<c>app.MapGet("/", () =&gt; ...)</c>); null when it is not handed to a call.</summary>
    public static IInvocationOperation? CallReceiving(IAnonymousFunctionOperation lambda)
        => lambda.ConsumerThroughConversions() is IArgumentOperation { Parent: IInvocationOperation invocation } ? invocation : null;

    /// <summary>Whether a method of this name maps an endpoint or a branch of the pipeline (<c>MapGet</c>, <c>MapGroup</c>, <c>MapWhen</c>).</summary>
    public static bool IsMapName(string name) => name.StartsWith("Map", StringComparison.Ordinal);

    /// <summary>Whether a method of this name adds middleware written inline (<c>Use</c>, <c>Run</c>, <c>UseWhen</c>).</summary>
    public static bool IsMiddlewareName(string name) => name is "Use" or "Run" or "UseWhen" or "MapWhen" or "UseMiddleware";

    /// <summary>The <c>Map*</c> call a lambda is the handler of; null for any other lambda.</summary>
    public static IInvocationOperation? MapCallOf(IAnonymousFunctionOperation lambda)
        => CallReceiving(lambda) is { } call && IsMapName(call.TargetMethod.Name) ? call : null;

    /// <summary>
    /// The extension calls chained on a call, nearest first: <c>RequireAuthorization</c> and <c>WithName</c> in
    /// <c>app.MapGet(...).RequireAuthorization().WithName(...)</c>.
    /// </summary>
    public static IEnumerable<IInvocationOperation> ChainedOn(IInvocationOperation call)
    {
        IOperation current = call;
        while (current.Parent is IArgumentOperation { Parent: IInvocationOperation chained } argument
            && argument == chained.Arguments[0] && chained.TargetMethod.IsExtensionMethod)
        {
            yield return chained;
            current = chained;
        }
    }

    /// <summary>The builder an extension call is made on (<c>group</c> in <c>group.MapGet(...)</c>), implicit conversions removed.</summary>
    public static IOperation? ReceiverOf(IInvocationOperation call)
        => call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value.WithoutImplicitConversions() : null;
}
