using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorLint.Facts.Authentication;
using ErrorLint.Facts.Development;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Facts.OpenApi;
using ErrorLint.Facts.Headers;
using ErrorLint.Facts.RateLimiting;
using ErrorLint.Facts.Validation;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// Answers "what HTTP response does this operation produce?" for every rule: the status however it is spelled, the body,
/// the kind of helper and the style. The one owner of what ErrorLint keeps per compilation: the types, each member's walk
/// (<see cref="Members"/>), and the facts of each concern, made on first use (<see cref="Authentication"/>,
/// <see cref="Validation"/>, <see cref="Development"/>, <see cref="Headers"/>, <see cref="RateLimiter"/>, <see cref="Exceptions"/>).
/// </summary>
internal sealed class ResponseModel
{
    private static readonly ConditionalWeakTable<Compilation, Holder> Models = new();

    private readonly FrameworkProducers producers;
    private readonly HelperSummaries helpers;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> resultTypes = new(SymbolEqualityComparer.Default);
    private readonly System.Func<ITypeSymbol, bool> implementsResult;
    private AuthenticationFacts? authentication;
    private ValidationFacts? validation;
    private DevelopmentGuards? development;
    private ResponseHeaderFacts? headers;
    private RateLimiterFacts? rateLimiter;
    private ExceptionSinks? exceptions;
    private HelperParameterFlows? helperFlows;
    private CaughtExceptionParameters? caughtParameters;
    private OpenApiDescriptions? openApi;

    private ResponseModel(WellKnownTypes types)
    {
        Types = types;
        Members = new MemberWalkCache(this);
        RawWrites = new RawResponseWrites(this);
        producers = new FrameworkProducers(this);
        helpers = new HelperSummaries(this);
        implementsResult = type => type.Implements(types.ActionResultInterface) || type.Implements(types.ResultInterface);
    }

    public WellKnownTypes Types { get; }

    /// <summary>Each member body's walk and what is found once per body: its operations, its locals' writes, its status assignments.</summary>
    public MemberWalkCache Members { get; }

    /// <summary>Responses written to <c>HttpResponse</c> itself.</summary>
    public RawResponseWrites RawWrites { get; }

    /// <summary>What is known about the user and the endpoint's authorization where a response is produced.</summary>
    public AuthenticationFacts Authentication => Volatile.Read(ref authentication) ?? Publish(ref authentication, new AuthenticationFacts(this));

    /// <summary>Whether validation failed where a response is produced, and whether a body is a validator's output.</summary>
    public ValidationFacts Validation => Volatile.Read(ref validation) ?? Publish(ref validation, new ValidationFacts(this));

    /// <summary>Whether code runs only in development.</summary>
    public DevelopmentGuards Development => Volatile.Read(ref development) ?? Publish(ref development, new DevelopmentGuards(this));

    /// <summary>Whether <c>Retry-After</c> is set on the way to a response.</summary>
    public ResponseHeaderFacts Headers => Volatile.Read(ref headers) ?? Publish(ref headers, new ResponseHeaderFacts(Types));

    /// <summary>What a rate limiter's configuration says about rejected requests; null before ASP.NET Core 7, which has none.</summary>
    public RateLimiterFacts? RateLimiter
        => Types.RateLimiterOptions is { } options ? Volatile.Read(ref rateLimiter) ?? Publish(ref rateLimiter, new RateLimiterFacts(this, options)) : null;

    /// <summary>The exception data each member body sends to clients.</summary>
    public ExceptionSinks Exceptions => Volatile.Read(ref exceptions) ?? Publish(ref exceptions, new ExceptionSinks(this));

    /// <summary>What the application's own methods do with the exceptions and values handed to them.</summary>
    public HelperParameterFlows HelperFlows => Volatile.Read(ref helperFlows) ?? Publish(ref helperFlows, new HelperParameterFlows(this));

    /// <summary>The exception parameters of private helpers that a catch hands its exception to.</summary>
    public CaughtExceptionParameters CaughtParameters => Volatile.Read(ref caughtParameters) ?? Publish(ref caughtParameters, new CaughtExceptionParameters(this));

    /// <summary>What each endpoint's OpenAPI description declares about its responses (EL0014).</summary>
    public OpenApiDescriptions OpenApi => Volatile.Read(ref openApi) ?? Publish(ref openApi, new OpenApiDescriptions(Types, Members));

    /// <summary>The model for a compilation, or null when it does not reference ASP.NET Core.</summary>
    public static ResponseModel? For(Compilation compilation)
        => Models.GetValue(compilation, static c => new Holder(WellKnownTypes.TryCreate(c) is { } types ? new ResponseModel(types) : null)).Model;

    /// <summary>
    /// Describes the response produced by an invocation, object creation or <c>Response.StatusCode</c> assignment;
    /// null when the operation produces none.
    /// </summary>
    public HttpResponseInfo? Describe(IOperation operation, CancellationToken cancellationToken = default)
        => Describe(operation, depth: 0, cancellationToken);

    /// <summary>What the rules look at in the blocks of an operation-block action, walked once for every rule that asks.</summary>
    public BodyOperations OperationsIn(OperationBlockAnalysisContext context) => Members.OperationsIn(context);

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

    /// <summary>
    /// The response a call produces, if any; asked of every call of every body by the shared walk, which has read the
    /// called method and its name already.
    /// </summary>
    public HttpResponseInfo? DescribeInvocation(IInvocationOperation invocation, IMethodSymbol method, string name, CancellationToken cancellationToken)
        => DescribeInvocation(invocation, method, name, depth: 0, cancellationToken);

    /// <summary>The response an object creation produces (<c>new ObjectResult(...)</c>), if any.</summary>
    public HttpResponseInfo? DescribeCreation(IObjectCreationOperation creation) => producers.DescribeCreation(creation);

    /// <summary>The response a <c>Response.StatusCode</c> assignment produces, if it is one.</summary>
    public HttpResponseInfo? DescribeStatusAssignment(ISimpleAssignmentOperation assignment) => RawWrites.DescribeStatusAssignment(assignment);

    /// <summary>The same as <see cref="Describe(IOperation, CancellationToken)"/>, from inside a helper being summarised.</summary>
    internal HttpResponseInfo? Describe(IOperation operation, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return operation switch
        {
            IInvocationOperation invocation => DescribeInvocation(invocation, invocation.TargetMethod, invocation.TargetMethod.Name, depth, cancellationToken),
            IObjectCreationOperation creation => producers.DescribeCreation(creation),
            ISimpleAssignmentOperation assignment => RawWrites.DescribeStatusAssignment(assignment),
            _ => null,
        };
    }

    private HttpResponseInfo? DescribeInvocation(IInvocationOperation invocation, IMethodSymbol method, string name, int depth, CancellationToken cancellationToken)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        // The application's own methods may be response helpers.
        if (type.IsDeclaredIn(Types.Compilation))
        {
            return helpers.DescribeCall(invocation, method, depth, cancellationToken);
        }

        // Most framework calls of a body (LINQ, logging, string methods) produce no response, and their name says so
        // before any lookup by symbol.
        return KnownProducers.MayProduceResponse(name) ? producers.DescribeCall(invocation, type, name) : null;
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
