using ErrorLint.Operations;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>The function a response is produced in, and what ASP.NET Core uses it for.</summary>
internal sealed class HandlerContext
{
    private HandlerContext(HandlerKind kind, HandlerKind functionKind, IOperation function, ISymbol? containingSymbol)
    {
        Kind = kind;
        FunctionKind = functionKind;
        Function = function;
        ContainingSymbol = containingSymbol;
    }

    /// <summary>The kind of the nearest enclosing handler, looking through nested lambdas.</summary>
    public HandlerKind Kind { get; }

    /// <summary>The kind of the innermost function itself: a lambda nested in a handler (a <c>Select</c> callback) is <see cref="HandlerKind.Other"/>.</summary>
    public HandlerKind FunctionKind { get; }

    /// <summary>The innermost lambda or local function around the operation, else the root of the member body.</summary>
    public IOperation Function { get; }

    /// <summary>The member the code is declared in (the method, property or field initializer).</summary>
    public ISymbol? ContainingSymbol { get; }

    /// <summary>
    /// True for a minimal-API endpoint, or a controller action as MVC routes one: a public instance method. What a
    /// controller's private helper returns goes to its caller, not to the client.
    /// </summary>
    public bool IsRoutedAction
        => FunctionKind == HandlerKind.Endpoint
            || (FunctionKind == HandlerKind.ControllerAction
                && ContainingSymbol is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, MethodKind: MethodKind.Ordinary });

    public static HandlerContext Of(IOperation operation, ISymbol? containingSymbol, WellKnownTypes types)
    {
        IOperation? function = null;
        HandlerKind? functionKind = null;
        var kind = HandlerKind.Other;
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent.IsFunction())
            {
                function ??= parent;
                var lambdaKind = parent is IAnonymousFunctionOperation lambda ? KindOfLambda(lambda) : HandlerKind.Other;
                functionKind ??= lambdaKind;
                if (lambdaKind == HandlerKind.ExceptionHandler || kind == HandlerKind.Other)
                {
                    kind = lambdaKind;
                }
            }

            current = parent;
        }

        var memberKind = KindOfMember(containingSymbol as IMethodSymbol, types);
        if (kind == HandlerKind.Other)
        {
            kind = memberKind;
        }

        return new HandlerContext(kind, functionKind ?? memberKind, function ?? current, containingSymbol);
    }

    private static HandlerKind KindOfLambda(IAnonymousFunctionOperation lambda)
    {
        if (PipelineCalls.CallReceiving(lambda) is not { } invocation)
        {
            return HandlerKind.Other;
        }

        var name = invocation.TargetMethod.Name;
        return name == "UseExceptionHandler" ? HandlerKind.ExceptionHandler
            : PipelineCalls.IsMiddlewareName(name) ? HandlerKind.Middleware
            : PipelineCalls.IsMapName(name) ? HandlerKind.Endpoint
            : HandlerKind.Other;
    }

    private static HandlerKind KindOfMember(IMethodSymbol? method, WellKnownTypes types)
    {
        var type = method?.ContainingType;
        if (method is null || type is null)
        {
            return HandlerKind.Other;
        }

        if (IsControllerType(type, types))
        {
            return HandlerKind.ControllerAction;
        }

        if (type.InheritsFrom(types.PageModel))
        {
            return HandlerKind.PageHandler;
        }

        switch (method.Name)
        {
            case "TryHandleAsync" when IsExceptionHandlerMethod(method, types):
                return HandlerKind.ExceptionHandler;
            case "Invoke" or "InvokeAsync" when method.Parameters.Length > 0 && method.Parameters[0].Type.Is(types.HttpContext):
                return HandlerKind.Middleware;
            case "OnException" or "OnExceptionAsync" or "OnActionExecuting" or "OnActionExecuted" or "OnActionExecutionAsync"
                or "OnResultExecuting" or "OnResourceExecuting" or "OnAuthorization" or "OnAuthorizationAsync":
                return HandlerKind.Filter;
            default:
                return HandlerKind.Other;
        }
    }

    /// <summary>
    /// A controller: a <c>ControllerBase</c> subclass, or, where a base class comes from a package that is not restored
    /// (an OData or versioning controller base), a class named <c>...Controller</c> whose base chain ends in that
    /// unresolved type. MVC discovers controllers by that suffix, and the bound base would be a <c>ControllerBase</c>.
    /// </summary>
    public static bool IsControllerType(INamedTypeSymbol type, WellKnownTypes types)
    {
        if (type.InheritsFrom(types.ControllerBase))
        {
            return true;
        }

        // An abstract one too: its public methods are the actions of the controllers that derive from it.
        if (!type.Name.EndsWith("Controller", System.StringComparison.Ordinal))
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.TypeKind == TypeKind.Error)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An <c>IExceptionHandler.TryHandleAsync</c> implementation, which is handed the exception to answer.</summary>
    public static bool IsExceptionHandlerMethod(IMethodSymbol method, WellKnownTypes types)
        => method.Name == "TryHandleAsync" && method.ContainingType.Implements(types.ExceptionHandler);
}
