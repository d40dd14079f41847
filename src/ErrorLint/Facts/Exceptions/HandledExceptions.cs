using System.Collections.Generic;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Exceptions;

/// <summary>
/// Where a handled exception enters a member body: the <c>catch</c> variable, <c>IExceptionHandlerFeature.Error</c>,
/// <c>context.Exception</c> of an exception filter or problem-details writer, the exception parameter of
/// <c>IExceptionHandler.TryHandleAsync</c>, the exception parameter of a private helper a catch hands its exception to
/// (<see cref="CaughtExceptionParameters"/>), and what is read from them (inner exceptions, locals, pattern variables).
/// </summary>
internal sealed class HandledExceptions
{
    private const int MaxDepth = 12;

    private readonly IOperation root;
    private readonly WellKnownTypes types;
    private readonly MemberWalkCache members;
    private readonly IMethodSymbol? helper;
    private readonly CaughtExceptionParameters caughtParameters;
    private LocalWrites? localWrites;

    /// <param name="helper">A helper whose exception parameters count as handled exceptions (<see cref="HelperParameterFlows"/>).</param>
    public HandledExceptions(IOperation root, ResponseModel model, IMethodSymbol? helper = null)
    {
        this.root = root;
        this.helper = helper;
        caughtParameters = model.CaughtParameters;
        types = model.Types;
        members = model.Members;
    }

    /// <summary>The declarators, assignments, member writes, appends and pattern declarations of a local of the body.</summary>
    public IReadOnlyList<IOperation> WritesTo(ILocalSymbol local) => (localWrites ??= members.LocalWritesOf(root)).To(local);

    /// <summary>What a value is when it is a handled exception: its static type and whether it is an inner exception.</summary>
    public HandledException? Of(IOperation? operation) => Of(operation, 0);

    private HandledException? Of(IOperation? operation, int depth)
    {
        operation = operation.WithoutConversions();
        if (operation is null || depth > MaxDepth || operation.Type is not { } type || !type.IsExceptionType())
        {
            // A conditional access (feature?.Error) has the type of its result; look inside before giving up.
            if (operation is IConditionalAccessOperation access && depth <= MaxDepth)
            {
                return Of(access.WhenNotNull, depth + 1);
            }

            return null;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return OfLocal(local, depth);
            case IParameterReferenceOperation parameter
                when parameter.Parameter.ContainingSymbol is IMethodSymbol method
                    && (HandlerContext.IsExceptionHandlerMethod(method, types) || SymbolEqualityComparer.Default.Equals(method, helper)
                        || (method.DeclaredAccessibility == Accessibility.Private && caughtParameters.ReceivesCaughtException(parameter.Parameter))):
                return new HandledException(type, inner: false, operation);
            case IPropertyReferenceOperation property:
                var name = property.Property.Name;
                if ((name == "Error" && property.Property.ContainingType.Implements(types.ExceptionHandlerFeature))
                    || (name == "Exception" && IsExceptionContext(property.Property.ContainingType)))
                {
                    return new HandledException(type, inner: false, operation);
                }

                if (name == "InnerException" && Of(property.Instance, depth + 1) is { } outer)
                {
                    return new HandledException(type, inner: true, outer.Reference);
                }

                return null;
            case IInvocationOperation { TargetMethod.Name: "GetBaseException", Instance: { } instance } when Of(instance, depth + 1) is { } outerOfBase:
                return new HandledException(type, inner: true, outerOfBase.Reference);
            case IConditionalAccessOperation conditionalAccess:
                return Of(conditionalAccess.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation enclosing)
                    {
                        return Of(enclosing.Operation, depth + 1);
                    }
                }

                return null;
            case ICoalesceOperation coalesce:
                return Of(coalesce.Value, depth + 1) ?? Of(coalesce.WhenNull, depth + 1);
            default:
                return null;
        }
    }

    private HandledException? OfLocal(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        foreach (var syntaxReference in local.DeclaringSyntaxReferences)
        {
            if (syntaxReference.GetSyntax() is CatchDeclarationSyntax)
            {
                return new HandledException(local.Type, inner: false, reference);
            }
        }

        foreach (var operation in WritesTo(local))
        {
            IOperation? source = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local) => PatternInput(pattern),
                IRecursivePatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local) => PatternInput(pattern),
                _ => null,
            };
            if (source is not null && !ReferenceEquals(source, reference) && Of(source, depth + 1) is { } origin)
            {
                // The local's own type is what the code narrowed it to (if (error is DbException db)).
                return new HandledException(local.Type, origin.Inner, origin.Inner ? origin.Reference : reference);
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
}

/// <summary>A handled exception a value is, or is read from.</summary>
internal sealed class HandledException
{
    public HandledException(ITypeSymbol? type, bool inner, IOperation reference)
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
