using ErrorLint.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// The status of an MVC result written apart from the call or creation that makes it: set on the result afterwards
/// (<c>var result = Ok(body); result.StatusCode = 404;</c>), or set on the response before a result that leaves the
/// status alone (<c>Response.StatusCode = 400; context.Result = new ObjectResult(model);</c>), which then stands.
/// </summary>
internal sealed class StatusWrittenApart
{
    private readonly ResponseModel model;

    public StatusWrittenApart(ResponseModel model) => this.model = model;

    /// <summary>The response with the status written apart from it, when there is one; otherwise the response itself.</summary>
    public HttpResponseInfo Apply(HttpResponseInfo response)
    {
        if (SetOnTheResultAfterwards(response.Operation) is { } later)
        {
            return response.WithStatus(later);
        }

        if (response.StatusOrigin != StatusOrigin.FrameworkDefault)
        {
            return response;
        }

        return SetOnTheResponseBefore(response.Operation) is { } before ? response.WithStatus(before) : response;
    }

    /// <summary>The last <c>result.StatusCode = ...</c> on the local the result is kept in.</summary>
    private IOperation? SetOnTheResultAfterwards(IOperation result)
    {
        var local = LocalKeeping(result);
        if (local is null)
        {
            return null;
        }

        IOperation? status = null;
        foreach (var write in model.Members.LocalWritesOf(result).To(local))
        {
            if (write is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "StatusCode", Instance: ILocalReferenceOperation owner } } assignment
                && SymbolEqualityComparer.Default.Equals(owner.Local, local))
            {
                status = assignment.Value;
            }
        }

        return status;
    }

    /// <summary>The local a result is declared with or assigned to: <c>var result = Ok(body)</c>.</summary>
    private static ILocalSymbol? LocalKeeping(IOperation result)
    {
        var value = result;
        while (value.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion;
        }

        return value.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value => target.Local,
            _ => null,
        };
    }

    /// <summary>
    /// The nearest <c>Response.StatusCode = ...</c> that runs before the result on every path to it: an earlier statement of
    /// a block the result is in, within its function.
    /// </summary>
    private IOperation? SetOnTheResponseBefore(IOperation result)
    {
        var child = result;
        for (var parent = result.Parent; parent is not null && !child.IsFunction(); child = parent, parent = parent.Parent)
        {
            if (parent is not IBlockOperation block)
            {
                continue;
            }

            for (var index = block.Operations.IndexOf(child) - 1; index >= 0; index--)
            {
                if (block.Operations[index] is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                    && model.RawWrites.DescribeStatusAssignment(assignment) is not null)
                {
                    return assignment.Value;
                }
            }
        }

        return null;
    }
}
