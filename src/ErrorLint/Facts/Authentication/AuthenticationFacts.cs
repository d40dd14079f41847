using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Authentication;

/// <summary>What a fact about the signed-in user is about.</summary>
internal enum AuthFactKind
{
    /// <summary>The request carries an authenticated principal (<c>User.Identity.IsAuthenticated</c>, a user id claim, <c>GetUserAsync(User)</c> not null).</summary>
    Authenticated,

    /// <summary>A permission check on the principal (<c>IsInRole</c>, <c>HasClaim</c>, <c>AuthorizationResult.Succeeded</c>, ownership).</summary>
    PermissionGranted,
}

/// <summary>One thing known about the user on a code path, with the code that says it.</summary>
internal sealed class AuthFact
{
    public AuthFact(AuthFactKind kind, bool value, IOperation source, IOperation? principal)
    {
        Kind = kind;
        Value = value;
        Source = source;
        Principal = principal;
    }

    public AuthFactKind Kind { get; }

    public bool Value { get; }

    /// <summary>The check the fact comes from, for messages.</summary>
    public IOperation Source { get; }

    /// <summary>The <c>ClaimsPrincipal</c> the check is about, when the code names it (<c>User</c>, <c>context.User</c>).</summary>
    public IOperation? Principal { get; }

    public AuthFact Negate() => new(Kind, !Value, Source, Principal);

    /// <summary>"the check 'User.IsInRole("Admin")' failed", "'User.Identity.IsAuthenticated' is false".</summary>
    public string Describe()
    {
        var text = Source.Syntax.ToString();
        if (text.Length > 60)
        {
            text = text.Substring(0, 57) + "...";
        }

        return Kind == AuthFactKind.PermissionGranted
            ? (Value ? $"the check '{text}' succeeded" : $"the check '{text}' failed")
            : $"'{text}' shows the user is {(Value ? "signed in" : "not signed in")}";
    }
}

/// <summary>
/// The authentication and authorization state on the path to a response: which permission checks failed,
/// whether the user is known to be signed in or anonymous, and whether the endpoint requires authorization.
/// Reasons over <c>if</c>/<c>else</c>, early-return guards, ternaries, switch expression arms and <c>&amp;&amp;</c>/<c>||</c>.
/// </summary>
internal sealed class AuthenticationFacts
{
    // Beyond this many alternative paths the condition is treated as unknown: precision over recall.
    private const int MaxAlternatives = 16;
    private const int MaxLocalDepth = 3;

    private static readonly ConditionalWeakTable<WellKnownTypes, AuthenticationFacts> Cache = new();

    private static readonly string[] PermissionMethodPrefixes =
    {
        "HasPermission", "IsAuthorized", "IsAllowed", "CanAccess", "HasAccess", "IsOwner", "HasRole", "IsInRole", "HasClaim", "CheckPermission", "Can",
    };

