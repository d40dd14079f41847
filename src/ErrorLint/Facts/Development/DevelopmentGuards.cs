using System.Collections.Generic;
using ErrorLint.Conditions;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    private readonly ConditionReader<EnvironmentFact> conditions;

    public DevelopmentGuards(ResponseModel model)
        => conditions = new ConditionReader<EnvironmentFact>(new DevelopmentConditions(model.Types), model.Members);

    public bool IsDevelopmentOnly(IOperation operation, ISymbol? containingSymbol)
        => IsInDevelopmentConvention(containingSymbol) || IsUnderDebugDirective(operation.Syntax) || OnEveryPath(operation, development: true);

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
