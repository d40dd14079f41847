using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Model;

/// <summary>An exception leak together with the response that sends it, for messages.</summary>
internal sealed class SentExceptionLeak
{
    public SentExceptionLeak(ExceptionLeak leak, string sink)
    {
        Leak = leak;
        Sink = sink;
    }

    public ExceptionLeak Leak { get; }

    /// <summary>How the code names what sends the data: <c>Problem (500)</c>, <c>ProblemDetails.Detail</c>.</summary>
    public string Sink { get; }
}

/// <summary>
/// The places exception data reaches a client: responses (<see cref="ResponseModel.Describe"/>), writes to
/// <c>ProblemDetails.Detail</c>/<c>Extensions</c>, and values returned from actions and endpoints. Leaks behind a
/// development guard are left out.
/// </summary>
internal static class ExceptionSinks
{
    /// <summary>
    /// Registers, for a rule about exception data sent to a client (EL0009, EL0010), an action on the member bodies that
    /// hold an exception value; <paramref name="diagnose"/> is asked about each leak their responses, returned values and
    /// problem-details writes send. A value can reach several sinks (a local sent twice): the diagnostic for a leaked
    /// expression is reported once.
    /// </summary>
    public static void RegisterLeakAction(
        CompilationStartAnalysisContext start,
        ResponseModel model,
        Func<OperationBlockAnalysisContext, SentExceptionLeak, Diagnostic?> diagnose)
    {
        var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
        start.RegisterOperationBlockAction(context =>
        {
            var body = model.OperationsIn(context);
            if (!body.HoldsException)
            {
                return;
            }

            foreach (var operation in body.Operations)
            {
                foreach (var sent in LeaksAt(operation, model, context.OwningSymbol))
                {
                    var syntax = sent.Leak.Syntax;
                    if (diagnose(context, sent) is { } diagnostic && reported.TryAdd((syntax.SyntaxTree, syntax.Span), 0))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
        });
    }

    private static IEnumerable<SentExceptionLeak> LeaksAt(BodyOperation site, ResponseModel model, ISymbol? containingSymbol)
    {
        var operation = site.Operation;
        IEnumerable<IOperation> values;
        string sink;
        switch (operation)
        {
            case IReturnOperation { ReturnedValue: { } returned }:
                var value = HttpResponseInfo.Unwrap(returned);
                if (value?.Type is not { } type
                    || WellKnownTypes.Implements(type, model.Types.ActionResultInterface)
                    || WellKnownTypes.Implements(type, model.Types.ResultInterface)
                    || model.GetHandler(operation, containingSymbol).FunctionKind is not (HandlerKind.ControllerAction or HandlerKind.Endpoint))
                {
                    return Enumerable.Empty<SentExceptionLeak>();
                }

                values = new[] { value };
                sink = "the returned value (200)";
                break;
            case ISimpleAssignmentOperation assignment:
                values = ExceptionFlow.ProblemDetailsWrites(assignment, model.Types);
                sink = "ProblemDetails." + ((assignment.Target as IPropertyReferenceOperation)?.Property.IsIndexer == true ? "Extensions" : (assignment.Target as IPropertyReferenceOperation)?.Property.Name);
                break;
            default:
                if (site.Response is { } response)
                {
                    values = ExceptionFlow.SentValues(response);

                    // The application's own helper or result type is handed the exception to log and translate it;
                    // only data already taken from the exception (ex.ToString(), ex.Message) is known to be sent.
                    if (IsApplicationCode(response, model))
                    {
                        values = values.Where(v => ExceptionFlow.HandledExceptionType(v) is null).ToList();
                    }

                    sink = response.StatusCode is { } status ? $"{response.Producer} ({status})" : response.Producer;
                }
                else
                {
                    values = ExceptionFlow.ProblemDetailsWrites(operation, model.Types);
                    sink = "ProblemDetails.Extensions";
                }

                break;
        }

        var leaks = ExceptionFlow.FindLeaks(values);
        if (leaks.Count == 0 || DevelopmentGuards.IsDevelopmentOnly(operation, containingSymbol))
        {
            return Enumerable.Empty<SentExceptionLeak>();
        }

        return leaks
            .Where(leak => !DevelopmentGuards.IsDevelopmentOnly(leak.Value, containingSymbol))
            .Select(leak => new SentExceptionLeak(leak, sink))
            .ToList();
    }

    private static bool IsApplicationCode(HttpResponseInfo response, ResponseModel model)
        => response.ThroughHelper is not null
            || response.Operation is IObjectCreationOperation { Type: { } type }
                && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, model.Types.Compilation.Assembly);
}
