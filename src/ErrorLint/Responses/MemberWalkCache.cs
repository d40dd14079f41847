using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorLint.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Responses;

/// <summary>
/// What one walk of a member body found, kept for every rule that asks about the member: its operations and responses
/// (<see cref="BodyOperations"/>), the writes to its locals and its <c>Response.StatusCode</c> assignments. One per
/// compilation, owned by the <see cref="ResponseModel"/>.
/// </summary>
internal sealed class MemberWalkCache
{
    // The operation tree of a body is shared by all analyzers of a compilation, so the first rule's walk serves the rest.
    // The driver hands each body to every rule close together, so the bodies walked last are enough to remember: a slot
    // per body, picked by identity and overwritten whole, needs no lock and no weak handle per body.
    private const int RecentBodyCount = 64;

    private readonly ResponseModel model;
    private readonly RecentBody?[] recentBodies = new RecentBody?[RecentBodyCount];
    private readonly ConditionalWeakTable<IOperation, TreeFacts> trees = new();
    private readonly ConditionalWeakTable<IOperation, TreeFacts>.CreateValueCallback createTreeFacts;
    private LastMember? lastMember;

    // One walk object at a time is kept between bodies, its lists reused: a body's lists are copied out at their final size.
    private BodyOperations.Walk? pooledWalk;

    public MemberWalkCache(ResponseModel model)
    {
        this.model = model;
        createTreeFacts = root => new TreeFacts(root, this.model);
    }

    /// <summary>
    /// The operations and responses of an operation block (a member body, an initializer), worked out once for the
    /// rules that ask about it in turn.
    /// </summary>
    public BodyOperations OperationsOf(IOperation block, CancellationToken cancellationToken)
    {
        var slot = (RuntimeHelpers.GetHashCode(block) & int.MaxValue) % RecentBodyCount;
        if (Volatile.Read(ref recentBodies[slot]) is { } recent && recent.Block == block)
        {
            return recent.Operations;
        }

        // A rule racing on the same body walks it too and finds the same operations; the later entry wins the slot.
        var walk = Interlocked.Exchange(ref pooledWalk, null) ?? new BodyOperations.Walk();
        var created = walk.Run(block, model, cancellationToken);
        Volatile.Write(ref pooledWalk, walk);
        Volatile.Write(ref recentBodies[slot], new RecentBody(block, created));
        return created;
    }

    /// <summary>
    /// What the rules look at in the blocks of an operation-block action (a member's body and initializers), worked out
    /// once for every rule that asks.
    /// </summary>
    public BodyOperations OperationsIn(OperationBlockAnalysisContext context)
    {
        // The driver hands every rule the same blocks of a member in turn, so the member asked about last is most often
        // the one asked about next.
        var blocks = context.OperationBlocks;
        if (Volatile.Read(ref lastMember) is { } last && last.Blocks == blocks)
        {
            return last.Operations;
        }

        BodyOperations? single = null;
        List<BodyOperations>? several = null;
        foreach (var block in blocks)
        {
            // An attribute's arguments are constants: no response is produced there.
            if (block.Syntax is AttributeSyntax)
            {
                continue;
            }

            var operations = OperationsOf(block, context.CancellationToken);
            if (single is null)
            {
                single = operations;
            }
            else
            {
                (several ??= new List<BodyOperations> { single }).Add(operations);
            }
        }

        var result = several is not null ? BodyOperations.Combine(several) : single ?? BodyOperations.Empty;
        Volatile.Write(ref lastMember, new LastMember(blocks, result));
        return result;
    }

    /// <summary>The writes to the locals of the member body the operation is in.</summary>
    public LocalWrites LocalWritesOf(IOperation operation) => trees.GetValue(operation.Root(), createTreeFacts).LocalWrites;

    /// <summary>
    /// Whether a local may be assigned after its declaration, so that its initializer is not what it holds: asked only once
    /// the initializer has said something, since reading the member for its assignments costs a walk of its syntax.
    /// </summary>
    public bool MayBeAssignedAgain(ILocalReferenceOperation reference)
        => trees.GetValue(reference.Root(), createTreeFacts).LocalValues.MayBeAssignedAgain(reference.Local);

    /// <summary>The <c>Response.StatusCode</c> assignments of the member body the operation is in, and where it first calls <c>next</c>.</summary>
    public StatusWrites StatusWritesOf(IOperation operation) => trees.GetValue(operation.Root(), createTreeFacts).StatusWrites;

    /// <summary>What is found once per operation tree: each part on first use, published whole.</summary>
    private sealed class TreeFacts
    {
        private readonly IOperation root;
        private readonly ResponseModel model;
        private LocalWrites? localWrites;
        private LocalValues? localValues;
        private StatusWrites? statusWrites;

        public TreeFacts(IOperation root, ResponseModel model)
        {
            this.root = root;
            this.model = model;
        }

        public LocalWrites LocalWrites
            => Volatile.Read(ref localWrites) ?? Interlocked.CompareExchange(ref localWrites, new LocalWrites(root), null) ?? localWrites!;

        public LocalValues LocalValues
            => Volatile.Read(ref localValues) ?? Interlocked.CompareExchange(ref localValues, new LocalValues(root.Syntax), null) ?? localValues!;

        public StatusWrites StatusWrites
            => Volatile.Read(ref statusWrites) ?? Interlocked.CompareExchange(ref statusWrites, new StatusWrites(root, model), null) ?? statusWrites!;
    }

    /// <summary>A body walked recently and its operations, replaced whole so that a rule on another thread never sees half of it.</summary>
    private sealed class RecentBody
    {
        public RecentBody(IOperation block, BodyOperations operations)
        {
            Block = block;
            Operations = operations;
        }

        public IOperation Block { get; }

        public BodyOperations Operations { get; }
    }

    /// <summary>One member's blocks and their operations, replaced whole so that a rule on another thread never sees half of it.</summary>
    private sealed class LastMember
    {
        public LastMember(ImmutableArray<IOperation> blocks, BodyOperations operations)
        {
            Blocks = blocks;
            Operations = operations;
        }

        public ImmutableArray<IOperation> Blocks { get; }

        public BodyOperations Operations { get; }
    }
}
