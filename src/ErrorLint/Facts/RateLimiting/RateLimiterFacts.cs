using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorLint.Facts.Headers;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.RateLimiting;

/// <summary>
/// What a rate limiter's configuration (<c>AddRateLimiter(options =&gt; ...)</c>, <c>Configure&lt;RateLimiterOptions&gt;(...)</c>,
/// <c>AddOptions&lt;RateLimiterOptions&gt;().Configure(...)</c>) says about rejected requests: the <c>OnRejected</c> callbacks
/// it sets and the <c>RejectionStatusCode</c>. One per compilation (<c>ResponseModel.RateLimiter</c>), none before ASP.NET Core 7,
/// which has no rate limiter.
/// </summary>
internal sealed class RateLimiterFacts
{
    /// <summary>The status the framework rejects with when <c>RejectionStatusCode</c> is left alone.</summary>
    public const int DefaultRejectionStatus = 503;

    private readonly ResponseHeaderFacts headers;

    public RateLimiterFacts(ResponseModel model, INamedTypeSymbol options)
    {
        headers = model.Headers;
        Options = options;
        Compilation = model.Types.Compilation;
    }

    public INamedTypeSymbol Options { get; }

    private Compilation Compilation { get; }

    // Whether an options class of the application sets OnRejected: found once, on first need.
    private bool? optionsClassSetsOnRejected;

