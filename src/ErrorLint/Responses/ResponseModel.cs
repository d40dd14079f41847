using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorLint.Facts.Authentication;
using ErrorLint.Facts.Bodies;
using ErrorLint.Facts.Development;
using ErrorLint.Facts.Validation;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// Answers "what HTTP response does this operation produce?" for every rule: the status however it is
/// spelled, the body, the kind of helper and the style. One instance per compilation, shared by all rules,
/// so well-known types are resolved once and helper methods are summarised once.
/// </summary>
internal sealed class ResponseModel
{
    // A helper that returns a helper that returns a response is still seen; deeper chains are not worth the cost.
    private const int MaxHelperDepth = 2;

    private static readonly ConditionalWeakTable<Compilation, Holder> Models = new();

    private readonly ConcurrentDictionary<IMethodSymbol, HttpResponseInfo?> helperResponses = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ProducerFamily> producers = new(SymbolEqualityComparer.Default);
    private readonly Func<INamedTypeSymbol, ProducerFamily> producerFamilyOf;

    // One walk per member body, shared by every write in it (a middleware writes several times; Program.cs is one body).
    private readonly ConditionalWeakTable<IOperation, BodyFacts> bodyFacts = new();
    private readonly ConditionalWeakTable<IOperation, BodyFacts>.CreateValueCallback createBodyFacts;

    // The operation tree of a body is shared by all analyzers of a compilation, so the first rule's walk serves the rest.
    // The driver hands each body to every rule close together, so the bodies walked last are enough to remember: a slot
    // per body, picked by identity and overwritten whole, needs no lock and no weak handle per body.
    private const int RecentBodyCount = 64;
    private readonly RecentBody?[] recentBodies = new RecentBody?[RecentBodyCount];
    private readonly ConcurrentDictionary<ITypeSymbol, bool> resultTypes = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, bool> implementsResult;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> actionResultTypes = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, bool> implementsActionResult;
    private LastMember? lastMember;
    private AuthenticationFacts? authentication;
    private ValidationFacts? validation;
    private DevelopmentGuards? development;

    private ResponseModel(WellKnownTypes types)
    {
        Types = types;
        createBodyFacts = root => BodyFacts.Create(root, this);
        implementsActionResult = type => type.Implements(types.ActionResultInterface);
        implementsResult = type => type.Implements(types.ActionResultInterface) || type.Implements(types.ResultInterface);
        producerFamilyOf = ProducerFamilyOf;
    }

    public WellKnownTypes Types { get; }

    /// <summary>What is known about the user and the endpoint's authorization where a response is produced.</summary>
    public AuthenticationFacts Authentication => Volatile.Read(ref authentication) ?? Publish(ref authentication, new AuthenticationFacts(Types));

    /// <summary>Whether validation failed where a response is produced, and whether a body is validation state.</summary>
    public ValidationFacts Validation => Volatile.Read(ref validation) ?? Publish(ref validation, new ValidationFacts(Types));

    /// <summary>Whether code runs only in development.</summary>
    public DevelopmentGuards Development => Volatile.Read(ref development) ?? Publish(ref development, new DevelopmentGuards(Types));

    /// <summary>The model for a compilation, or null when it does not reference ASP.NET Core.</summary>
    public static ResponseModel? For(Compilation compilation)
        => Models.GetValue(compilation, static c => new Holder(WellKnownTypes.TryCreate(c) is { } types ? new ResponseModel(types) : null)).Model;

    /// <summary>
    /// Describes the response produced by an invocation, object creation or <c>Response.StatusCode</c> assignment;
    /// null when the operation produces none.
    /// </summary>
    public HttpResponseInfo? Describe(IOperation operation, CancellationToken cancellationToken = default)
        => Describe(operation, depth: 0, cancellationToken);

    /// <summary>
    /// The operations and responses of an operation block (a member body, an initializer), worked out once for the
    /// rules that ask about it in turn.
    /// </summary>
    public BodyOperations OperationsOf(IOperation block, CancellationToken cancellationToken)
    {
        var slot = (RuntimeHelpers.GetHashCode(block) & int.MaxValue) % RecentBodyCount;
        if (Volatile.Read(ref recentBodies[slot]) is { } recent && recent.Block == block)
        {
            return recent.Operations;
        }

        // A rule racing on the same body walks it too and finds the same operations; the later entry wins the slot.
        var created = BodyOperations.Create(block, this, cancellationToken);
        Volatile.Write(ref recentBodies[slot], new RecentBody(block, created));
        return created;
    }

