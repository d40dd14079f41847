using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Operations;

/// <summary>
/// The writes to every local of a member body, found in one walk of the body and shared by every question about its
/// locals: declarators, assignments to the local, writes to its members and elements (<c>x.Detail = ...</c>), appends
/// (<c>list.Add(...)</c>) and pattern declarations (<c>is DbException db</c>), in walk order.
/// </summary>
internal sealed class LocalWrites
{
    private static readonly IReadOnlyList<IOperation> None = Array.Empty<IOperation>();

    private static readonly HashSet<string> AppendingMethods = new(StringComparer.Ordinal)
    {
        "Add", "TryAdd", "Append", "AppendLine", "AppendFormat", "Insert", "Push", "Enqueue", "AddRange",
    };

    private readonly Dictionary<ILocalSymbol, List<IOperation>> writes = new(SymbolEqualityComparer.Default);

    /// <summary>Walks a member body for the writes to its locals; <c>MemberWalkCache</c> keeps one per body.</summary>
    public LocalWrites(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            var local = operation.Kind switch
            {
                OperationKind.VariableDeclarator => ((IVariableDeclaratorOperation)operation).Symbol,
                OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment
                    => WrittenLocal(((IAssignmentOperation)operation).Target),
                OperationKind.Invocation when operation is IInvocationOperation { Instance: { } receiver } call && IsAppend(call)
                    => (RootInstance(receiver) as ILocalReferenceOperation)?.Local,
                OperationKind.DeclarationPattern => ((IDeclarationPatternOperation)operation).DeclaredSymbol as ILocalSymbol,
                OperationKind.RecursivePattern => ((IRecursivePatternOperation)operation).DeclaredSymbol as ILocalSymbol,
                _ => null,
            };
            if (local is not null)
            {
                if (!writes.TryGetValue(local, out var list))
                {
                    writes.Add(local, list = new List<IOperation>());
                }

                list.Add(operation);
            }
        }
    }

    /// <summary>Every write to the local, in walk order.</summary>
    public IReadOnlyList<IOperation> To(ILocalSymbol local) => writes.TryGetValue(local, out var list) ? list : None;

    /// <summary>Whether a call adds to the collection or builder it is made on (<c>Add</c>, <c>Append</c>, <c>Push</c>, ...).</summary>
    public static bool IsAppend(IInvocationOperation call) => AppendingMethods.Contains(call.TargetMethod.Name);

    /// <summary>The object a chain of member accesses, element accesses and calls starts from: <c>problem</c> in <c>problem.Extensions["k"]</c>.</summary>
    public static IOperation RootInstance(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            var next = current switch
            {
                IMemberReferenceOperation member => member.Instance,
                IArrayElementReferenceOperation element => element.ArrayReference,
                IInvocationOperation invocation => invocation.Instance,
                IConversionOperation conversion => conversion.Operand,
                _ => null,
            };
            if (next is null)
            {
                return current;
            }

            current = next;
        }
    }

    /// <summary>The local an assignment writes: itself (<c>x = ...</c>) or through a member or element (<c>x.Detail = ...</c>).</summary>
    private static ILocalSymbol? WrittenLocal(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IMemberReferenceOperation or IArrayElementReferenceOperation => (RootInstance(target) as ILocalReferenceOperation)?.Local,
        _ => null,
    };
}