    /// <summary>Describes the configuration an invocation hands an <c>Action&lt;RateLimiterOptions&gt;</c>; null when it hands none or it cannot be read.</summary>
    public RateLimiterConfiguration? DescribeConfiguration(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is INamedTypeSymbol { Name: "Action", Arity: 1 } action
                && action.TypeArguments[0].Is(Options))
            {
                return Describe(invocation, argument.Value, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// True when <c>OnRejected</c> is set somewhere else: in another <c>Configure</c> call of the member that configures
    /// the limiter, or in an options class of the application (<c>IConfigureOptions&lt;RateLimiterOptions&gt;</c>,
    /// <c>IPostConfigureOptions</c>, <c>IConfigureNamedOptions</c>), which the options system runs on the same options.
    /// </summary>
    public bool IsOnRejectedSetElsewhere(IInvocationOperation invocation, CancellationToken cancellationToken)
        => IsOnRejectedSetInTheMember(invocation, cancellationToken) || OptionsClassSetsOnRejected(cancellationToken);

    /// <summary>Asked only where EL0008 would report, so the compilation's types are looked through once and rarely.</summary>
    private bool OptionsClassSetsOnRejected(CancellationToken cancellationToken)
    {
        if (optionsClassSetsOnRejected is { } known)
        {
            return known;
        }

        var found = false;
        foreach (var symbol in Compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol type && ConfiguresRateLimiterOptions(type) && AssignsOnRejected(type, cancellationToken))
            {
                found = true;
                break;
            }
        }

        optionsClassSetsOnRejected = found;
        return found;
    }

    private bool ConfiguresRateLimiterOptions(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name is "IConfigureOptions" or "IPostConfigureOptions" or "IConfigureNamedOptions"
                && implemented.TypeArguments.Length == 1
                && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], Options))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AssignsOnRejected(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OnRejected" } or IdentifierNameSyntax { Identifier.ValueText: "OnRejected" } })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsOnRejectedSetInTheMember(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var span = invocation.Syntax.Span;
        foreach (var operation in invocation.Root().Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsOnRejectedAssignment(operation) && !span.Contains(operation.Syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    private RateLimiterConfiguration? Describe(IInvocationOperation invocation, IOperation configure, CancellationToken cancellationToken)
    {
        IOperation? body;
        IAnonymousFunctionOperation? lambda = null;
        switch (configure.WithoutImplicitConversions())
        {
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation anonymous }:
                lambda = anonymous;
                body = anonymous.Body;
                break;
            case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { } method } }
                when method.IsDeclaredIn(Compilation) && !method.DeclaringSyntaxReferences.IsEmpty:
                body = SourceBodies.Of(method, Compilation, cancellationToken);
                break;
            default:
                return null;
        }

        if (body is null)
        {
            return null;
        }

        int? status = DefaultRejectionStatus;
        var statusAssigned = false;
        var complete = true;
        var onRejected = ImmutableArray.CreateBuilder<OnRejectedCallback>();
        var bypassed = ImmutableArray.CreateBuilder<BypassedPolicy>();
        foreach (var operation in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                && property.Property.ContainingType.Is(Options))
            {
                if (property.Property.Name == "OnRejected")
                {
                    onRejected.Add(new OnRejectedCallback(assignment, SetsRetryAfter(assignment.Value, cancellationToken)));
                }
                else if (property.Property.Name == "RejectionStatusCode")
                {
                    statusAssigned = true;
                    status = StatusCodeValue.Read(assignment.Value);
                }
            }
            else if (operation is IInvocationOperation { TargetMethod.Name: "AddPolicy" } addPolicy && PolicySetsRetryAfter(addPolicy, cancellationToken))
            {
                // A policy class's own OnRejected answers the rejections of its endpoints, Retry-After included.
                complete = false;
            }
            else if (operation is IInvocationOperation { TargetMethod.Name: "AddPolicy" } partitioned && BypassedPolicyOf(partitioned, cancellationToken) is { } policy)
            {
                bypassed.Add(policy);
            }
            else if (operation is IInvocationOperation call && HandsOptionsToOwnCode(call))
            {
                // The application's own method may set OnRejected; what it does is not followed.
                complete = false;
            }
        }

        return new RateLimiterConfiguration(invocation, lambda, status, statusAssigned, complete, onRejected.ToImmutable(), bypassed.ToImmutable());
    }

    /// <summary>
    /// <c>AddPolicy(name, context =&gt; new MyPolicy().GetPartition(context))</c>, where <c>MyPolicy</c>'s own <c>OnRejected</c>
    /// sets <c>Retry-After</c>: the partitioner overload takes the partition only, so that callback never runs.
    /// </summary>
    private BypassedPolicy? BypassedPolicyOf(IInvocationOperation addPolicy, CancellationToken cancellationToken)
    {
        foreach (var argument in addPolicy.Arguments)
        {
            if (argument.Value.WithoutConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation partitioner }
                && partitioner.Body.Operations.Length == 1
                && partitioner.Body.Operations[0] is IReturnOperation { ReturnedValue: var returned }
                && returned.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "GetPartition", Instance: var instance }
                && instance.WithoutConversions() is IObjectCreationOperation { Type: INamedTypeSymbol policy } creation
                && PolicyClassSetsRetryAfter(policy, cancellationToken))
            {
                return new BypassedPolicy(addPolicy, argument, creation, policy);
            }
        }

        return null;
    }

    /// <summary>True, false, or null when the callback cannot be read (a field, a variable, a method of another assembly).</summary>
    private bool? SetsRetryAfter(IOperation value, CancellationToken cancellationToken)
    {
        switch (value.WithoutImplicitConversions())
        {
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                return headers.SetsRetryAfterAnywhere(lambda.Body, cancellationToken);
            case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { } method } }
                when method.IsDeclaredIn(Compilation) && !method.DeclaringSyntaxReferences.IsEmpty:
                return headers.MethodSetsRetryAfter(method, cancellationToken);
            case IAnonymousFunctionOperation lambda:
                return headers.SetsRetryAfterAnywhere(lambda.Body, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>AddPolicy&lt;TKey, TPolicy&gt;(name)</c> or <c>AddPolicy(name, new MyPolicy())</c>, where the policy class of this
    /// compilation sets <c>Retry-After</c> in its <c>OnRejected</c> (an expression-bodied property, a getter or an initializer).
    /// </summary>
    private bool PolicySetsRetryAfter(IInvocationOperation addPolicy, CancellationToken cancellationToken)
    {
        ITypeSymbol? policy = null;
        if (addPolicy.TargetMethod.TypeArguments.Length == 2)
        {
            policy = addPolicy.TargetMethod.TypeArguments[1];
        }
        else
        {
            foreach (var argument in addPolicy.Arguments)
            {
                if (argument.Value.WithoutConversions() is IObjectCreationOperation { Type: { } created })
                {
                    policy = created;
                }
            }
        }

        return policy is INamedTypeSymbol policyType && PolicyClassSetsRetryAfter(policyType, cancellationToken);
    }

    /// <summary>Whether a policy class of this compilation sets <c>Retry-After</c> in its <c>OnRejected</c>.</summary>
    private bool PolicyClassSetsRetryAfter(INamedTypeSymbol policyType, CancellationToken cancellationToken)
    {
        if (policyType.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (var member in policyType.GetMembers("OnRejected"))
        {
            if (member is not IPropertySymbol property)
            {
                continue;
            }

            if (property.GetMethod is { DeclaringSyntaxReferences.IsEmpty: false } getter
                && SourceBodies.Of(getter, Compilation, cancellationToken) is { } getterBody
                && headers.SetsRetryAfterAnywhere(getterBody, cancellationToken))
            {
                return true;
            }

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration
                    && (declaration.ExpressionBody ?? (SyntaxNode?)declaration.Initializer) is { } value
                    && SourceBodies.OfSyntax(value, Compilation, cancellationToken) is { } valueBody
                    && headers.SetsRetryAfterAnywhere(valueBody, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool HandsOptionsToOwnCode(IInvocationOperation call)
    {
        if (!call.TargetMethod.IsDeclaredIn(Compilation))
        {
            return false;
        }

        if (call.Instance is { } instance && instance.Type.Is(Options))
        {
            return true;
        }

        foreach (var argument in call.Arguments)
        {
            if ((argument.Value.WithoutImplicitConversions()?.Type).Is(Options))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOnRejectedAssignment(IOperation operation)
        => operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "OnRejected" } property }
            && property.Property.ContainingType.Is(Options);
}

/// <summary>One rate limiter configuration delegate, as read by <see cref="RateLimiterFacts"/>.</summary>
internal sealed class RateLimiterConfiguration
{
    public RateLimiterConfiguration(
        IInvocationOperation invocation,
        IAnonymousFunctionOperation? lambda,
        int? rejectionStatus,
        bool rejectionStatusAssigned,
        bool isComplete,
        ImmutableArray<OnRejectedCallback> onRejected,
        ImmutableArray<BypassedPolicy> bypassedPolicies)
    {
        BypassedPolicies = bypassedPolicies;
        Invocation = invocation;
        Lambda = lambda;
        RejectionStatus = rejectionStatus;
        RejectionStatusAssigned = rejectionStatusAssigned;
        IsComplete = isComplete;
        OnRejected = onRejected;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The configuration lambda; null for a method group.</summary>
    public IAnonymousFunctionOperation? Lambda { get; }

    /// <summary>The rejection status: 503 by default, null when assigned a value not known at compile time.</summary>
    public int? RejectionStatus { get; }

    public bool RejectionStatusAssigned { get; }

    /// <summary>False when the options are handed to the application's own code, which may set <c>OnRejected</c>.</summary>
    public bool IsComplete { get; }

    public ImmutableArray<OnRejectedCallback> OnRejected { get; }

    /// <summary>Policies added through their partitioner, whose own <c>OnRejected</c> (which sets <c>Retry-After</c>) never runs.</summary>
    public ImmutableArray<BypassedPolicy> BypassedPolicies { get; }
}

/// <summary><c>AddPolicy(name, context =&gt; new MyPolicy().GetPartition(context))</c>: the policy's callbacks are bypassed.</summary>
internal sealed class BypassedPolicy
{
    public BypassedPolicy(IInvocationOperation addPolicy, IArgumentOperation partitioner, IObjectCreationOperation creation, INamedTypeSymbol policy)
    {
        AddPolicy = addPolicy;
        Partitioner = partitioner;
        Creation = creation;
        Policy = policy;
    }

    public IInvocationOperation AddPolicy { get; }

    /// <summary>The partitioner argument the fix replaces with the policy itself.</summary>
    public IArgumentOperation Partitioner { get; }

    /// <summary><c>new MyPolicy()</c>, inside the partitioner.</summary>
    public IObjectCreationOperation Creation { get; }

    public INamedTypeSymbol Policy { get; }
}

internal sealed class OnRejectedCallback
{
    public OnRejectedCallback(ISimpleAssignmentOperation assignment, bool? setsRetryAfter)
    {
        Assignment = assignment;
        SetsRetryAfter = setsRetryAfter;
    }

    /// <summary><c>options.OnRejected = ...</c>.</summary>
    public ISimpleAssignmentOperation Assignment { get; }

    /// <summary>Null when the callback cannot be read.</summary>
    public bool? SetsRetryAfter { get; }
}
