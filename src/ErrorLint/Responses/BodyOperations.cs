using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>An operation of a member body that a rule may look at, with the response it produces, if any.</summary>
internal readonly struct BodyOperation
{
    public BodyOperation(IOperation operation, OperationKind kind, string? calledName, HttpResponseInfo? response)
    {
        Operation = operation;
        Kind = kind;
        CalledName = calledName;
        Response = response;
    }

    /// <summary>An invocation, object creation, assignment to a property or <c>return</c> with a value.</summary>
    public IOperation Operation { get; }

    /// <summary>
    /// The operation's kind, read once by the walk: a rule that looks at one kind skips the rest without a type test
    /// (an interface type test costs a call, and every rule goes through every operation of every body).
    /// </summary>
    public OperationKind Kind { get; }

    /// <summary>
    /// For an invocation, the called method's name, read once by the walk: a rule that looks for calls by name
    /// (<c>UseDeveloperExceptionPage</c>, <c>AddRateLimiter</c>, <c>Forbid</c>) compares it without reaching the method again.
    /// </summary>
    public string? CalledName { get; }

    public HttpResponseInfo? Response { get; }
}

/// <summary>
/// What the rules look at in one member body, found in one walk and shared by every rule. The rules register one
/// action per body rather than one per invocation: the driver then calls each rule once per body instead of once per
/// call, and the response each call produces is worked out once.
/// </summary>
internal sealed class BodyOperations
{
    private BodyOperations(ImmutableArray<BodyOperation> operations, ImmutableArray<HttpResponseInfo> responses, bool holdsException)
    {
        Operations = operations;
        Responses = responses;
        HoldsException = holdsException;
    }

    /// <summary>Every invocation, object creation, assignment to a property and <c>return</c> with a value, in walk order.</summary>
    public ImmutableArray<BodyOperation> Operations { get; }

    /// <summary>The responses among <see cref="Operations"/>, in walk order.</summary>
    public ImmutableArray<HttpResponseInfo> Responses { get; }

    /// <summary>
    /// Whether a handled exception can enter the body: a <c>catch</c> variable, a parameter of an exception type (an
    /// exception handler's <c>exception</c>), a property named <c>Error</c> or <c>Exception</c> (<c>feature.Error</c>,
    /// <c>context.Exception</c>). Exception data can only leak from one, so the exception rules skip the rest.
    /// </summary>
    public bool HoldsException { get; }

    /// <summary>A member with nothing to look at.</summary>
    public static BodyOperations Empty { get; } = new(ImmutableArray<BodyOperation>.Empty, ImmutableArray<HttpResponseInfo>.Empty, holdsException: false);

    /// <summary>The operations of a member with several blocks (a constructor's initializer and body, default values).</summary>
    public static BodyOperations Combine(IReadOnlyList<BodyOperations> blocks)
    {
        var operations = ImmutableArray.CreateBuilder<BodyOperation>();
        var responses = ImmutableArray.CreateBuilder<HttpResponseInfo>();
        var holdsException = false;
        foreach (var block in blocks)
        {
            operations.AddRange(block.Operations);
            responses.AddRange(block.Responses);
            holdsException |= block.HoldsException;
        }

        return new BodyOperations(operations.ToImmutable(), responses.ToImmutable(), holdsException);
    }

    /// <summary>
    /// A pre-order walk written out over <see cref="IOperation.ChildOperations"/>: it runs for every body on every edit.
    /// Its lists are kept between bodies (<see cref="MemberWalkCache"/> keeps one walk), and a body's lists are copied out
    /// at their final size.
    /// </summary>
    internal sealed class Walk
    {
        private ResponseModel? model;
        private CancellationToken cancellationToken;

        private ImmutableArray<BodyOperation>.Builder Operations { get; } = ImmutableArray.CreateBuilder<BodyOperation>();

        private ImmutableArray<HttpResponseInfo>.Builder Responses { get; } = ImmutableArray.CreateBuilder<HttpResponseInfo>();

        private bool HoldsException { get; set; }

        /// <summary>Walks one block and returns what it found; the walk is empty again afterwards.</summary>
        public BodyOperations Run(IOperation block, ResponseModel model, CancellationToken cancellationToken)
        {
            this.model = model;
            this.cancellationToken = cancellationToken;
            Visit(block);
            var found = new BodyOperations(Operations.ToImmutable(), Responses.ToImmutable(), HoldsException);
            this.model = null;
            this.cancellationToken = default;
            Operations.Clear();
            Responses.Clear();
            HoldsException = false;
            return found;
        }

        private void Visit(IOperation parent)
        {
            foreach (var operation in parent.ChildOperations)
            {
                // Read once: every read of Kind is an interface call that cannot be predicted, so it goes through a lookup.
                var kind = operation.Kind;
                switch (kind)
                {
                    // Every rule that looks at an assignment looks at a property written (Response.StatusCode,
                    // Headers.RetryAfter, ProblemDetails.Detail); a local or a field written is nothing to any of them.
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)operation;
                        var method = invocation.TargetMethod;
                        var name = method.Name;
                        Add(operation, kind, name, model!.DescribeInvocation(invocation, method, name, cancellationToken));
                        break;
                    case OperationKind.ObjectCreation:
                        Add(operation, kind, calledName: null, model!.DescribeCreation((IObjectCreationOperation)operation));
                        break;
                    case OperationKind.SimpleAssignment when ((ISimpleAssignmentOperation)operation).Target is IPropertyReferenceOperation:
                        Add(operation, kind, calledName: null, model!.DescribeStatusAssignment((ISimpleAssignmentOperation)operation));
                        break;
                    case OperationKind.Return when ((IReturnOperation)operation).ReturnedValue is not null:
                        Operations.Add(new BodyOperation(operation, kind, calledName: null, response: null));
                        ReturnedValues.AddTo(Responses, (IReturnOperation)operation, model!);
                        break;
                    // Where a handled exception enters a body (ExceptionFlow's sources): a catch variable, the exception
                    // handler's parameter, feature.Error or context.Exception. A local holds one only when written from
                    // one of these, so the many reads of locals are not asked.
                    case OperationKind.CatchClause when !HoldsException:
                        HoldsException = ((ICatchClauseOperation)operation).ExceptionDeclarationOrExpression is not null;
                        break;
                    case OperationKind.PropertyReference when !HoldsException:
                        HoldsException = ((IPropertyReferenceOperation)operation).Property.Name is "Error" or "Exception";
                        break;
                    case OperationKind.ParameterReference when !HoldsException:
                        HoldsException = model!.IsExceptionValue(operation.Type);
                        break;
                }

                if (!IsLeaf(kind))
                {
                    Visit(operation);
                }
            }
        }

        private void Add(IOperation operation, OperationKind kind, string? calledName, HttpResponseInfo? response)
        {
            // A result made and thrown away (InternalError(...); as a statement) sends nothing; a write to the response does.
            if (response is { Style: not ResponseStyle.HttpResponse } && operation.Parent is IExpressionStatementOperation)
            {
                response = null;
            }

            Operations.Add(new BodyOperation(operation, kind, calledName, response));
            if (response is not null)
            {
                Responses.Add(response);
            }
        }

        /// <summary>Kinds that never have children: the walk need not ask them for an empty list of children.</summary>
        private static bool IsLeaf(OperationKind kind)
            => kind is OperationKind.Literal or OperationKind.LocalReference or OperationKind.ParameterReference
                or OperationKind.InstanceReference or OperationKind.DefaultValue or OperationKind.TypeOf or OperationKind.Branch;
    }
}
