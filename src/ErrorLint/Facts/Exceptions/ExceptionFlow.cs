using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// Follows data derived from a handled exception within one member: the <c>catch</c> variable,
/// <c>IExceptionHandlerFeature.Error</c>, <c>context.Exception</c> in exception filters and
/// <c>ProblemDetailsContext</c>, the exception parameter of <c>IExceptionHandler.TryHandleAsync</c>; through locals,
/// patterns, interpolation, concatenation, string helpers and object, collection and anonymous initializers.
/// Rules hand it the values a response sends and get back the exception data among them.
/// </summary>
internal sealed class ExceptionFlow
{
    // Enough for local -> anonymous object -> dictionary -> interpolation -> ex.Message, and cheap on deep expressions.
    private const int MaxDepth = 12;

    private static readonly HashSet<string> DetailProperties = new(System.StringComparer.Ordinal)
    {
        "StackTrace", "Source", "TargetSite", "Data", "HelpLink",
    };

    private readonly HandledExceptions exceptions;
    private readonly IOperation root;
    private readonly ResponseModel model;
    // The helper whose returned values are traced (HelperParameterFlows), its parameters the sources; null at a response.
    private readonly IMethodSymbol? helper;
    private readonly int helperDepth;
    // Made on first use: most values sent in a body that holds an exception trace to no local and leak nothing.
    private HashSet<ILocalSymbol>? tracedLocals;
    private List<ExceptionLeak>? leaks;
    private List<int>? carriedParameters;
    private bool tracedOwnMembers;

    private ExceptionFlow(IOperation root, ResponseModel model, IMethodSymbol? helper = null, int helperDepth = 0)
    {
        exceptions = new HandledExceptions(root, model, helper);
        this.root = root;
        this.model = model;
        this.helper = helper;
        this.helperDepth = helperDepth;
    }

    /// <summary>The exception data among the values a response sends (arguments, initializers, returned value).</summary>
    public static IReadOnlyList<ExceptionLeak> FindLeaks(IEnumerable<IOperation> sentValues, ResponseModel model)
    {
        ExceptionFlow? flow = null;
        foreach (var value in sentValues)
        {
            flow ??= new ExceptionFlow(value.Root(), model);
            flow.Trace(value, 0);
        }

        return flow?.leaks ?? (IReadOnlyList<ExceptionLeak>)System.Array.Empty<ExceptionLeak>();
    }

    /// <summary>
    /// What a helper's returned values carry of its parameters: the ones that reach them, and the exception parameters
    /// whose message or details do.
    /// </summary>
    public static HelperParameterFlow FlowOfHelper(IMethodSymbol helper, IOperation body, IReadOnlyList<IOperation> returnedValues, ResponseModel model, int depth)
    {
        var flow = new ExceptionFlow(body, model, helper, depth);
        foreach (var value in returnedValues)
        {
            flow.Trace(value, 0);
        }

        List<(int Ordinal, ExceptionLeakKind Kind)>? leaked = null;
        foreach (var leak in flow.leaks ?? new List<ExceptionLeak>())
        {
            // Details the helper adds only in development (if (env.IsDevelopment()) details.StackTrace = ex.StackTrace;) are
            // not sent by its callers in production.
            if (leak.Exception.WithoutConversions() is not IParameterReferenceOperation { Parameter: var parameter }
                || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, helper)
                || model.Development.IsDevelopmentOnly(leak.Value, helper)
                // if (ex is ValidationException) return ex.Message;: the helper sends the message of the types it tested
                // for on purpose (EL0010 treats such a test at a response the same way).
                || (leak.Kind == ExceptionLeakKind.Message && ExceptionNarrowing.At(leak.Value, leak.Exception).Kind == NarrowingKind.TypeTest))
            {
                continue;
            }

            leaked ??= new List<(int, ExceptionLeakKind)>();
            var index = leaked.FindIndex(l => l.Ordinal == parameter.Ordinal);
            if (index < 0)
            {
                leaked.Add((parameter.Ordinal, leak.Kind));
            }
            else if (leak.Kind == ExceptionLeakKind.Details)
            {
                leaked[index] = (parameter.Ordinal, ExceptionLeakKind.Details);
            }
        }

