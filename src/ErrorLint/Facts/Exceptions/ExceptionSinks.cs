using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorLint.Configuration;
using ErrorLint.Facts.Bodies;
using ErrorLint.Facts.Development;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Facts.Exceptions;

/// <summary>An exception leak together with the operation that sends it, for messages.</summary>
internal sealed class SentExceptionLeak
{
    private readonly BodyOperation site;
    private readonly ResponseModel model;

    public SentExceptionLeak(ExceptionLeak leak, BodyOperation site, ResponseModel model)
    {
        Leak = leak;
        this.site = site;
        this.model = model;
    }

    public ExceptionLeak Leak { get; }

    /// <summary>The status the response sends, when it is one with a status known at compile time.</summary>
    public int? StatusCode => site.Response?.StatusCode;

    /// <summary>The operation that sends the data: the response, the returned value or the problem-details write.</summary>
    public IOperation SiteOperation => site.Operation;

    /// <summary>
    /// Where a rule reports: the leaked expression when the response holds it (<c>Problem(ex.Message)</c>), otherwise
    /// the response that sends it (<c>return StatusCode(500, details);</c> for <c>var details = ex.ToString();</c> above).
    /// </summary>
    public SyntaxNode ReportSyntax
    {
        get
        {
            var sending = site.Operation switch
            {
                IReturnOperation { ReturnedValue: { } returned } => returned.Syntax,
                _ => site.Operation.Syntax,
            };
            return sending.Span.Contains(Leak.Syntax.Span) ? Leak.Syntax : sending;
        }
    }

    /// <summary>
    /// How the code names what sends the data: <c>Problem (500)</c>, <c>ProblemDetails.Detail</c>. Built when a rule
    /// reports, like the leak's own description.
    /// </summary>
    public string Sink
    {
        get
        {
            switch (site.Operation)
            {
                // return ErrorResult(ex): the helper decides the status; a plain value goes out with 200.
                case IReturnOperation { ReturnedValue: var returned }
                    when returned.WithoutImplicitConversions() is IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.IsEmpty: false } helperCall:
                    return helperCall.TargetMethod.Name + "(...)";
                // A result a local holds (IActionResult result = ErrorResult(ex)) brings its own status; a plain value goes out with 200.
                case IReturnOperation { ReturnedValue: var value }
                    when value.WithoutImplicitConversions()?.Type is { } type && (type.TypeKind == TypeKind.Error || model.IsResultType(type)):
                    return "the returned value";
                case IReturnOperation:
                    return "the returned value (200)";
                case ISimpleAssignmentOperation assignment:
                    var property = (assignment.Target as IPropertyReferenceOperation)?.Property;
                    return "ProblemDetails." + (property?.IsIndexer == true ? "Extensions" : property?.Name);
                default:
                    return site.Response is { } response
                        ? response.StatusCode is { } status ? $"{response.Producer} ({status})" : response.Producer
                        : "ProblemDetails.Extensions";
            }
        }
    }
}

/// <summary>
/// The places exception data reaches a client: responses (<see cref="ResponseModel.Describe"/>), writes to
/// <c>ProblemDetails.Detail</c>/<c>Extensions</c>, and values returned from actions and endpoints. Leaks behind a
/// development guard are left out. One per compilation (<c>ResponseModel.Exceptions</c>), which keeps what each body sends
/// for both exception rules.
/// </summary>
internal sealed class ExceptionSinks
{
    private readonly ResponseModel model;
    private readonly ConditionalWeakTable<BodyOperations, IReadOnlyList<SentExceptionLeak>> leaksByBody = new();

    public ExceptionSinks(ResponseModel model) => this.model = model;

    /// <summary>
    /// Registers, for a rule about exception data sent to a client (EL0009, EL0010), an action on the member bodies that
    /// hold an exception value. <paramref name="diagnose"/> is asked about each leak of <paramref name="kind"/> that their
    /// responses, returned values and problem-details writes send; a rule reports once per sending operation, at
    /// <see cref="SentExceptionLeak.ReportSyntax"/>, with the leaked expressions as additional locations for its fix. The
    /// message rule stays silent on a response that also sends details: the details rule covers it. A leaked expression
    /// inside a response is reported once, however many sinks it reaches.
    /// </summary>
    /// <summary>
    /// Whether the team declared this exception data fit to send: the endpoint is enabled only in development or a test
    /// mode (<c>errorlint.development_only_attributes</c>), or the data goes out in a report of a run or check.
    /// </summary>
    private static bool IsDeclaredAllowed(OperationBlockAnalysisContext context, SentExceptionLeak sent)
    {
        var options = ErrorLintOptions.For(context.Options, sent.Leak.Syntax.SyntaxTree);
        return DevelopmentGuards.HasDevelopmentOnlyAttribute(context.OwningSymbol, options.DevelopmentOnlyAttributes)
            || ErrorReports.Contains(sent.Leak.Value, sent.SiteOperation, options, context.Compilation);
    }

