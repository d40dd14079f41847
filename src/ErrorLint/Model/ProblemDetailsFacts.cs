using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Model;

/// <summary>What the code says about a <c>ProblemDetails</c> object it builds.</summary>
internal static class ProblemDetailsFacts
{
    public static bool IsProblemDetails(ITypeSymbol? type, WellKnownTypes types) => WellKnownTypes.InheritsFrom(type, types.ProblemDetails);

    /// <summary>The <c>Status</c> a <c>new ProblemDetails { Status = ... }</c> sets, when the code says it.</summary>
    public static int? ReadStatus(IOperation? body) => StatusAssignment(body) is { } value ? ResponseModel.ReadStatusCode(value) : null;

    /// <summary>The value assigned to <c>Status</c> in a problem details initializer.</summary>
    public static IOperation? StatusAssignment(IOperation? body)
    {
        if (HttpResponseInfo.Unwrap(body) is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Status" } } assignment)
                {
                    return assignment.Value;
                }
            }
        }

        return null;
    }
}