    private static readonly HashSet<string> UserIdClaimTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", "sub", "oid", "uid", "user_id", "userid", "id",
    };

    private readonly WellKnownTypes types;

    private AuthenticationFacts(WellKnownTypes types)
    {
        this.types = types;
    }

    public static AuthenticationFacts For(ResponseModel model) => Cache.GetValue(model.Types, static t => new AuthenticationFacts(t));

    /// <summary>How a fix names a framework helper in the style of the response it replaces: <c>Forbid()</c>, <c>Results.Forbid()</c>, <c>new ForbidResult()</c>.</summary>
    public static string HelperText(ResponseStyle style, string helper, int status) => style switch
    {
        ResponseStyle.Controller or ResponseStyle.RazorPage => helper + "()",
        ResponseStyle.Results => "Results." + helper + "()",
        ResponseStyle.TypedResults => "TypedResults." + helper + "()",
        ResponseStyle.ResultObject => "new " + helper + "Result()",
        _ => "status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The facts that hold where <paramref name="operation"/> runs, from the conditions that lead to it in its function.</summary>
    public PathFacts OnPathTo(IOperation operation)
    {
        var alternatives = Unknown();
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent.IsFunction())
            {
                break;
            }

            switch (parent)
            {
                case IConditionalOperation conditional when child == conditional.WhenTrue:
                    alternatives = And(alternatives, Implied(conditional.Condition, true, 0));
                    break;
                case IConditionalOperation conditional when child == conditional.WhenFalse:
                    alternatives = And(alternatives, Implied(conditional.Condition, false, 0));
                    break;
                case IBlockOperation block:
                    alternatives = And(alternatives, GuardsBefore(block, child));
                    break;
                case ISwitchExpressionArmOperation arm when arm.Parent is ISwitchExpressionOperation switchExpression && child == arm.Value:
                    alternatives = And(alternatives, ArmFacts(switchExpression, arm));
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when child == conjunction.RightOperand:
                    alternatives = And(alternatives, Implied(conjunction.LeftOperand, true, 0));
                    break;
            }
        }

        return new PathFacts(alternatives);
    }

    /// <summary>
    /// Whether the endpoint the operation runs in requires an authenticated user: <c>[Authorize]</c> on the action,
    /// page model, lambda or their classes (and no <c>[AllowAnonymous]</c>), or <c>RequireAuthorization()</c> on the
    /// <c>Map*</c> call or its route group.
    /// </summary>
    public bool RequiresAuthorization(IOperation operation, ISymbol? containingSymbol)
    {
        var required = false;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            switch (AuthorizationOf(lambda.Symbol))
            {
                case false:
                    return false;
                case true:
                    required = true;
                    break;
            }

            if (PipelineCalls.MapCallOf(lambda) is { } map)
            {
                switch (ChainAuthorization(map, 0))
                {
                    case false:
                        return false;
                    case true:
                        required = true;
                        break;
                }
            }
        }

        if (containingSymbol is IMethodSymbol method)
        {
            switch (AuthorizationOf(method))
            {
                case false:
                    return false;
                case true:
                    required = true;
                    break;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                switch (AuthorizationOf(type))
                {
                    case false:
                        return false;
                    case true:
                        required = true;
                        break;
                }
            }
        }

        return required;
    }

    /// <summary>Whether a call of this name may take authentication schemes (<c>Forbid</c>, <c>ChallengeAsync</c>, ...); the type is checked after.</summary>
    public static bool IsSchemeCallName(string? name)
        => name is "Forbid" or "Challenge" or "SignOut" or "ForbidAsync" or "ChallengeAsync" or "SignOutAsync";

    /// <summary>
    /// The argument of a framework authentication call (<c>Forbid</c>, <c>Challenge</c>, <c>SignOut</c>, their
    /// <c>Results</c>/<c>TypedResults</c>/result-object forms, <c>HttpContext.ForbidAsync</c> and friends) that takes
    /// scheme names; null when the call is not one, e.g. the application's own <c>Forbid(string message)</c>.
    /// </summary>
    public IArgumentOperation? SchemeArgument(IOperation operation)
    {
        // Asked of every call and creation of every body: the name is read before the type.
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (!IsSchemeCallName(method.Name))
                {
                    return null;
                }

                var declaring = method.ContainingType;
                if (!declaring.Is(types.ControllerBase) && !declaring.Is(types.PageModel)
                    && !declaring.Is(types.Results) && !declaring.Is(types.TypedResults)
                    && !declaring.Is(types.AuthenticationHttpContextExtensions))
                {
                    return null;
                }

                arguments = invocation.Arguments;
                break;
            case IObjectCreationOperation { Type: { Name: "ForbidResult" or "ChallengeResult" or "SignOutResult" } created } creation
                when created.Is(types.ForbidResult) || created.Is(types.ChallengeResult) || created.Is(types.SignOutResult):
                arguments = creation.Arguments;
                break;
            default:
                return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name is "authenticationSchemes" or "authenticationScheme" or "scheme"
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The values passed as scheme names: the elements of a <c>params</c> array or collection, or the single value.</summary>
    public static IEnumerable<IOperation> SchemeValues(IArgumentOperation argument)
    {
        var value = argument.Value.WithoutImplicitConversions();
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    yield return element.WithoutImplicitConversions()!;
                }

                break;
            case IObjectCreationOperation { Initializer: { } collection }:
                foreach (var element in collection.Initializers)
                {
                    if (element is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        yield return add.Arguments[0].Value.WithoutImplicitConversions()!;
                    }
                }

                break;
            case null:
                break;
            default:
                if (value.Type?.SpecialType == SpecialType.System_String)
                {
                    yield return value;
                }
                else if (value.Kind.ToString() == "CollectionExpression")
                {
                    // A collection expression (C# 12) is not modelled by the Roslyn version analyzers build against; read its elements from the tree.
                    foreach (var element in value.ChildOperations)
                    {
                        if (element.WithoutImplicitConversions() is { Type.SpecialType: SpecialType.System_String } text)
                        {
                            yield return text;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>Whether a value passed as a scheme name is evidently a human message: a sentence, an interpolated message, a localized or exception message.</summary>
    public bool IsEvidentlyMessage(IOperation value)
    {
        value = value.WithoutImplicitConversions()!;
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return LooksLikeSentence(text);
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string piece } && LooksLikeSentence(piece))
                    {
                        return true;
                    }
                }

                return false;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return IsEvidentlyMessage(concatenation.LeftOperand) || IsEvidentlyMessage(concatenation.RightOperand);
            case IPropertyReferenceOperation property:
                return IsMessageProperty(property);
            case IInvocationOperation { TargetMethod: { Name: "Format", ContainingType.SpecialType: SpecialType.System_String } }:
                return true;
            case IInvocationOperation { TargetMethod.Name: "GetString", Instance.Type.Name: "ResourceManager" }:
                return true;
            default:
                return false;
        }
    }

    private bool IsMessageProperty(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;

        // ex.Message, localizer["..."] / localizer["..."].Value, Resources.AccessDenied (a .resx designer class).
        if (symbol.Name == "Message" && symbol.ContainingType.IsExceptionType())
        {
            return true;
        }

        if (symbol.IsIndexer && symbol.ContainingType.Name is "IStringLocalizer" or "IStringLocalizer`1" or "IHtmlLocalizer" or "IHtmlLocalizer`1")
        {
            return true;
        }

        if (symbol.Name == "Value" && symbol.ContainingType.Name == "LocalizedString")
        {
            return true;
        }

        if (property.Parent is IConversionOperation { Operand.Type.Name: "LocalizedString" })
        {
            return true;
        }

        return symbol.IsStatic && symbol.Type.SpecialType == SpecialType.System_String
            && symbol.ContainingType.GetMembers("ResourceManager").Length > 0;
    }

    private static bool LooksLikeSentence(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '!' or '?' or '\'' or '"')
            {
                return true;
            }
        }

        return text.EndsWith(".", StringComparison.Ordinal);
    }

    private bool? AuthorizationOf(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return null;
        }

        bool? result = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.Implements(types.AllowAnonymous))
            {
                return false;
            }

            if (attribute.AttributeClass.Implements(types.AuthorizeData))
            {
                result = true;
            }
        }

        return result;
    }

    /// <summary><c>RequireAuthorization()</c>/<c>AllowAnonymous()</c> on a <c>Map*</c> call, the calls chained on it, and the route group it is mapped on.</summary>
    private bool? ChainAuthorization(IInvocationOperation map, int depth)
    {
        bool? result = null;

        // Calls chained after the Map call: app.MapGet(...).RequireAuthorization().WithName(...).
        foreach (var chained in PipelineCalls.ChainedOn(map))
        {
            switch (chained.TargetMethod.Name)
            {
                case "AllowAnonymous":
                    return false;
                case "RequireAuthorization":
                    result = true;
                    break;
            }
        }

        return Combine(result, ReceiverAuthorization(map, depth));
    }

    /// <summary>The route builder a call is made on: <c>group</c> in <c>group.MapGet(...)</c>, read back to <c>app.MapGroup(...).RequireAuthorization()</c>.</summary>
    private bool? ReceiverAuthorization(IInvocationOperation call, int depth)
    {
        if (depth > MaxLocalDepth || call.Arguments.Length == 0 || !call.TargetMethod.IsExtensionMethod)
        {
            return null;
        }

        var receiver = call.Arguments[0].Value.WithoutImplicitConversions();
        if (receiver is ILocalReferenceOperation local)
        {
            receiver = InitializerOf(local.Local, receiver, depth);
        }

        bool? result = null;
        while (receiver is IInvocationOperation invocation && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            switch (invocation.TargetMethod.Name)
            {
                case "AllowAnonymous":
                    return false;
                case "RequireAuthorization":
                    result = true;
                    break;
            }

            if (invocation.TargetMethod.Name == "MapGroup")
            {
                return Combine(result, ReceiverAuthorization(invocation, depth + 1));
            }

            receiver = invocation.Arguments[0].Value.WithoutImplicitConversions();
        }

        return result;
    }

    private static bool? Combine(bool? first, bool? second)
        => first == false || second == false ? false : first == true || second == true ? true : null;

    private static IOperation? InitializerOf(ILocalSymbol local, IOperation reference, int depth)
    {
        if (depth > MaxLocalDepth || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } semanticModel)
        {
            return null;
        }

        var declarator = local.DeclaringSyntaxReferences[0].GetSyntax();
        if (declarator.SyntaxTree != semanticModel.SyntaxTree)
        {
            return null;
        }

        return semanticModel.GetOperation(declarator) is IVariableDeclaratorOperation { Initializer.Value: { } value }
            ? value.WithoutImplicitConversions()
            : null;
    }

    private List<List<AuthFact>> GuardsBefore(IBlockOperation block, IOperation child)
    {
        var alternatives = Unknown();
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                break;
            }

            if (statement is IConditionalOperation { WhenFalse: null } guard && AlwaysExits(guard.WhenTrue))
            {
                alternatives = And(alternatives, Implied(guard.Condition, false, 0));
            }
        }

        return alternatives;
    }

    private static bool AlwaysExits(IOperation operation)
    {
        while (operation is IBlockOperation block)
        {
            if (block.Operations.Length == 0)
            {
                return false;
            }

            operation = block.Operations[block.Operations.Length - 1];
        }

        return operation is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
    }

    /// <summary>What holds in a switch expression arm: its <c>when</c> clause, and its pattern on the switched value.</summary>
    private List<List<AuthFact>> ArmFacts(ISwitchExpressionOperation switchExpression, ISwitchExpressionArmOperation arm)
    {
        var alternatives = Unknown();
        if (arm.Guard is { } guard)
        {
            alternatives = And(alternatives, Implied(guard, true, 0));
        }

        if (arm.Pattern is IDiscardPatternOperation && arm.Guard is null)
        {
            // `_` after a single bool arm: `check switch { true => ..., _ => ... }`.
            var index = switchExpression.Arms.IndexOf(arm);
            if (index == 1 && switchExpression.Arms[0] is { Guard: null, Pattern: var first })
            {
                alternatives = And(alternatives, PatternFacts(switchExpression.Value, first, false, 0));
            }

            return alternatives;
        }

        return And(alternatives, PatternFacts(switchExpression.Value, arm.Pattern, true, 0));
    }

    /// <summary>The facts that hold when <paramref name="condition"/> evaluates to <paramref name="value"/>, as alternatives (a disjunction of conjunctions).</summary>
    private List<List<AuthFact>> Implied(IOperation condition, bool value, int depth)
    {
        condition = condition.WithoutImplicitConversions()!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implied(not.Operand, !value, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when IsBoolean(conjunction):
                return value
                    ? And(Implied(conjunction.LeftOperand, true, depth), Implied(conjunction.RightOperand, true, depth))
                    : Or(Implied(conjunction.LeftOperand, false, depth), And(Implied(conjunction.LeftOperand, true, depth), Implied(conjunction.RightOperand, false, depth)));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when IsBoolean(disjunction):
                return value
                    ? Or(Implied(disjunction.LeftOperand, true, depth), And(Implied(disjunction.LeftOperand, false, depth), Implied(disjunction.RightOperand, true, depth)))
                    : And(Implied(disjunction.LeftOperand, false, depth), Implied(disjunction.RightOperand, false, depth));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return Comparison(comparison, value, depth);
            case IIsPatternOperation isPattern:
                return PatternFacts(isPattern.Value, isPattern.Pattern, value, depth);
            case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_Boolean:
                return InitializerOf(local.Local, local, depth) is { } initializer ? Implied(initializer, value, depth + 1) : Unknown();
            case IInvocationOperation { TargetMethod: { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String } } isNullOrEmpty
                when isNullOrEmpty.Arguments.Length == 1 && IsUserIdentity(isNullOrEmpty.Arguments[0].Value, depth):
                return Single(new AuthFact(AuthFactKind.Authenticated, !value, condition, null));
            default:
                return BooleanAtom(condition) is { } fact ? Single(value ? fact : fact.Negate()) : Unknown();
        }
    }

    private List<List<AuthFact>> Comparison(IBinaryOperation comparison, bool value, int depth)
    {
        var left = comparison.LeftOperand.WithoutImplicitConversions()!;
        var right = comparison.RightOperand.WithoutImplicitConversions()!;
        var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
        if (left.ConstantValue is { HasValue: true })
        {
            (left, right) = (right, left);
        }

        if (right.ConstantValue is { HasValue: true, Value: bool constant })
        {
            var nullable = left.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || left is IConditionalAccessOperation;
            if (equals == value)
            {
                // x == c holds, or x != c fails: x is c.
                return Implied(left, constant, depth);
            }

            // x is not c: !c, or null for a nullable, and a null principal or identity counts as not signed in.
            return constant ? Implied(left, false, depth) : nullable ? Unknown() : Implied(left, true, depth);
        }

        if (right.ConstantValue is { HasValue: true, Value: null })
        {
            return IsUserIdentity(left, depth) ? Single(new AuthFact(AuthFactKind.Authenticated, equals != value, comparison, null)) : Unknown();
        }

        // Resource ownership: item.OwnerId == userId.
        if (IsUserIdentity(left, depth) || IsUserIdentity(right, depth))
        {
            return Single(new AuthFact(AuthFactKind.PermissionGranted, equals == value, comparison, null));
        }

        return Unknown();
    }

    private List<List<AuthFact>> PatternFacts(IOperation subject, IPatternOperation pattern, bool matches, int depth)
    {
        switch (pattern)
        {
            case INegatedPatternOperation negated:
                return PatternFacts(subject, negated.Pattern, !matches, depth);
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } }:
                return Implied(subject, constant == matches, depth);
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }:
                return IsUserIdentity(subject, depth) ? Single(new AuthFact(AuthFactKind.Authenticated, !matches, subject, null)) : Unknown();
            case IRecursivePatternOperation recursive when recursive.PropertySubpatterns.Length > 0:
                if (!matches && recursive.PropertySubpatterns.Length != 1)
                {
                    return Unknown();
                }

                var alternatives = Unknown();
                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    if (subpattern is { Member: IPropertyReferenceOperation { Property: { } property } member, Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } } }
                        && PropertyFact(property, member, subject) is { } fact)
                    {
                        alternatives = And(alternatives, Single(constant == matches ? fact : fact.Negate()));
                    }
                }

                return alternatives;
            default:
                return Unknown();
        }
    }

    /// <summary>A boolean expression that is itself a check: <c>User.Identity.IsAuthenticated</c>, <c>User.IsInRole(...)</c>, <c>result.Succeeded</c>.</summary>
    private AuthFact? BooleanAtom(IOperation operation)
    {
        operation = operation.WithoutImplicitConversions()!;
        switch (operation)
        {
            case IAwaitOperation awaited:
                return BooleanAtom(awaited.Operation) is { } inner ? new AuthFact(inner.Kind, inner.Value, operation, inner.Principal) : null;
            case IConditionalAccessOperation conditionalAccess:
                return conditionalAccess.WhenNotNull.WithoutImplicitConversions() is IPropertyReferenceOperation accessed
                    ? PropertyFact(accessed.Property, operation, conditionalAccess.Operation)
                    : null;
            case IPropertyReferenceOperation property:
                return PropertyFact(property.Property, operation, property.Instance);
            case IInvocationOperation invocation:
                return InvocationFact(invocation);
            default:
                return null;
        }
    }

    private AuthFact? PropertyFact(IPropertySymbol property, IOperation source, IOperation? instance)
    {
        if (property.Name == "IsAuthenticated" && property.ContainingType.Implements(types.Identity))
        {
            // User.Identity.IsAuthenticated: the principal is the instance of Identity.
            var principal = instance.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "Identity" } identity ? identity.Instance : null;
            return new AuthFact(AuthFactKind.Authenticated, true, source, principal);
        }

        // AuthorizationResult.Succeeded is a permission check; SignInResult/IdentityResult.Succeeded are sign-in outcomes, not permission.
        if (property.Name == "Succeeded" && property.ContainingType.InheritsFrom(types.AuthorizationResult))
        {
            return new AuthFact(AuthFactKind.PermissionGranted, true, source, null);
        }

        return null;
    }

    private AuthFact? InvocationFact(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null || !ReturnsBoolean(method))
        {
            return null;
        }

        if (method.Name is "IsInRole" or "HasClaim" && type.InheritsFrom(types.ClaimsPrincipal))
        {
            return new AuthFact(AuthFactKind.PermissionGranted, true, invocation, invocation.Instance);
        }

        if (method.Name == "IsSignedIn" && type.Is(types.SignInManager))
        {
            return new AuthFact(AuthFactKind.Authenticated, true, invocation, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        }

        if (type.Is(types.UserManager) || type.Is(types.SignInManager))
        {
            // IsInRoleAsync is a permission check; CheckPasswordAsync, IsLockedOutAsync and the like are about credentials.
            return method.Name == "IsInRoleAsync" ? new AuthFact(AuthFactKind.PermissionGranted, true, invocation, null) : null;
        }

        if (IsFrameworkType(type))
        {
            return null;
        }

        foreach (var prefix in PermissionMethodPrefixes)
        {
            if (method.Name.StartsWith(prefix, StringComparison.Ordinal)
                && (method.Name.Length == prefix.Length || char.IsUpper(method.Name[prefix.Length])))
            {
                return new AuthFact(AuthFactKind.PermissionGranted, true, invocation, null);
            }
        }

        return null;
    }

    private static bool ReturnsBoolean(IMethodSymbol method)
        => method.ReturnType.SpecialType == SpecialType.System_Boolean
            || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 1 } task && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        // The outermost namespace decides; read by name rather than by building the namespace's full name.
        var outermost = type.ContainingNamespace;
        while (outermost?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            outermost = parent;
        }

        var name = outermost is { IsGlobalNamespace: false } ? outermost.Name : string.Empty;
        return name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal);
    }

    /// <summary>
    /// An expression that identifies the signed-in user: the user id claim (<c>User.FindFirstValue(ClaimTypes.NameIdentifier)</c>,
    /// <c>User.FindFirst("sub")?.Value</c>), <c>UserManager.GetUserId(User)</c>, <c>await UserManager.GetUserAsync(User)</c>,
    /// <c>User.Identity.Name</c>, the <c>Id</c> of that user, or a local initialized from one.
    /// </summary>
    private bool IsUserIdentity(IOperation? operation, int depth)
    {
        operation = operation.WithoutImplicitConversions();
        switch (operation)
        {
            case null:
                return false;
            case ILocalReferenceOperation local:
                return depth < MaxLocalDepth && IsUserIdentity(InitializerOf(local.Local, local, depth), depth + 1);
            case IAwaitOperation awaited:
                return IsUserIdentity(awaited.Operation, depth);
            case IConditionalAccessOperation conditionalAccess:
                return conditionalAccess.WhenNotNull.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "Value" or "Id" or "Name" } accessed
                    && IsUserIdentityMember(accessed.Property, conditionalAccess.Operation, depth);
            case IPropertyReferenceOperation property:
                return IsUserIdentityMember(property.Property, property.Instance, depth);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.Name is "GetUserId" or "GetUserAsync" && method.ContainingType.Is(types.UserManager))
                {
                    return true;
                }

                if (method.Name is "FindFirstValue" or "FindFirst" && ClaimTypeArgument(invocation) is { } claimType)
                {
                    return UserIdClaimTypes.Contains(claimType);
                }

                // int.Parse(userId), Guid.Parse(userId).
                return method.Name is "Parse" && invocation.Arguments.Length > 0 && IsUserIdentity(invocation.Arguments[0].Value, depth);
            default:
                return false;
        }
    }

    private bool IsUserIdentityMember(IPropertySymbol property, IOperation? instance, int depth)
        => property.Name switch
        {
            "Value" => property.ContainingType.Is(types.Claim) && IsUserIdentity(instance, depth),
            "Name" => property.ContainingType.Implements(types.Identity),
            "Id" => IsUserIdentity(instance, depth),
            _ => false,
        };

    private static string? ClaimTypeArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String
                && argument.Value.ConstantValue is { HasValue: true, Value: string claimType })
            {
                return claimType;
            }
        }

        return null;
    }

    private static bool IsBoolean(IBinaryOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

    private static List<List<AuthFact>> Unknown() => new() { new List<AuthFact>() };

    private static List<List<AuthFact>> Single(AuthFact fact) => new() { new List<AuthFact> { fact } };

    private static List<List<AuthFact>> Or(List<List<AuthFact>> first, List<List<AuthFact>> second)
    {
        var result = new List<List<AuthFact>>(first);
        result.AddRange(second);
        return result.Count > MaxAlternatives ? Unknown() : result;
    }

    private static List<List<AuthFact>> And(List<List<AuthFact>> first, List<List<AuthFact>> second)
    {
        if (first.Count * second.Count > MaxAlternatives)
        {
            // Too many paths to follow: knowing nothing is safe.
            return Unknown();
        }

        var result = new List<List<AuthFact>>(first.Count * second.Count);
        foreach (var left in first)
        {
            foreach (var right in second)
            {
                var combined = new List<AuthFact>(left);
                combined.AddRange(right);
                result.Add(combined);
            }
        }

        return result;
    }
}