    public static void RegisterLeakAction(
        CompilationStartAnalysisContext start,
        ResponseModel model,
        ExceptionLeakKind kind,
        Func<OperationBlockAnalysisContext, SentExceptionLeak, bool> reports,
        Func<SentExceptionLeak, Location, IEnumerable<Location>, Diagnostic> diagnose)
    {
        var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
        var reportedLeaks = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
        start.RegisterOperationBlockAction(context =>
        {
            var leaks = model.Exceptions.LeaksIn(model.OperationsIn(context), context.OwningSymbol);
            for (var first = 0; first < leaks.Count;)
            {
                // The leaks of one sending operation are next to each other: they are found at it, in order.
                var site = leaks[first].SiteOperation;
                var end = first;
                while (end < leaks.Count && leaks[end].SiteOperation == site)
                {
                    end++;
                }

                ReportSite(context, leaks, first, end);
                first = end;
            }
        });

        void ReportSite(OperationBlockAnalysisContext context, IReadOnlyList<SentExceptionLeak> leaks, int first, int end)
        {
            SentExceptionLeak? reporting = null;
            List<Location>? leaked = null;
            for (var i = first; i < end; i++)
            {
                var sent = leaks[i];
                if (sent.Leak.Kind != kind)
                {
                    if (kind == ExceptionLeakKind.Message && sent.Leak.Kind == ExceptionLeakKind.Details)
                    {
                        return;
                    }

                    continue;
                }

                if (!IsDeclaredAllowed(context, sent) && reports(context, sent))
                {
                    reporting ??= sent;
                    (leaked ??= new List<Location>()).Add(sent.Leak.Syntax.GetLocation());
                }
            }

            if (reporting is null || leaked is null)
            {
                return;
            }

            // One leaked value sent by several responses (var message = ex.Message; ... return Json(message) twice) is
            // one mistake with one fix: the responses after the first add nothing.
            var newLeak = false;
            foreach (var location in leaked)
            {
                newLeak |= reportedLeaks.TryAdd((location.SourceTree!, location.SourceSpan), 0);
            }

            var syntax = reporting.ReportSyntax;
            if (newLeak && reported.TryAdd((syntax.SyntaxTree, syntax.Span), 0))
            {
                // The one leaked expression reported on needs no second location.
                var location = syntax.GetLocation();
                context.ReportDiagnostic(diagnose(reporting, location, leaked.Count == 1 && leaked[0].Equals(location) ? Array.Empty<Location>() : leaked));
            }
        }
    }

    /// <summary>
    /// The exception data a member body sends, found once for both exception rules: the second to ask reads what the
    /// first found.
    /// </summary>
    private IReadOnlyList<SentExceptionLeak> LeaksIn(BodyOperations body, ISymbol? containingSymbol)
    {
        if (!body.HoldsException)
        {
            return Array.Empty<SentExceptionLeak>();
        }

        // Two rules racing on the same body each find the same list; the first one kept is the one both use after.
        return leaksByBody.TryGetValue(body, out var known) ? known : leaksByBody.GetValue(body, b => Find(b, containingSymbol));
    }

    private IReadOnlyList<SentExceptionLeak> Find(BodyOperations body, ISymbol? containingSymbol)
    {
        List<SentExceptionLeak>? found = null;
        foreach (var operation in body.Operations)
        {
            AddLeaksAt(operation, model, containingSymbol, ref found);
        }

        return found ?? (IReadOnlyList<SentExceptionLeak>)Array.Empty<SentExceptionLeak>();
    }

    private static void AddLeaksAt(BodyOperation site, ResponseModel model, ISymbol? containingSymbol, ref List<SentExceptionLeak>? found)
    {
        var operation = site.Operation;
        IEnumerable<IOperation> values;
        switch (operation)
        {
            case IReturnOperation { ReturnedValue: { } returned }:
                var value = returned.WithoutImplicitConversions();
                if (value?.Type is not { } type
                    || (model.IsResultType(type) && !IsUndescribedHelperResult(value, model))
                    || !(model.GetHandler(operation, containingSymbol).IsRoutedAction || IsControllerResultHelper(operation, containingSymbol, model)))
                {
                    return;
                }

                values = new[] { value };
                break;
            // Problem details are written through a property (Detail, Title, Extensions[key]) or Extensions.Add: the
            // names say so before the iterator that checks the types is made.
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Detail" or "Title" } or { IsIndexer: true } } } assignment:
                values = ProblemDetailsWrites(assignment, model.Types);
                break;
            case ISimpleAssignmentOperation:
                return;
            default:
                if (site.Response is { } response)
                {
                    values = SentValues(response);

                    // The application's own helper or result type is handed the exception to log and translate it;
                    // only data already taken from the exception (ex.ToString(), ex.Message) is known to be sent.
                    if (IsApplicationCode(response, model))
                    {
                        values = values.Where(v => ExceptionFlow.HandledExceptionType(v, model) is null).ToList();

                        // ...unless the helper's own code shows it puts the exception's data in what it returns.
                        if (response.Operation is IInvocationOperation helperCall)
                        {
                            values = values.Append(helperCall);
                        }
                    }
                }
                else if (site.CalledName is "Add" or "TryAdd")
                {
                    values = ProblemDetailsWrites(operation, model.Types);
                }
                else
                {
                    return;
                }

                break;
        }

        var leaks = ExceptionFlow.FindLeaks(values, model);
        if (leaks.Count == 0 || model.Development.IsDevelopmentOnly(operation, containingSymbol))
        {
            return;
        }

        foreach (var leak in leaks)
        {
            if (!model.Development.IsDevelopmentOnly(leak.Value, containingSymbol))
            {
                (found ??= new List<SentExceptionLeak>()).Add(new SentExceptionLeak(leak, site, model));
            }
        }
    }

