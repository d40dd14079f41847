using ErrorLint.Operations;
using ErrorLint.Responses;
using ErrorLint.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Facts.Bodies;

/// <summary>What the code says about a <c>ProblemDetails</c> object it builds.</summary>
internal static class ProblemDetailsFacts
{
    public static bool IsProblemDetails(ITypeSymbol? type, WellKnownTypes types) => type.InheritsFrom(types.ProblemDetails);

    /// <summary>The <c>Status</c> a <c>new ProblemDetails { Status = ... }</c> sets, when the code says it.</summary>
    public static int? ReadStatus(IOperation? body) => StatusAssignment(body) is { } value ? StatusCodeValue.Read(value) : null;

    /// <summary>The value assigned to <c>Status</c> in a problem details initializer.</summary>
    public static IOperation? StatusAssignment(IOperation? body)
    {
        if (body.WithoutImplicitConversions() is IObjectCreationOperation { Initializer: { } initializer })
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

    /// <summary>
    /// The one value written to <c>Status</c> of the problem details a response sends: in its initializer, or, for a
    /// local, in the local's initializer or a <c>problem.Status = ...</c> assignment in the same function. Null when
    /// there is none or more than one.
    /// </summary>
    public static IOperation? SentStatus(IOperation? body)
    {
        body = body.WithoutImplicitConversions();
        if (body is not ILocalReferenceOperation { Local: { } local } reference)
        {
            return StatusAssignment(body);
        }

        IOperation? found = null;
        var writes = 0;
        foreach (var operation in reference.EnclosingFunction().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (StatusAssignment(value) is { } initial)
                    {
                        found = initial;
                        writes++;
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Status", Instance: ILocalReferenceOperation target } } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    found = assignment.Value;
                    writes++;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation reassigned } when SymbolEqualityComparer.Default.Equals(reassigned.Local, local) && !reassigned.IsImplicit:
                    // The local is given another object: which status is sent is not clear.
                    return null;
            }
        }

        return writes == 1 ? found : null;
    }
}
