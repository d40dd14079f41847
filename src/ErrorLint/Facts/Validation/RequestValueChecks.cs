using ErrorLint.Operations;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Validation;

/// <summary>
/// A check of the request's own values that guards a response: the condition of the <c>if</c> (or ternary) the response
/// is the answer of tests only parameters of the action or endpoint and their members, through comparisons, <c>!</c>,
/// <c>&amp;&amp;</c>/<c>||</c> and the BCL's string and collection tests (<c>string.IsNullOrEmpty(dto.Email)</c>,
/// <c>dto.Total &gt; 1000</c>, <c>id &lt;= 0</c>). Whatever fails such a check is the client's input (EL0002).
/// </summary>
internal static class RequestValueChecks
{
    public static IOperation? Guarding(IOperation response, ResponseModel model)
    {
        IOperation? condition = null;
        var child = response;
        for (var parent = response.Parent; parent is not null && !child.IsFunction(); child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && ReferenceEquals(conditional.WhenTrue, child))
            {
                condition = conditional.Condition;
                break;
            }

            if (parent is IConditionalOperation or ILoopOperation or ISwitchOperation or ITryOperation or ICatchClauseOperation)
            {
                return null;
            }
        }

        // The symbol at the response is the action, or the endpoint's lambda: its parameters are the request's values.
        var owner = response.SemanticModel?.GetEnclosingSymbol(response.Syntax.SpanStart);
        var handler = model.GetHandler(response, owner).Kind;
        if (condition is null || owner is null || handler is not (HandlerKind.ControllerAction or HandlerKind.Endpoint))
        {
            return null;
        }

        return TestsOnlyRequestValues(condition, owner) ? condition : null;
    }

    private static bool TestsOnlyRequestValues(IOperation condition, ISymbol owner)
    {

        var mentionsParameter = false;
        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter:
                    if (!SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, owner))
                    {
                        return false;
                    }

                    mentionsParameter = true;
                    break;
                case ILocalReferenceOperation or IInstanceReferenceOperation or IAwaitOperation or IInvalidOperation:
                    return false;
                case IFieldReferenceOperation { Field.IsConst: false }:
                    return false;
                case IPropertyReferenceOperation { Instance: null }:
                    // A static property (DateTime.Now, a setting) is not the request.
                    return false;
                case IInvocationOperation invocation when !IsValueTest(invocation.TargetMethod):
                    return false;
            }
        }

        return mentionsParameter;
    }

    /// <summary><c>string.IsNullOrEmpty</c>, <c>text.Contains(...)</c>, <c>items.Any()</c>: the BCL's tests of a value, not a call into the server.</summary>
    private static bool IsValueTest(IMethodSymbol method)
    {
        var space = method.ContainingNamespace?.ToDisplayString();
        return (method.ContainingType.SpecialType == SpecialType.System_String || space is "System.Linq" or "System")
            && method.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "Contains" or "StartsWith" or "EndsWith" or "Any" or "All" or "Count" or "Equals" or "IsDefined";
    }
}
