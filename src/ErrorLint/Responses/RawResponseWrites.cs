using System;
using System.Collections.Immutable;
using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// Responses written to <c>HttpResponse</c> itself: <c>Response.StatusCode = ...</c>, <c>WriteAsync</c>,
/// <c>WriteAsJsonAsync</c> and <c>IProblemDetailsService.WriteAsync</c>, whose status is the nearest assignment before the
/// write, else the framework's default where nothing else can have set it.
/// </summary>
internal sealed class RawResponseWrites
{
    private readonly ResponseModel model;

    public RawResponseWrites(ResponseModel model) => this.model = model;

    /// <summary>The response a <c>Response.StatusCode</c> assignment produces, if it is one.</summary>
    public HttpResponseInfo? DescribeStatusAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "StatusCode" } property
            || !property.Property.ContainingType.InheritsFrom(model.Types.HttpResponse))
        {
            return null;
        }

        var status = StatusCodeValue.Read(assignment.Value);
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

    /// <summary>A write of a body (<see cref="ResponseKind.Write"/>) or of problem details (<see cref="ResponseKind.Problem"/>).</summary>
    public HttpResponseInfo DescribeWrite(IInvocationOperation invocation, ResponseKind kind)
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
    /// <c>Response.StatusCode = 429; await Results.Problem(statusCode: 429).ExecuteAsync(context);</c>: a result executed
    /// on the context after the same status was set answers the same request, so the two are one response, and rules
    /// report it once, at the status.
    /// </summary>
    public bool RepeatsStatusSetBefore(HttpResponseInfo response)
    {
        if (response.StatusCode is not { } status || response.Style is not (ResponseStyle.Results or ResponseStyle.TypedResults))
        {
            return false;
        }

        var executed = response.Operation;
        while (executed.Parent is IConversionOperation conversion)
        {
            executed = conversion;
        }

        if (executed.Parent is not IInvocationOperation { TargetMethod.Name: "ExecuteAsync" } execute || execute.Instance != executed)
        {
            return false;
        }

        var start = response.Operation.Syntax.SpanStart;
        foreach (var assignment in model.Members.StatusWritesOf(response.Operation).StatusAssignments)
        {
            if (assignment.Syntax.SpanStart < start && StatusCodeValue.Read(assignment.Value) == status && !ExitsBefore(assignment.Syntax, response.Operation.Syntax))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the assignment's own branch returns or throws before the write: <c>if (missing) { Response.StatusCode =
    /// 404; return Response.WriteAsync("Not found"); }</c> says nothing about the write that follows the <c>if</c>.
    /// </summary>
    private static bool ExitsBefore(SyntaxNode assignment, SyntaxNode write)
    {
        foreach (var ancestor in assignment.Ancestors())
        {
            if (ancestor.Span.Contains(write.Span) || ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }

            if (ancestor is BlockSyntax block)
            {
                foreach (var statement in block.Statements)
                {
                    if (statement.SpanStart > assignment.SpanStart && statement is ReturnStatementSyntax or ThrowStatementSyntax)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The status a write sends: the nearest <c>StatusCode</c> assignment before it in the same body; else the
    /// framework's default where nothing else can have set it (200, or 500 in an exception handler).
    /// </summary>
    private (int? Status, StatusOrigin Origin, IOperation? StatusOperation) StatusBeforeWrite(IOperation write)
    {
        var body = model.Members.StatusWritesOf(write);
        ISimpleAssignmentOperation? nearest = null;
        var writeStart = write.Syntax.SpanStart;
        foreach (var assignment in body.StatusAssignments)
        {
            var start = assignment.Syntax.SpanStart;
            if (start < writeStart && (nearest is null || start > nearest.Syntax.SpanStart) && !ExitsBefore(assignment.Syntax, write.Syntax))
            {
                nearest = assignment;
            }
        }

        if (nearest is not null)
        {
            var status = StatusCodeValue.Read(nearest.Value);
            return (status, status is null ? StatusOrigin.Unknown : StatusOrigin.Explicit, nearest.Value);
        }

        if (body.FirstDelegateCall < writeStart)
        {
            return (null, StatusOrigin.Unknown, null);
        }

        var containing = write.SemanticModel?.GetEnclosingSymbol(writeStart);
        return model.GetHandler(write, containing).Kind switch
        {
            HandlerKind.ExceptionHandler => (500, StatusOrigin.FrameworkDefault, null),
            HandlerKind.Endpoint or HandlerKind.Middleware => (200, StatusOrigin.FrameworkDefault, null),
            _ => (null, StatusOrigin.Unknown, null),
        };
    }
}

/// <summary>The <c>Response.StatusCode</c> assignments of a member body in walk order, and where it first calls a delegate (<c>next</c>).</summary>
internal sealed class StatusWrites
{
    public StatusWrites(IOperation root, ResponseModel model)
    {
        var assignments = ImmutableArray.CreateBuilder<ISimpleAssignmentOperation>();
        var firstDelegateCall = int.MaxValue;
        foreach (var descendant in root.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation assignment && model.RawWrites.DescribeStatusAssignment(assignment) is not null)
            {
                assignments.Add(assignment);
            }
            else if (descendant is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke })
            {
                firstDelegateCall = Math.Min(firstDelegateCall, descendant.Syntax.SpanStart);
            }
        }

        StatusAssignments = assignments.ToImmutable();
        FirstDelegateCall = firstDelegateCall;
    }

    public ImmutableArray<ISimpleAssignmentOperation> StatusAssignments { get; }

    /// <summary>The start of the first delegate invocation; <see cref="int.MaxValue"/> when there is none.</summary>
    public int FirstDelegateCall { get; }
}