    /// <summary>
    /// What the rules look at in the blocks of an operation-block action (a member's body and initializers), worked out
    /// once for every rule that asks.
    /// </summary>
    public BodyOperations OperationsIn(OperationBlockAnalysisContext context)
    {
        // The driver hands every rule the same blocks of a member in turn, so the member asked about last is most often
        // the one asked about next.
        var blocks = context.OperationBlocks;
        if (lastMember is { } last && last.Blocks == blocks)
        {
            return last.Operations;
        }

        BodyOperations? single = null;
        List<BodyOperations>? several = null;
        foreach (var block in blocks)
        {
            // An attribute's arguments are constants: no response is produced there.
            if (block.Syntax is AttributeSyntax)
            {
                continue;
            }

            var operations = OperationsOf(block, context.CancellationToken);
            if (single is null)
            {
                single = operations;
            }
            else
            {
                (several ??= new List<BodyOperations> { single }).Add(operations);
            }
        }

        var result = several is not null ? BodyOperations.Combine(several) : single ?? BodyOperations.Empty;
        lastMember = new LastMember(blocks, result);
        return result;
    }

    /// <summary>
    /// Whether a value of this type is an exception; asked of every parameter a body reads. A class's
    /// base chain is short (a DTO's is one step to object): walking it costs less than hashing the type for a cache,
    /// which for a constructed type (List&lt;Order&gt;) hashes its type arguments too.
    /// </summary>
    public bool IsExceptionValue(ITypeSymbol? type)
        => type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Class } && type.IsExceptionType();

    /// <summary>
    /// Whether a value of this type is an action result or a minimal-API result (<c>IActionResult</c>, <c>IResult</c>);
    /// asked of every returned value, and answered once per type, since reading a type's interfaces builds an array.
    /// </summary>
    public bool IsResultType(ITypeSymbol type) => resultTypes.GetOrAdd(type.OriginalDefinition, implementsResult);

    public HandlerContext GetHandler(IOperation operation, ISymbol? containingSymbol) => HandlerContext.Of(operation, containingSymbol, Types);

    /// <summary>Reads a status code however it is spelled: a literal, a const, <c>StatusCodes.*</c>, <c>(int)HttpStatusCode.*</c>.</summary>
    public static int? ReadStatusCode(IOperation? operation)
    {
        if (operation.ConstantThroughConversions() is { HasValue: true, Value: int or short or long or byte } constant)
        {
            var code = Convert.ToInt32(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            return code is >= 100 and <= 599 ? code : null;
        }

        return null;
    }

    private HttpResponseInfo? Describe(IOperation operation, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return operation switch
        {
            IInvocationOperation invocation => DescribeInvocation(invocation, depth, cancellationToken),
            IObjectCreationOperation creation => DescribeCreation(creation),
            ISimpleAssignmentOperation assignment => DescribeStatusAssignment(assignment),
            _ => null,
        };
    }

    /// <summary>
    /// The response a call produces, if any; asked of every call of every body by the shared walk, which has read the
    /// called method and its name already.
    /// </summary>
    public HttpResponseInfo? DescribeInvocation(IInvocationOperation invocation, IMethodSymbol method, string name, CancellationToken cancellationToken)
        => DescribeInvocation(invocation, method, name, depth: 0, cancellationToken);

    private HttpResponseInfo? DescribeInvocation(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        return DescribeInvocation(invocation, method, method.Name, depth, cancellationToken);
    }

    private HttpResponseInfo? DescribeInvocation(IInvocationOperation invocation, IMethodSymbol method, string name, int depth, CancellationToken cancellationToken)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        // The application's own methods may be response helpers; an abstract one (a repository or service interface,
        // most of a body's calls) has no body to summarize.
        if (IsDeclaredInSource(type))
        {
            return depth < MaxHelperDepth && !method.IsAbstract ? DescribeHelperCall(invocation, depth, cancellationToken) : null;
        }

        // Most framework calls of a body (LINQ, logging, string methods) produce no response, and their name says so
        // before any lookup by symbol.
        if (!KnownProducers.MayProduceResponse(name))
        {
            return null;
        }

        switch (producers.GetOrAdd(type.OriginalDefinition, producerFamilyOf))
        {
            case ProducerFamily.Results:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.Results, "Results.");
            case ProducerFamily.TypedResults:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.TypedResults, "TypedResults.");
            case ProducerFamily.Controller:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.Controller, string.Empty);
            case ProducerFamily.RazorPage:
                return DescribeFrameworkHelper(invocation, name, ResponseStyle.RazorPage, string.Empty);
            case ProducerFamily.ResponseWriting:
                return DescribeWrite(invocation, ResponseKind.Write);
            case ProducerFamily.ProblemDetailsService when name is "WriteAsync" or "TryWriteAsync":
                return DescribeWrite(invocation, ResponseKind.Problem);
        }

        return null;
    }

    /// <summary>Which framework family of producers a referenced type's methods are; asked once per type, since every call of a body asks.</summary>
    private ProducerFamily ProducerFamilyOf(INamedTypeSymbol type)
    {
        if (type.Is(Types.Results))
        {
            return ProducerFamily.Results;
        }

        if (type.Is(Types.TypedResults))
        {
            return ProducerFamily.TypedResults;
        }

        if (type.InheritsFrom(Types.ControllerBase))
        {
            return ProducerFamily.Controller;
        }

        if (type.InheritsFrom(Types.PageModel))
        {
            return ProducerFamily.RazorPage;
        }

        if (type.Is(Types.HttpResponseJsonExtensions) || type.Is(Types.HttpResponseWritingExtensions))
        {
            return ProducerFamily.ResponseWriting;
        }

        return type.Is(Types.ProblemDetailsService) ? ProducerFamily.ProblemDetailsService : ProducerFamily.None;
    }

    private static HttpResponseInfo? DescribeFrameworkHelper(IInvocationOperation invocation, string name, ResponseStyle style, string prefix)
    {
        if (!KnownProducers.TryGetHelper(name, out var impliedStatus, out var kind))
        {
            return null;
        }

        IOperation? statusOperation = null;
        IOperation? body = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (parameter.Name == "statusCode")
            {
                statusOperation = argument.Value;
            }
            else if (KnownProducers.IsBodyParameter(parameter.Name) || parameter.Name == "descriptor")
            {
                body = argument.Value.WithoutImplicitConversions();
            }
        }

        var (status, origin) = ResolveStatus(statusOperation, impliedStatus, body, kind);
        return new HttpResponseInfo(invocation, style, kind, prefix + name, status, origin, statusOperation, body);
    }

    private static (int? Status, StatusOrigin Origin) ResolveStatus(IOperation? statusOperation, int impliedStatus, IOperation? body, ResponseKind kind)
    {
        if (statusOperation is not null && !IsNullConstant(statusOperation))
        {
            var explicitStatus = ReadStatusCode(statusOperation);
            return (explicitStatus, explicitStatus is null ? StatusOrigin.Unknown : StatusOrigin.Explicit);
        }

        // Problem(problemDetails) sends the status the problem details carry.
        if (kind == ResponseKind.Problem && ProblemDetailsFacts.ReadStatus(body) is { } problemStatus)
        {
            return (problemStatus, StatusOrigin.Explicit);
        }

        return impliedStatus == KnownProducers.StatusFromArgument ? (null, StatusOrigin.Unknown) : (impliedStatus, StatusOrigin.Implied);
    }

    /// <summary>The response an object creation produces (<c>new ObjectResult(...)</c>), if any.</summary>
    public HttpResponseInfo? DescribeCreation(IObjectCreationOperation creation)
    {
        // Answered once per created type: reading a type's interfaces builds an array, and most creations are of DTOs and lists.
        if (creation.Type is not INamedTypeSymbol type || !actionResultTypes.GetOrAdd(type.OriginalDefinition, implementsActionResult))
        {
            return null;
        }

        var kind = type.InheritsFrom(Types.ForbidResult) ? ResponseKind.Forbid
            : type.InheritsFrom(Types.ChallengeResult) ? ResponseKind.Challenge
            : ResponseKind.Other;

        IOperation? statusOperation = null;
        IOperation? body = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (parameter.Name == "statusCode")
            {
                statusOperation = argument.Value;
            }
            else if (KnownProducers.IsBodyParameter(parameter.Name))
            {
                body = argument.Value.WithoutImplicitConversions();
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    switch (property.Property.Name)
                    {
                        case "StatusCode":
                            statusOperation = assignment.Value;
                            break;
                        case "Value" or "Content":
                            body = assignment.Value.WithoutImplicitConversions();
                            break;
                    }
                }
            }
        }

        int? status;
        StatusOrigin origin;
        if (statusOperation is not null && !IsNullConstant(statusOperation))
        {
            status = ReadStatusCode(statusOperation);
            origin = status is null ? StatusOrigin.Unknown : StatusOrigin.Explicit;
        }
        else if (kind == ResponseKind.Forbid)
        {
            (status, origin) = (403, StatusOrigin.Implied);
        }
        else if (kind == ResponseKind.Challenge)
        {
            (status, origin) = (401, StatusOrigin.Implied);
        }
        else if (DefaultStatusCodeOf(type) is { } implied)
        {
            (status, origin) = (implied, StatusOrigin.Implied);
        }
        else if (IsDeclaredInSource(type))
        {
            // The application's own result type may set its status in its constructor.
            (status, origin) = (null, StatusOrigin.Unknown);
        }
        else if (type.InheritsFrom(Types.ObjectResult) && ProblemDetailsFacts.ReadStatus(body) is { } problemStatus)
        {
            // ObjectResult sends the problem details' own status when it has none of its own.
            (status, origin) = (problemStatus, StatusOrigin.Explicit);
        }
        else if (type.InheritsFrom(Types.ObjectResult) || type.Is(Types.JsonResult) || type.Is(Types.ContentResult))
        {
            (status, origin) = (200, StatusOrigin.FrameworkDefault);
        }
        else
        {
            return null;
        }

        if (kind == ResponseKind.Other && ProblemDetailsFacts.IsProblemDetails(body?.Type, Types))
        {
            kind = ResponseKind.Problem;
        }

        return new HttpResponseInfo(creation, ResponseStyle.ResultObject, kind, "new " + type.Name, status, origin, statusOperation, body);
    }

    /// <summary>The response a <c>Response.StatusCode</c> assignment produces, if it is one.</summary>
    public HttpResponseInfo? DescribeStatusAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "StatusCode" } property
            || !property.Property.ContainingType.InheritsFrom(Types.HttpResponse))
        {
            return null;
        }

        var status = ReadStatusCode(assignment.Value);
        return new HttpResponseInfo(
            assignment,
            ResponseStyle.HttpResponse,
            ResponseKind.StatusAssignment,
            "Response.StatusCode",
            status,
            status is null ? StatusOrigin.Unknown : StatusOrigin.Explicit,
            assignment.Value,
            body: null);
    }

    private HttpResponseInfo DescribeWrite(IInvocationOperation invocation, ResponseKind kind)
    {
        IOperation? body = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Name is "value" or "text" or "context" && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                body = argument.Value.WithoutImplicitConversions();
            }
        }

        var (status, origin, statusOperation) = StatusBeforeWrite(invocation);
        var producer = kind == ResponseKind.Problem ? "IProblemDetailsService." + invocation.TargetMethod.Name : "Response." + invocation.TargetMethod.Name;
        return new HttpResponseInfo(invocation, ResponseStyle.HttpResponse, kind, producer, status, origin, statusOperation, body);
    }

    /// <summary>
    /// The status a write sends: the nearest <c>StatusCode</c> assignment before it in the same body; else the
    /// framework's default where nothing else can have set it (200, or 500 in an exception handler).
    /// </summary>
    private (int? Status, StatusOrigin Origin, IOperation? StatusOperation) StatusBeforeWrite(IOperation write)
    {
        var body = bodyFacts.GetValue(write.Root(), createBodyFacts);
        ISimpleAssignmentOperation? nearest = null;
        var writeStart = write.Syntax.SpanStart;
        foreach (var assignment in body.StatusAssignments)
        {
            var start = assignment.Syntax.SpanStart;
            if (start < writeStart && (nearest is null || start > nearest.Syntax.SpanStart))
            {
                nearest = assignment;
            }
        }

        var callsNextFirst = body.FirstDelegateCall < writeStart;
        if (nearest is not null)
        {
            var status = ReadStatusCode(nearest.Value);
            return (status, status is null ? StatusOrigin.Unknown : StatusOrigin.Explicit, nearest.Value);
        }

        if (callsNextFirst)
        {
            return (null, StatusOrigin.Unknown, null);
        }

        var containing = write.SemanticModel?.GetEnclosingSymbol(writeStart);
        return GetHandler(write, containing).Kind switch
        {
            HandlerKind.ExceptionHandler => (500, StatusOrigin.FrameworkDefault, null),
            HandlerKind.Endpoint or HandlerKind.Middleware => (200, StatusOrigin.FrameworkDefault, null),
            _ => (null, StatusOrigin.Unknown, null),
        };
    }

    private HttpResponseInfo? DescribeHelperCall(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        method = method.OriginalDefinition;

        // Remembered for every method called, so the repository and service calls of every body are looked at once.
        var summary = helperResponses.TryGetValue(method, out var known) ? known : SummarizeOnce(method, depth, cancellationToken);
        return summary?.ThroughHelperCall(invocation, method);
    }

    /// <summary>
    /// The first call of a method: kept apart from <see cref="DescribeHelperCall"/> so that the closure it needs is
    /// allocated once per method, not on every call of every body.
    /// </summary>
    private HttpResponseInfo? SummarizeOnce(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        => helperResponses.GetOrAdd(
            method,
            m => ReturnsResponse(m.ReturnType) && !m.DeclaringSyntaxReferences.IsEmpty ? SummarizeHelper(m, depth + 1, cancellationToken) : null);

    /// <summary>The response every return of a helper produces, when they all agree on the status.</summary>
    private HttpResponseInfo? SummarizeHelper(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        var body = SourceBodies.Of(method, Types.Compilation, cancellationToken);
        if (body is null)
        {
            return null;
        }

        HttpResponseInfo? agreed = null;
        foreach (var returned in ReturnedValues(body))
        {
            var response = Describe(returned.WithoutImplicitConversions()!, depth, cancellationToken);
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

        return IsResultType(type);
    }

    private int? DefaultStatusCodeOf(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass.Is(Types.DefaultStatusCodeAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int status)
                {
                    return status;
                }
            }
        }

        return null;
    }

    private bool IsDeclaredInSource(ISymbol symbol) => symbol.IsDeclaredIn(Types.Compilation);

    private static bool IsNullConstant(IOperation operation)
        => operation.WithoutImplicitConversions() is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>The <c>Response.StatusCode</c> assignments of a member body in walk order, and where it first calls a delegate (<c>next</c>).</summary>
    private sealed class BodyFacts
    {
        private BodyFacts(ImmutableArray<ISimpleAssignmentOperation> statusAssignments, int firstDelegateCall)
        {
            StatusAssignments = statusAssignments;
            FirstDelegateCall = firstDelegateCall;
        }

        public ImmutableArray<ISimpleAssignmentOperation> StatusAssignments { get; }

        /// <summary>The start of the first delegate invocation; <see cref="int.MaxValue"/> when there is none.</summary>
        public int FirstDelegateCall { get; }

        public static BodyFacts Create(IOperation root, ResponseModel model)
        {
            var assignments = ImmutableArray.CreateBuilder<ISimpleAssignmentOperation>();
            var firstDelegateCall = int.MaxValue;
            foreach (var descendant in root.Descendants())
            {
                if (descendant is ISimpleAssignmentOperation assignment && model.DescribeStatusAssignment(assignment) is not null)
                {
                    assignments.Add(assignment);
                }
                else if (descendant is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke })
                {
                    firstDelegateCall = Math.Min(firstDelegateCall, descendant.Syntax.SpanStart);
                }
            }

            return new BodyFacts(assignments.ToImmutable(), firstDelegateCall);
        }
    }

    /// <summary>The framework types whose methods produce responses, each described its own way.</summary>
    private enum ProducerFamily
    {
        None,
        Results,
        TypedResults,
        Controller,
        RazorPage,
        ResponseWriting,
        ProblemDetailsService,
    }

    /// <summary>A body walked recently and its operations, replaced whole so that a rule on another thread never sees half of it.</summary>
    private sealed class RecentBody
    {
        public RecentBody(IOperation block, BodyOperations operations)
        {
            Block = block;
            Operations = operations;
        }

        public IOperation Block { get; }

        public BodyOperations Operations { get; }
    }

    /// <summary>One member's blocks and their operations, replaced whole so that a rule on another thread never sees half of it.</summary>
    private sealed class LastMember
    {
        public LastMember(ImmutableArray<IOperation> blocks, BodyOperations operations)
        {
            Blocks = blocks;
            Operations = operations;
        }

        public ImmutableArray<IOperation> Blocks { get; }

        public BodyOperations Operations { get; }
    }

    /// <summary>Publishes a facet made on first use; when two rules race, both get the one published first.</summary>
    private static T Publish<T>(ref T? slot, T created)
        where T : class
        => Interlocked.CompareExchange(ref slot, created, null) ?? created;

    private sealed class Holder
    {
        public Holder(ResponseModel? model) => Model = model;

        public ResponseModel? Model { get; }
    }
}