    /// <summary>The values a response sends: every argument but the status, and the members of its initializer.</summary>
    private static IEnumerable<IOperation> SentValues(HttpResponseInfo response)
    {
        switch (response.Operation)
        {
            case IInvocationOperation invocation:
                return SentArguments(invocation.Arguments);
            case IObjectCreationOperation creation:
                var values = SentArguments(creation.Arguments).ToList();
                if (creation.Initializer is { } initializer)
                {
                    values.Add(initializer);
                }

                return values;
            default:
                return System.Array.Empty<IOperation>();
        }
    }

    /// <summary>
    /// The value written by <c>ctx.ProblemDetails.Detail = ...</c>, <c>problem.Extensions["k"] = ...</c> or
    /// <c>Extensions.Add(k, v)</c> on problem details that are not held in a local of the member (a local is
    /// followed to the response that sends it instead).
    /// </summary>
    private static IEnumerable<IOperation> ProblemDetailsWrites(IOperation operation, WellKnownTypes types)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when IsProblemDetailsMember(target, types) && !IsHeldLocally(target):
                yield return assignment.Value;
                break;
            case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Instance: IPropertyReferenceOperation { Property.Name: "Extensions" } extensions } invocation
                when ProblemDetailsFacts.IsProblemDetails(extensions.Instance?.Type, types) && !IsHeldLocally(extensions):
                foreach (var argument in invocation.Arguments)
                {
                    yield return argument.Value;
                }

                break;
        }
    }

    private static IEnumerable<IOperation> SentArguments(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name != "statusCode")
            {
                yield return argument.Value;
            }
        }
    }

    private static bool IsProblemDetailsMember(IPropertyReferenceOperation target, WellKnownTypes types)
    {
        if (target.Property.Name is "Detail" or "Title")
        {
            return ProblemDetailsFacts.IsProblemDetails(target.Instance?.Type, types);
        }

        // problem.Extensions["trace"] = ...
        return target.Property.IsIndexer
            && target.Instance is IPropertyReferenceOperation { Property.Name: "Extensions" } extensions
            && ProblemDetailsFacts.IsProblemDetails(extensions.Instance?.Type, types);
    }

    private static bool IsHeldLocally(IOperation member)
    {
        var instance = LocalWrites.RootInstance(member);
        return instance is ILocalReferenceOperation
            || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };
    }

    /// <summary>
    /// A result made by the application's own helper whose response the model cannot describe (its status is a
    /// parameter: <c>ErrorResult(ex, statusCode: 422)</c>): what the helper's code puts in it is what the action sends.
    /// </summary>
    private static bool IsUndescribedHelperResult(IOperation value, ResponseModel model)
        => (value is IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.IsEmpty: false, IsAbstract: false } } && model.Describe(value) is null)
            // IActionResult result; ... result = ErrorResult(ex); ... return result;: the local's writes are followed.
            || value is ILocalReferenceOperation;

    /// <summary>
    /// A controller's own method that returns an action result (<c>protected async Task&lt;IActionResult&gt; PostAsync(...)</c>
    /// in a base controller, whose <c>catch</c> returns <c>ErrorResult(ex)</c>): its result goes back through an action to
    /// the client. A plain value such a method returns goes to its caller, so only results count.
    /// </summary>
    private static bool IsControllerResultHelper(IOperation operation, ISymbol? containingSymbol, ResponseModel model)
    {
        if (containingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method
            || operation.IsInFunctionNestedIn(operation.Root())
            || !HandlerContext.IsControllerType(method.ContainingType, model.Types))
        {
            return false;
        }

        var returned = method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : method.ReturnType;
        return returned.TypeKind == TypeKind.Error || model.IsResultType(returned);
    }

    private static bool IsApplicationCode(HttpResponseInfo response, ResponseModel model)
        => response.ThroughHelper is not null
            || response.Operation is IObjectCreationOperation { Type: { } type }
                && type.IsDeclaredIn(model.Types.Compilation);
}
