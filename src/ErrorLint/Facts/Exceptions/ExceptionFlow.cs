using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ErrorLint.Facts.Bodies;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
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

    private readonly IOperation root;
    private readonly WellKnownTypes types;
    private readonly MemberWalkCache members;
    // Made on first use: most values sent in a body that holds an exception trace to no local and leak nothing.
    private HashSet<ILocalSymbol>? tracedLocals;
    private List<ExceptionLeak>? leaks;
    private LocalWrites? localWrites;

    private ExceptionFlow(IOperation root, ResponseModel model)
    {
        this.root = root;
        types = model.Types;
        members = model.Members;
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

    /// <summary>The values a response sends: every argument but the status, and the members of its initializer.</summary>
    public static IEnumerable<IOperation> SentValues(HttpResponseInfo response)
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
    public static IEnumerable<IOperation> ProblemDetailsWrites(IOperation operation, WellKnownTypes types)
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

    /// <summary>The exception an expression evaluates to, or null when it is not a handled exception.</summary>
    public static ITypeSymbol? HandledExceptionType(IOperation operation, ResponseModel model)
        => new ExceptionFlow(operation.Root(), model).AsException(operation, 0)?.Type;

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

    private void Trace(IOperation? operation, int depth)
    {
        operation = operation.WithoutConversions();
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        if (AsException(operation, 0) is { } exception)
        {
            Report(operation, ExceptionLeakKind.Details, exception);
            return;
        }

        depth++;

        // By kind: one interface call, where a switch on types tests each case's interface in turn.
        switch (operation.Kind)
        {
            case OperationKind.PropertyReference:
                var property = (IPropertyReferenceOperation)operation;
                if (AsException(property.Instance, 0) is { } owner)
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
                        case ISimpleAssignmentOperation assignment:
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
                Trace(conditional.WhenTrue, depth);
                Trace(conditional.WhenFalse, depth);
                break;
            case OperationKind.SwitchExpression:
                foreach (var arm in ((ISwitchExpressionOperation)operation).Arms)
                {
                    Trace(arm.Value, depth);
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
                TraceLocal(((ILocalReferenceOperation)operation).Local, depth);
                break;
        }
    }

    private void TraceInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (invocation.Instance is { } instance && method.Name == "ToString" && AsException(instance, 0) is { } owner)
        {
            Report(invocation, ExceptionLeakKind.Details, owner);
            return;
        }

        // String building and serialization carry their inputs into their result; other calls are not followed.
        var type = method.ContainingType;
        var carries = method.Name == "ToString"
            || type?.SpecialType == SpecialType.System_String
            || type?.Name is "StringBuilder" or "JsonSerializer" or "JsonConvert" or "Enumerable"
            || invocation.Instance?.Type?.SpecialType == SpecialType.System_String;
        if (!carries)
        {
            return;
        }

        Trace(invocation.Instance, depth);
        foreach (var argument in invocation.Arguments)
        {
            Trace(argument.Value, depth);
        }
    }

    private void TraceLocal(ILocalSymbol local, int depth)
    {
        if (!(tracedLocals ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(local))
        {
            return;
        }

        foreach (var operation in (localWrites ??= members.LocalWritesOf(root)).To(local))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    Trace(declarator.Initializer?.Value, depth);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    Trace(assignment.Value, depth);
                    break;
                case IAssignmentOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } write
                    when LocalWrites.RootInstance(write.Target) is ILocalReferenceOperation owner && SymbolEqualityComparer.Default.Equals(owner.Local, local):
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

    private void Report(IOperation value, ExceptionLeakKind kind, Origin origin)
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

    /// <summary>What a value is when it is a handled exception: its static type and whether it is an inner exception.</summary>
    private Origin? AsException(IOperation? operation, int depth)
    {
        operation = operation.WithoutConversions();
        if (operation is null || depth > MaxDepth || operation.Type is not { } type || !type.IsExceptionType())
        {
            // A conditional access (feature?.Error) has the type of its result; look inside before giving up.
            if (operation is IConditionalAccessOperation access && depth <= MaxDepth)
            {
                return AsException(access.WhenNotNull, depth + 1);
            }

            return null;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return AsExceptionLocal(local, depth);
            case IParameterReferenceOperation parameter
                when parameter.Parameter.ContainingSymbol is IMethodSymbol method && HandlerContext.IsExceptionHandlerMethod(method, types):
                return new Origin(type, inner: false, operation);
            case IPropertyReferenceOperation property:
                var name = property.Property.Name;
                if ((name == "Error" && property.Property.ContainingType.Implements(types.ExceptionHandlerFeature))
                    || (name == "Exception" && IsExceptionContext(property.Property.ContainingType)))
                {
                    return new Origin(type, inner: false, operation);
                }

                if (name == "InnerException" && AsException(property.Instance, depth + 1) is { } outer)
                {
                    return new Origin(type, inner: true, outer.Reference);
                }

                return null;
            case IInvocationOperation { TargetMethod.Name: "GetBaseException", Instance: { } instance } when AsException(instance, depth + 1) is { } outerOfBase:
                return new Origin(type, inner: true, outerOfBase.Reference);
            case IConditionalAccessOperation conditionalAccess:
                return AsException(conditionalAccess.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation enclosing)
                    {
                        return AsException(enclosing.Operation, depth + 1);
                    }
                }

                return null;
            case ICoalesceOperation coalesce:
                return AsException(coalesce.Value, depth + 1) ?? AsException(coalesce.WhenNull, depth + 1);
            default:
                return null;
        }
    }

    private Origin? AsExceptionLocal(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        foreach (var syntaxReference in local.DeclaringSyntaxReferences)
        {
            if (syntaxReference.GetSyntax() is CatchDeclarationSyntax)
            {
                return new Origin(local.Type, inner: false, reference);
            }
        }

        foreach (var operation in (localWrites ??= members.LocalWritesOf(root)).To(local))
        {
            IOperation? source = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local) => PatternInput(pattern),
                IRecursivePatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local) => PatternInput(pattern),
                _ => null,
            };
            if (source is not null && !ReferenceEquals(source, reference) && AsException(source, depth + 1) is { } origin)
            {
                // The local's own type is what the code narrowed it to (if (error is DbException db)).
                return new Origin(local.Type, origin.Inner, origin.Inner ? origin.Reference : reference);
            }
        }

        return null;
    }

    private static IOperation? PatternInput(IOperation pattern)
    {
        for (var parent = pattern.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Value;
                case ISwitchOperation switchStatement:
                    return switchStatement.Value;
                case IPropertySubpatternOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The contexts whose <c>Exception</c> is the one being handled: an MVC exception filter's, the problem-details writer's,
    /// the developer exception page's, and <c>ExceptionHandlerContext</c>, which is no ASP.NET Core type and is known by name.
    /// </summary>
    private bool IsExceptionContext(INamedTypeSymbol? type)
        => type.InheritsFrom(types.ExceptionContext) || type.Is(types.ProblemDetailsContext) || type.Is(types.ErrorContext)
            || type?.Name == "ExceptionHandlerContext";

    private sealed class Origin
    {
        public Origin(ITypeSymbol? type, bool inner, IOperation reference)
        {
            Type = type;
            Inner = inner;
            Reference = reference;
        }

        public ITypeSymbol? Type { get; }

        public bool Inner { get; }

        /// <summary>The reference to the handled exception itself (the outer one for inner exceptions).</summary>
        public IOperation Reference { get; }
    }
}
