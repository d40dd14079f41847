using System.Collections.Immutable;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Endpoints;

/// <summary>
/// The calls that configure a minimal-API endpoint: those chained on its <c>Map*</c> call
/// (<c>.RequireAuthorization()</c>, <c>.ProducesProblem(404)</c>), then those of the route groups it is mapped on, read
/// back through group locals to <c>app.MapGroup("/a").MapGroup("/b")</c>. The one reader of them, for every fact an
/// endpoint's conventions decide (who may call it, which responses it declares).
/// </summary>
internal readonly struct EndpointConventions
{
    // app.MapGroup("/a").MapGroup("/b") and group locals are followed this far.
    private const int MaxGroupDepth = 3;

    private EndpointConventions(ImmutableArray<IInvocationOperation> calls, bool mayHaveUnseen)
    {
        Calls = calls;
        MayHaveUnseen = mayHaveUnseen;
    }

    /// <summary>The calls, the endpoint's own first (nearest first), then each group's, innermost group first.</summary>
    public ImmutableArray<IInvocationOperation> Calls { get; }

    /// <summary>
    /// True when some conventions may be added where this reader does not look: the endpoint builder is stored or handed
    /// on (<c>var endpoint = app.MapGet(...)</c>), or a group is a parameter, a field or a local assigned again.
    /// </summary>
    public bool MayHaveUnseen { get; }

    public static EndpointConventions Of(IInvocationOperation map, MemberWalkCache members)
    {
        var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
        IOperation outermost = map;
        foreach (var chained in PipelineCalls.ChainedOn(map))
        {
            calls.Add(chained);
            outermost = chained;
        }

        var mayHaveUnseen = outermost.Parent is not IExpressionStatementOperation;
        AddReceiverCalls(map, members, calls, ref mayHaveUnseen, 0);
        return new EndpointConventions(calls.ToImmutable(), mayHaveUnseen);
    }

    /// <summary>The route builder a call is made on: <c>group</c> in <c>group.MapGet(...)</c>, read back to the <c>MapGroup</c> that made it.</summary>
    private static void AddReceiverCalls(IInvocationOperation call, MemberWalkCache members, ImmutableArray<IInvocationOperation>.Builder calls, ref bool mayHaveUnseen, int depth)
    {
        if (depth > MaxGroupDepth || PipelineCalls.ReceiverOf(call) is not { } receiver)
        {
            return;
        }

        switch (receiver)
        {
            // var group = app.MapGroup(...): the group's calls count only while the local still holds it.
            case ILocalReferenceOperation local when !members.MayBeAssignedAgain(local):
                AddGroupCalls(LocalValues.InitialValue(local), members, calls, ref mayHaveUnseen, depth);
                break;
            case IInvocationOperation:
                AddGroupCalls(receiver, members, calls, ref mayHaveUnseen, depth);
                break;
            case IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation:
                mayHaveUnseen |= IsGroup(receiver.Type);
                break;
        }
    }

    /// <summary>The calls on a route builder, back to the <c>MapGroup</c> it came from and that group's own receiver.</summary>
    private static void AddGroupCalls(IOperation? receiver, MemberWalkCache members, ImmutableArray<IInvocationOperation>.Builder calls, ref bool mayHaveUnseen, int depth)
    {
        while (receiver is IInvocationOperation invocation && PipelineCalls.ReceiverOf(invocation) is { } next)
        {
            calls.Add(invocation);
            if (invocation.TargetMethod.Name == "MapGroup")
            {
                AddReceiverCalls(invocation, members, calls, ref mayHaveUnseen, depth + 1);
                return;
            }

            receiver = next;
        }
    }

    /// <summary>A route group handed in from elsewhere (<c>RouteGroupBuilder group</c>) has conventions the code here does not show.</summary>
    private static bool IsGroup(ITypeSymbol? type) => type?.Name == "RouteGroupBuilder";
}
