using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ErrorLint.Conditions;
using ErrorLint.Configuration;
using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Development;

/// <summary>
/// Answers "is this code reached only in development?": inside <c>if (env.IsDevelopment())</c> (however the
/// environment was obtained: a parameter, <c>app.Environment</c>, <c>RequestServices</c>), after
/// <c>if (!env.IsDevelopment()) return;</c>, in the true branch of a development ternary, in a
/// <c>catch ... when (env.IsDevelopment())</c>, under <c>#if DEBUG</c>, or in a Development convention method
/// (<c>ConfigureDevelopment</c>, <c>StartupDevelopment</c>). One per compilation (<c>ResponseModel.Development</c>).
/// </summary>
internal sealed class DevelopmentGuards
{
    private const int MaxHelperDepth = 2;

    private readonly ConditionReader<EnvironmentFact> conditions;
    private readonly DevelopmentConditions environment;
    private readonly Compilation compilation;

    public DevelopmentGuards(ResponseModel model)
    {
        environment = new DevelopmentConditions(model.Types);
        conditions = new ConditionReader<EnvironmentFact>(environment, model.Members);
        compilation = model.Types.Compilation;
    }

    public bool IsDevelopmentOnly(IOperation operation, ISymbol? containingSymbol)
        => IsInDevelopmentConvention(containingSymbol) || IsUnderDebugDirective(operation.Syntax) || OnEveryPath(operation, development: true);

    /// <summary>
    /// Whether the member or its type carries an attribute the team names in <c>errorlint.development_only_attributes</c>:
    /// an action filter or constraint that enables the endpoint only in development or a test mode.
    /// </summary>
    public static bool HasDevelopmentOnlyAttribute(ISymbol? symbol, ImmutableArray<string> attributeNames)
    {
        if (attributeNames.IsEmpty)
        {
            return false;
        }

        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && NamesAttribute(attributeNames, attributeClass))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>DevelopmentOnly</c>, <c>DevelopmentOnlyAttribute</c> or the full name.</summary>
    private static bool NamesAttribute(ImmutableArray<string> names, INamedTypeSymbol attributeClass)
    {
        if (ErrorLintOptions.Names(names, attributeClass))
        {
            return true;
        }

        const string Suffix = "Attribute";
        var name = attributeClass.Name;
        return name.EndsWith(Suffix, System.StringComparison.Ordinal) && names.Contains(name.Substring(0, name.Length - Suffix.Length));
    }

    /// <summary>True where the code runs only outside development: <c>if (!env.IsDevelopment())</c>, or its <c>else</c>.</summary>
    public bool IsOutsideDevelopmentOnly(IOperation operation) => OnEveryPath(operation, development: false);

    /// <summary>
    /// Whether every way to the operation tests that the environment is (or is not) Development. The conditions around
    /// the code that registers a lambda (middleware, an exception handler) hold inside it, so the walk goes past lambdas.
    /// </summary>
    private bool OnEveryPath(IOperation operation, bool development)
    {
        foreach (var path in PathWalker.FactsOnPathTo(operation, conditions, withinFunction: false).Paths)
        {
            var found = false;
            foreach (var fact in path)
            {
                // Not Local is not "outside development": only a test that the environment is not Development says so.
                found |= development
                    ? fact.IsDevelopment && fact.Matches
                    : !fact.Matches && string.Equals(fact.Name, DevelopmentConditions.Development, System.StringComparison.OrdinalIgnoreCase);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True inside an <c>if</c> whose condition falls back to the environment: <c>settings.ShowErrors ?? env.IsDevelopment()</c>,
    /// <c>mode == On || (mode == DevelopmentOnly &amp;&amp; env.IsDevelopment())</c>, also through a local or the application's
    /// own helper (<c>debugSettings.CanShowErrorPage(env)</c>). The code runs in development, and elsewhere only when an
    /// operator turns it on; the team chose where it runs (EL0011).
    /// </summary>
    public bool IsDevelopmentByDefault(IOperation operation, CancellationToken cancellationToken)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && ReferenceEquals(conditional.WhenTrue, child)
                && FallsBackToDevelopment(conditional.Condition, 0, cancellationToken)
                && !NamesAnotherEnvironment(conditional.Condition))
            {
                return true;
            }
        }

        return false;
    }

    private bool FallsBackToDevelopment(IOperation? condition, int depth, CancellationToken cancellationToken)
    {
        switch (condition.WithoutImplicitConversions())
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both:
                return FallsBackToDevelopment(both.LeftOperand, depth, cancellationToken) || FallsBackToDevelopment(both.RightOperand, depth, cancellationToken);
            case ICoalesceOperation coalesce:
                return FallsBackToDevelopment(coalesce.WhenNull, depth, cancellationToken);
            case ILocalReferenceOperation local when depth < MaxHelperDepth:
                return FallsBackToDevelopment(LocalValues.InitialValue(local), depth + 1, cancellationToken);
            case IInvocationOperation invocation when environment.Atom(invocation) is { } fact:
                return fact.IsDevelopment && fact.Matches;
            case IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } helper } when depth < MaxHelperDepth && helper.IsDeclaredIn(compilation):
                return ReturnsFallbackToDevelopment(SourceBodies.Of(helper, compilation, cancellationToken), depth + 1, cancellationToken);
            case IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean, GetMethod: { } getter } } when depth < MaxHelperDepth && getter.IsDeclaredIn(compilation):
                return ReturnsFallbackToDevelopment(SourceBodies.Of(getter, compilation, cancellationToken), depth + 1, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary><c>env.IsDevelopment() || env.IsProduction()</c> runs in production by the code's own choice, not an operator's.</summary>
    private bool NamesAnotherEnvironment(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation
                && (invocation.TargetMethod.Name is "IsProduction" or "IsStaging" || environment.Atom(invocation) is { IsDevelopment: false }))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReturnsFallbackToDevelopment(IOperation? body, int depth, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && FallsBackToDevelopment(value, depth, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInDevelopmentConvention(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { Name: "ConfigureDevelopment" or "ConfigureDevelopmentServices" or "ConfigureDevelopmentContainer" })
            {
                return true;
            }

            if (current is INamedTypeSymbol { Name: "StartupDevelopment" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True inside the active branch of <c>#if DEBUG</c> (code in inactive branches produces no operations at all).</summary>
    private static bool IsUnderDebugDirective(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        if (!root.ContainsDirectives)
        {
            return false;
        }

        var position = node.SpanStart;
        var stack = new Stack<bool>();
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    stack.Push(IsDebugCondition(ifDirective.Condition));
                    break;
                case ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax when stack.Count > 0:
                    stack.Pop();
                    stack.Push(false);
                    break;
                case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                    stack.Pop();
                    break;
            }
        }

        return stack.Contains(true);
    }

    private static bool IsDebugCondition(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "DEBUG",
        ParenthesizedExpressionSyntax parenthesized => IsDebugCondition(parenthesized.Expression),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both => IsDebugCondition(both.Left) || IsDebugCondition(both.Right),
        _ => false,
    };
}
