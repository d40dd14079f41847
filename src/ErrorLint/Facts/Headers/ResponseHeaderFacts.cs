using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Facts.Headers;

/// <summary>
/// Answers "is the <c>Retry-After</c> header set on the way to this response?": <c>Headers.RetryAfter = ...</c>,
/// <c>Headers["Retry-After"] = ...</c>, <c>Headers.Append/Add/TryAdd(HeaderNames.RetryAfter, ...)</c>,
/// <c>Response.GetTypedHeaders().Set(...)</c>, directly or inside a helper of the same compilation that receives
/// the response or context. One per compilation (<c>ResponseModel.Headers</c>); each member body and each helper is scanned once.
/// </summary>
internal sealed class ResponseHeaderFacts
{
    public const string RetryAfterHeader = "Retry-After";

    private readonly WellKnownTypes types;
    private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<Write>> writesByBody = new();
    private readonly ConcurrentDictionary<IMethodSymbol, bool> helperSetsRetryAfter = new(SymbolEqualityComparer.Default);

    public ResponseHeaderFacts(WellKnownTypes types) => this.types = types;

    /// <summary>
    /// True when <c>Retry-After</c> is set in the function that produces <paramref name="response"/> (or in a function
    /// nested in it, such as an <c>OnStarting</c> callback): before it, or anywhere when <paramref name="anywhereInFunction"/>
    /// (a raw <c>Response.StatusCode</c> assignment is only sent when the response starts).
    /// </summary>
    public bool IsRetryAfterSet(IOperation response, BodyOperations body, bool anywhereInFunction, CancellationToken cancellationToken)
    {
        // The member's invocations and assignments are already listed by the shared walk. The search stops at the first
        // write found: code sets the header just before the response, and a helper call costs a look at its arguments.
        var responseSpan = response.Syntax.Span;
        TextSpan? responseFunction = null;
        foreach (var site in body.Operations)
        {
            if (site.Kind is not (OperationKind.Invocation or OperationKind.SimpleAssignment))
            {
                continue;
            }

            var operation = site.Operation;
            var span = operation.Syntax.Span;
            if (!anywhereInFunction && span.Start >= responseSpan.Start)
            {
                continue;
            }

            var sets = RetryAfterWrite(operation) is not null
                || site.Kind == OperationKind.Invocation && IsRetryAfterHelperCall((IInvocationOperation)operation, cancellationToken);
            if (sets && (FunctionSpanOf(operation).Contains(responseSpan) || (responseFunction ??= FunctionSpanOf(response)).Contains(span)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a function body (an <c>OnRejected</c> lambda, a method) sets <c>Retry-After</c> anywhere.</summary>
    public bool SetsRetryAfterAnywhere(IOperation body, CancellationToken cancellationToken)
        => !writesByBody.GetOrAdd(body.Syntax, _ => CollectWrites(body.Descendants(), cancellationToken)).IsEmpty;

    /// <summary>True when a method of the same compilation sets <c>Retry-After</c> in its body.</summary>
    public bool MethodSetsRetryAfter(IMethodSymbol method, CancellationToken cancellationToken)
        => helperSetsRetryAfter.GetOrAdd(method.OriginalDefinition, m => ScanHelper(m, cancellationToken));

    /// <summary>True when the operation is inside a rate limiter's <c>OnRejected</c> callback (EL0008's concern).</summary>
    public bool IsInRejectionCallback(IOperation operation, ISymbol? containingSymbol)
    {
        if (types.OnRejectedContext is null)
        {
            return false;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            var parameters = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
                ILocalFunctionOperation local => local.Symbol.Parameters,
                _ => ImmutableArray<IParameterSymbol>.Empty,
            };
            if (HasRejectionContext(parameters))
            {
                return true;
            }
        }

        return containingSymbol is IMethodSymbol method && HasRejectionContext(method.Parameters);
    }

    /// <summary>
    /// Whether the symbol is a member of a rate-limiter policy class (<c>IRateLimiterPolicy&lt;TKey&gt;</c>: its
    /// <c>OnRejected</c> property), whose rejections do not go through the options' <c>OnRejected</c>.
    /// </summary>
    public static bool IsPolicyClassMember(ISymbol? symbol)
    {
        if (symbol?.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented is { Name: "IRateLimiterPolicy", Arity: 1, ContainingNamespace: { Name: "RateLimiting", ContainingNamespace.Name: "AspNetCore" } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a call of this name may write a header (<c>Append</c>, <c>TryAdd</c>, ...); the collection is checked after.</summary>
    public static bool IsHeaderWriteName(string? name)
        => name is "Append" or "Add" or "TryAdd" or "Set" or "AppendList" or "AppendCommaSeparatedValues" or "SetCommaSeparatedValues";

    /// <summary>
    /// The value written when <paramref name="operation"/> sets <c>Retry-After</c> (the assigned value or the value
    /// argument); the operation itself when it sets it without a readable value; null when it does not set it.
    /// </summary>
    public IOperation? RetryAfterWrite(IOperation operation)
    {
        // By kind, then by name: every property assignment and every Add of every body is asked about, and the
        // collection's type check walks its interfaces.
        switch (operation.Kind)
        {
            case OperationKind.SimpleAssignment:
                var assignment = (ISimpleAssignmentOperation)operation;
                if (assignment.Target is not IPropertyReferenceOperation target)
                {
                    return null;
                }

                var property = target.Property;
                var named = property.IsIndexer
                    ? target.Arguments.Length == 1 && IsRetryAfterName(target.Arguments[0].Value)
                    : property.Name == "RetryAfter";
                return named && IsHeaderCollection(property.ContainingType) ? assignment.Value : null;

            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                if (!IsHeaderWriteName(invocation.TargetMethod.Name))
                {
                    return null;
                }

                // headers.Append(name, value) on the collection, or HeaderDictionaryExtensions.Append(headers, name, value).
                var arguments = invocation.Arguments;
                var first = invocation.Instance is null ? 1 : 0;
                if (arguments.Length <= first || !IsRetryAfterName(arguments[first].Value))
                {
                    return null;
                }

                var headers = invocation.Instance ?? arguments[0].Value;
                if (!IsHeaderCollection(headers.WithoutImplicitConversions()?.Type))
                {
                    return null;
                }

                return arguments.Length > first + 1 ? arguments[first + 1].Value : invocation;

            default:
                return null;
        }
    }

    /// <summary>True when a constant <c>Retry-After</c> value is neither a non-negative number of seconds nor an HTTP date.</summary>
    public static bool IsEvidentlyInvalid(IOperation value, out string text)
    {
        text = string.Empty;
        for (var current = value; current is not null; current = (current as IConversionOperation)?.Operand)
        {
            if (current.ConstantValue is { HasValue: true, Value: string constant })
            {
                text = constant;
                var trimmed = constant.Trim();
                if (long.TryParse(trimmed, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                {
                    return seconds < 0;
                }

                return !DateTimeOffset.TryParseExact(
                    trimmed,
                    "r",
                    System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal,
                    out _);
            }
        }

        return false;
    }

    private bool HasRejectionContext(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Type.Is(types.OnRejectedContext))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<Write> CollectWrites(IEnumerable<IOperation> operations, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<Write>();
        foreach (var operation in operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sets = RetryAfterWrite(operation) is not null
                || operation is IInvocationOperation invocation && IsRetryAfterHelperCall(invocation, cancellationToken);
            if (sets)
            {
                builder.Add(new Write(operation.Syntax.Span, FunctionSpanOf(operation)));
            }
        }

        return builder.ToImmutable();
    }

    private bool IsRetryAfterHelperCall(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        // A method without a body (an interface's) is answered by the scan, once per method; reading a source method's
        // syntax references here would build an array for every call of the body.
        if (!method.IsDeclaredIn(types.Compilation) || !ReceivesResponse(invocation))
        {
            return false;
        }

        return MethodSetsRetryAfter(method, cancellationToken);
    }

    /// <summary>A helper can reach the response when it gets the context, response or headers, or is a local function or a controller's own method.</summary>
    private bool ReceivesResponse(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction)
        {
            return true;
        }

        if (invocation.Instance is IInstanceReferenceOperation
            && (invocation.TargetMethod.ContainingType.InheritsFrom(types.ControllerBase)
                || invocation.TargetMethod.ContainingType.InheritsFrom(types.PageModel)))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            var type = argument.Value.WithoutImplicitConversions()?.Type;
            if (type.Is(types.HttpContext) || type.InheritsFrom(types.HttpContext)
                || type.InheritsFrom(types.HttpResponse)
                || IsHeaderCollection(type)
                || type.Is(types.OnRejectedContext)
                || type.InheritsFrom(types.ControllerBase)
                || type.InheritsFrom(types.PageModel))
            {
                return true;
            }
        }

        return false;
    }

    private bool ScanHelper(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (SourceBodies.Of(method, types.Compilation, cancellationToken) is not { } body)
        {
            return false;
        }

        // Direct writes only: a helper's own helpers are not followed, which keeps the scan bounded.
        foreach (var operation in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (RetryAfterWrite(operation) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsHeaderCollection(ITypeSymbol? type)
        => type is not null
            && (type.Implements(types.HeaderDictionary) || type.Is(types.ResponseHeaders));

    private static bool IsRetryAfterName(IOperation value)
    {
        var unwrapped = value.WithoutImplicitConversions();
        if (unwrapped?.ConstantValue is { HasValue: true, Value: string name })
        {
            return string.Equals(name.Trim(), RetryAfterHeader, StringComparison.OrdinalIgnoreCase);
        }

        // HeaderNames.RetryAfter is a static readonly field, not a constant.
        return unwrapped is IFieldReferenceOperation { Field: { Name: "RetryAfter", ContainingType.Name: "HeaderNames" } };
    }

    /// <summary>The span of the innermost function the operation is in (or of the member body).</summary>
    private static TextSpan FunctionSpanOf(IOperation operation) => operation.EnclosingFunction().Syntax.Span;

    private readonly struct Write
    {
        public Write(TextSpan span, TextSpan functionSpan)
        {
            Span = span;
            FunctionSpan = functionSpan;
        }

        public TextSpan Span { get; }

        /// <summary>The innermost function the write is in (or the member body).</summary>
        public TextSpan FunctionSpan { get; }
    }
}