/// <summary>The facts on the path to an operation: alternatives (any one of them held), each a set of facts that held together.</summary>
internal sealed class PathFacts
{
    private readonly List<List<AuthFact>> alternatives;

    public PathFacts(List<List<AuthFact>> alternatives) => this.alternatives = alternatives;

    /// <summary>A fact of this kind and value that holds on every path, or null.</summary>
    public AuthFact? Definite(AuthFactKind kind, bool value)
    {
        AuthFact? first = null;
        foreach (var alternative in alternatives)
        {
            if (Find(alternative, kind, value) is not { } fact || Find(alternative, kind, !value) is not null)
            {
                return null;
            }

            first ??= fact;
        }

        return first;
    }

    /// <summary>
    /// The failed permission check that leads here, when every path got here through a failed permission check
    /// by a signed-in user or through an explicit not-signed-in check, and at least one through a failed permission check.
    /// <paramref name="reachableAnonymously"/> says whether some path is the not-signed-in one.
    /// </summary>
    public AuthFact? FailedPermission(bool knownAuthenticated, out bool reachableAnonymously)
    {
        reachableAnonymously = false;
        AuthFact? failed = null;
        foreach (var alternative in alternatives)
        {
            var anonymous = Find(alternative, AuthFactKind.Authenticated, false) is not null;
            var signedIn = knownAuthenticated || Find(alternative, AuthFactKind.Authenticated, true) is not null;
            if (anonymous && signedIn)
            {
                // A contradictory path is never taken.
                continue;
            }

            if (anonymous)
            {
                reachableAnonymously = true;
                continue;
            }

            if (Find(alternative, AuthFactKind.PermissionGranted, false) is not { } permission || Find(alternative, AuthFactKind.PermissionGranted, true) is not null)
            {
                return null;
            }

            if (!signedIn)
            {
                // A failed check on a user not known to be signed in may be the anonymous case itself: 401 can be right.
                return null;
            }

            failed ??= permission;
        }

        return failed;
    }

    /// <summary>The <c>ClaimsPrincipal</c> the checks on the path are about (<c>User</c>, <c>context.User</c>), when the code names one.</summary>
    public IOperation? Principal()
    {
        foreach (var alternative in alternatives)
        {
            foreach (var fact in alternative)
            {
                if (fact.Principal is { } principal)
                {
                    return principal;
                }
            }
        }

        return null;
    }

    /// <summary>Whether any path mentions a fact of this kind and value; a cheap first test.</summary>
    public bool Mentions(AuthFactKind kind, bool value)
    {
        foreach (var alternative in alternatives)
        {
            if (Find(alternative, kind, value) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static AuthFact? Find(List<AuthFact> alternative, AuthFactKind kind, bool value)
    {
        foreach (var fact in alternative)
        {
            if (fact.Kind == kind && fact.Value == value)
            {
                return fact;
            }
        }

        return null;
    }
}