        return flow.carriedParameters is null && leaked is null
            ? HelperParameterFlow.None
            : new HelperParameterFlow(flow.carriedParameters ?? (IReadOnlyList<int>)System.Array.Empty<int>(), leaked ?? (IReadOnlyList<(int, ExceptionLeakKind)>)System.Array.Empty<(int, ExceptionLeakKind)>());
    }

    /// <summary>The exception an expression evaluates to, or null when it is not a handled exception.</summary>
    public static ITypeSymbol? HandledExceptionType(IOperation operation, ResponseModel model)
        => new HandledExceptions(operation.Root(), model).Of(operation)?.Type;

    private void Trace(IOperation? operation, int depth)
    {
        operation = operation.WithoutConversions();
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        if (exceptions.Of(operation) is { } exception)
        {
            Report(operation, ExceptionLeakKind.Details, exception);
            return;
        }

        depth++;

        // By kind: one interface call, where a switch on types tests each case's interface in turn.
        switch (operation.Kind)
        {
            // details.Detail, where details is a tuple or anonymous object a local holds (var details = exception switch
            // { ... => (exception.Message, 500) }): what the local was given is what its members send.
            case OperationKind.FieldReference when ((IFieldReferenceOperation)operation).Instance is ILocalReferenceOperation { Local.Type.IsTupleType: true } tupleLocal:
                TraceLocal(tupleLocal, depth);
                break;
            case OperationKind.PropertyReference when ((IPropertyReferenceOperation)operation).Instance is ILocalReferenceOperation { Local.Type.IsAnonymousType: true } anonymousLocal:
                TraceLocal(anonymousLocal, depth);
                break;
            // new ApiResponse(500, message).MessageModel: a member of an object made here carries what it was made from.
            case OperationKind.FieldReference or OperationKind.PropertyReference
                when ((IMemberReferenceOperation)operation).Instance?.WithoutConversions() is IObjectCreationOperation made:
                Trace(made, depth);
                break;
            // A builder's "return this;" (Success = false; Msg = msg; return this;): what the helper wrote to its own members.
            case OperationKind.InstanceReference when helper is not null && !tracedOwnMembers:
                tracedOwnMembers = true;
                foreach (var write in root.Descendants())
                {
                    if (write is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation } } ownMember)
                    {
                        Trace(ownMember.Value, depth);
                    }
                }

                break;
            case OperationKind.PropertyReference:
                var property = (IPropertyReferenceOperation)operation;
                if (exceptions.Of(property.Instance) is { } owner)
                {
                    if (property.Property.Name == "Message")
                    {
                        Report(operation, owner.Inner ? ExceptionLeakKind.Details : ExceptionLeakKind.Message, owner);
                    }
                    else if (DetailProperties.Contains(property.Property.Name))
                    {
                        Report(operation, ExceptionLeakKind.Details, owner);
                    }
                }

                break;
            case OperationKind.Invocation:
                TraceInvocation((IInvocationOperation)operation, depth);
                break;
            case OperationKind.InterpolatedString:
                foreach (var part in ((IInterpolatedStringOperation)operation).Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        Trace(interpolation.Expression, depth);
                    }
                }

                break;
            case OperationKind.Binary:
                var binary = (IBinaryOperation)operation;
                Trace(binary.LeftOperand, depth);
                Trace(binary.RightOperand, depth);
                break;
            case OperationKind.AnonymousObjectCreation:
                foreach (var initializer in ((IAnonymousObjectCreationOperation)operation).Initializers)
                {
                    Trace(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer, depth);
                }

                break;
            case OperationKind.ObjectCreation:
                var creation = (IObjectCreationOperation)operation;
                foreach (var argument in creation.Arguments)
                {
                    Trace(argument.Value, depth);
                }

                Trace(creation.Initializer, depth);
                break;
            case OperationKind.ObjectOrCollectionInitializer:
                foreach (var member in ((IObjectOrCollectionInitializerOperation)operation).Initializers)
                {
                    switch (member)
                    {
                        case ISimpleAssignmentOperation assignment when !IsNotSerialized(assignment.Target):
                            Trace(assignment.Value, depth);
                            break;
                        case IMemberInitializerOperation nested:
                            Trace(nested.Initializer, depth);
                            break;
                        case IInvocationOperation add:
                            foreach (var argument in add.Arguments)
                            {
                                Trace(argument.Value, depth);
                            }

                            break;
                    }
                }

                break;
            case OperationKind.ArrayCreation:
                Trace(((IArrayCreationOperation)operation).Initializer, depth);
                break;
            case OperationKind.ArrayInitializer:
                foreach (var element in ((IArrayInitializerOperation)operation).ElementValues)
                {
                    Trace(element, depth);
                }

                break;
            case OperationKind.Tuple:
                foreach (var element in ((ITupleOperation)operation).Elements)
                {
                    Trace(element, depth);
                }

                break;
            case OperationKind.Conditional:
                var conditional = (IConditionalOperation)operation;
                if (!IsChosenBySetting(conditional.Condition))
                {
                    Trace(conditional.WhenTrue, depth);
                    Trace(conditional.WhenFalse, depth);
                }

                break;
            case OperationKind.SwitchExpression:
                var switchExpression = (ISwitchExpressionOperation)operation;
                if (!IsChosenBySetting(switchExpression.Value))
                {
                    foreach (var arm in switchExpression.Arms)
                    {
                        Trace(arm.Value, depth);
                    }
                }

                break;
            case OperationKind.Coalesce:
                var coalesce = (ICoalesceOperation)operation;
                Trace(coalesce.Value, depth);
                Trace(coalesce.WhenNull, depth);
                break;
            case OperationKind.ConditionalAccess:
                Trace(((IConditionalAccessOperation)operation).WhenNotNull, depth);
                break;
            case OperationKind.Await:
                Trace(((IAwaitOperation)operation).Operation, depth);
                break;
            case OperationKind.LocalReference:
                TraceLocal((ILocalReferenceOperation)operation, depth);
                break;
            case OperationKind.ParameterReference when helper is not null:
                var reached = ((IParameterReferenceOperation)operation).Parameter;
                if (SymbolEqualityComparer.Default.Equals(reached.ContainingSymbol, helper) && !(carriedParameters ??= new List<int>()).Contains(reached.Ordinal))
                {
                    carriedParameters.Add(reached.Ordinal);
                }

                break;
            // Code that does not fully bind (a base class or a result type from a package not restored): what goes into
            // the call or creation that failed to bind is what it sends.
            case OperationKind.Invalid:
                foreach (var child in operation.ChildOperations)
                {
                    Trace(child, depth);
                }

                break;
        }
    }

    private void TraceInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (invocation.Instance is { } instance && method.Name == "ToString" && exceptions.Of(instance) is { } owner)
        {
            Report(invocation, ExceptionLeakKind.Details, owner);
            return;
        }

        // String building and serialization carry their inputs into their result; other calls are not followed.
        var type = method.ContainingType;
        var carries = method.Name == "ToString"
            || type?.SpecialType == SpecialType.System_String
            || type?.Name is "StringBuilder" or "JsonSerializer" or "JsonConvert" or "Enumerable"
            || invocation.Instance?.Type?.SpecialType == SpecialType.System_String
            // In a helper's returned value, a framework result (StatusCode(status, new { error = message })) sends its arguments.
            || (helper is not null && invocation.Type is { } resultType && model.IsResultType(resultType) && method.DeclaringSyntaxReferences.IsEmpty);
        if (!carries)
        {
            TraceHelperCall(invocation, depth);
            return;
        }

        Trace(invocation.Instance, depth);
        foreach (var argument in invocation.Arguments)
        {
            Trace(argument.Value, depth);
        }
    }

    /// <summary>
    /// In a helper, a choice made by the helper's own state rather than by what it is handed
    /// (<c>DetailLevel switch { None =&gt; "An error occurred.", StackTrace =&gt; ex.StackTrace }</c>): what reaches the
    /// client is an operator's setting, not the code's. At a response, every branch counts.
    /// </summary>
    private bool IsChosenBySetting(IOperation choice)
    {
        if (helper is null)
        {
            return false;
        }

        foreach (var operation in choice.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation { Parameter.ContainingSymbol: var owner } && SymbolEqualityComparer.Default.Equals(owner, helper))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A call of the application's own method: the arguments it carries into its result are traced, and a handled
    /// exception passed where it puts the exception's data in its result is that data sent.
    /// </summary>
    private void TraceHelperCall(IInvocationOperation invocation, int depth)
    {
        var flow = model.HelperFlows.Of(invocation.TargetMethod, helperDepth, default);
        if (flow.IsEmpty)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            foreach (var (ordinal, kind) in flow.Leaked)
            {
                if (ordinal == parameter.Ordinal && exceptions.Of(argument.Value) is { } exception)
                {
                    Report(argument.Value.WithoutConversions()!, kind == ExceptionLeakKind.Message && exception.Inner ? ExceptionLeakKind.Details : kind, exception);
                }
            }

            if (flow.Carried.Contains(parameter.Ordinal))
            {
                Trace(argument.Value, depth);
            }
        }
    }

    private void TraceLocal(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        if (!(tracedLocals ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(local))
        {
            return;
        }

        foreach (var operation in exceptions.WritesTo(local))
        {
            // message = ex.Message in the catch does not reach the responses of the try above it.
            if (!CanReach(operation.Syntax, reference.Syntax))
            {
                continue;
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    Trace(declarator.Initializer?.Value, depth);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    Trace(assignment.Value, depth);
                    break;
                case IAssignmentOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } write
                    when LocalWrites.RootInstance(write.Target) is ILocalReferenceOperation owner && SymbolEqualityComparer.Default.Equals(owner.Local, local)
                        && !IsNotSerialized(write.Target):
                    Trace(write.Value, depth);
                    break;
                case IInvocationOperation { Instance: { } receiver } call
                    when LocalWrites.IsAppend(call)
                        && LocalWrites.RootInstance(receiver) is ILocalReferenceOperation owner
                        && SymbolEqualityComparer.Default.Equals(owner.Local, local):
                    foreach (var argument in call.Arguments)
                    {
                        Trace(argument.Value, depth);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A member the serializers skip (<c>[JsonIgnore]</c>, <c>[IgnoreDataMember]</c>) sends nothing of what it holds; nor does
    /// <c>ProblemDetailsContext.Exception</c>, which the problem details writers read and never write out (the exception
    /// handler middleware fills it in itself).
    /// </summary>
    private static bool IsNotSerialized(IOperation target)
    {
        var member = (target as IMemberReferenceOperation)?.Member;
        if (member is null)
        {
            return false;
        }

        if (member is { Name: "Exception", ContainingType.Name: "ProblemDetailsContext" })
        {
            return true;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is not ("JsonIgnoreAttribute" or "IgnoreDataMemberAttribute"))
            {
                continue;
            }

            // [JsonIgnore(Condition = WhenWritingNull)] still writes an exception that is there; only Always (1) skips it.
            var skipped = true;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Condition" && argument.Value.Value is int condition)
                {
                    skipped = condition == 1;
                }
            }

            if (skipped)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A write reaches a read written after it, or any read of a loop that holds them both, or from a lambda.</summary>
    private static bool CanReach(SyntaxNode write, SyntaxNode read)
    {
        if (write.SpanStart < read.SpanStart)
        {
            return true;
        }

        foreach (var ancestor in read.Ancestors())
        {
            switch (ancestor)
            {
                case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax when ancestor.Span.Contains(write.Span):
                    return true;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return !ancestor.Span.Contains(write.Span) || write.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax && a.Span.Contains(write.Span) && !a.Span.Contains(read.Span));
            }
        }

        return false;
    }

    private void Report(IOperation value, ExceptionLeakKind kind, HandledException origin)
    {
        var syntax = value.Syntax;
        while (syntax.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == syntax)
        {
            syntax = access;
        }

        foreach (var existing in leaks ??= new List<ExceptionLeak>())
        {
            if (existing.Syntax == syntax)
            {
                return;
            }
        }

        leaks.Add(new ExceptionLeak(value, syntax, kind, origin.Type, origin.Reference));
    }
}
