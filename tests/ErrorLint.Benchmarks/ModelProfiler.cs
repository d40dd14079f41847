using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Benchmarks;

/// <summary>
/// Times the response model's entry points on every operation of the generated API, grouped by what they answered,
/// to show where the shared model spends its time (<c>--profile [actions]</c>).
/// </summary>
internal static class ModelProfiler
{
    private const int Rounds = 3;

    public static int Run(int actions)
    {
        var modules = WebApiGenerator.ModulesFor(actions);
        var workload = new Workload("web API", modules * WebApiGenerator.ActionsPerModule, WebApiGenerator.Generate(modules), References.AspNetCore);
        var rounds = new List<Dictionary<string, (double Ms, int Count, long Bytes)>>();
        var operationCount = 0;
        for (var round = 0; round <= Rounds; round++)
        {
            // A fresh compilation per round so the model's caches start empty, as they do in a build.
            var compilation = workload.Compile();
            var operations = Operations(compilation);
            operationCount = operations.Count;
            var model = ResponseModel.For(compilation)!;
            var buckets = new Dictionary<string, (double Ms, int Count, long Bytes)>(StringComparer.Ordinal);

            // The shared walk every rule reads (OperationsOf), against a bare walk of the same bodies: its floor.
            var bodies = operations.Where(o => o.Operation.Parent is null).Select(o => o.Operation).ToList();
            foreach (var body in bodies)
            {
                var start = Start();
                foreach (var _ in body.Descendants())
                {
                }

                Add(buckets, "walk of a body (Descendants)", Stop(start));
            }

            // As in the driver: each body of another fresh compilation bound (and walked bare) just before its first
            // OperationsOf, so the compiler state ErrorLint's questions complete first is charged to them.
            var unbound = workload.Compile();
            var unboundModel = ResponseModel.For(unbound)!;
            foreach (var body in Bodies(unbound))
            {
                foreach (var _ in body.Descendants())
                {
                }

                var start = Start();
                unboundModel.Members.OperationsOf(body, default);
                Add(buckets, "OperationsOf a body bound just before (first rule)", Stop(start));
            }

            // The driver hands a body to every rule in turn: the first walks it, the next reads the remembered walk.
            foreach (var body in bodies)
            {
                var start = Start();
                model.Members.OperationsOf(body, default);
                Add(buckets, "OperationsOf a body (first rule)", Stop(start));
                start = Start();
                model.Members.OperationsOf(body, default);
                Add(buckets, "OperationsOf a body (every other rule)", Stop(start));
            }

            foreach (var (operation, member) in operations)
            {
                switch (operation.Kind)
                {
                    case OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.SimpleAssignment:
                        var start = Start();
                        var response = model.Describe(operation);
                        var described = Stop(start);
                        Add(buckets, $"Describe {operation.Kind} → {(response is null ? "none" : response.ThroughHelper is not null ? "helper" : response.Kind.ToString())}", described);
                        break;
                    case OperationKind.Return:
                        start = Start();
                        model.GetHandler(operation, member);
                        Add(buckets, "GetHandler Return", Stop(start));
                        break;
                }
            }

            // Round 0 only warms up the JIT.
            if (round > 0)
            {
                rounds.Add(buckets);
            }
        }

        Console.WriteLine(Invariant($"{workload.Actions:N0} actions, {operationCount:N0} operations; medians of {Rounds} rounds, each on a fresh compilation and model."));
        Console.WriteLine();
        Console.WriteLine("| Call | Count | Total (ms) | µs per call | Allocated (KB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var key in rounds[0].Keys.OrderByDescending(k => rounds[0][k].Ms))
        {
            var ms = Measurement.Median(rounds.Select(r => r[key].Ms));
            var count = rounds[0][key].Count;
            var kilobytes = Measurement.Median(rounds.Select(r => (double)r[key].Bytes)) / 1024;
            Console.WriteLine(Invariant($"| {key} | {count:N0} | {ms:N1} | {ms * 1000 / count:N2} | {kilobytes:N0} |"));
        }

        return 0;
    }

    /// <summary>Every operation of every member body, with the member; the trees are built here, outside the timings.</summary>
    private static List<(IOperation Operation, ISymbol? Member)> Operations(Compilation compilation)
    {
        var operations = new List<(IOperation Operation, ISymbol? Member)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var body in BodySyntaxes(root))
            {
                var member = body is CompilationUnitSyntax unit
                    ? unit.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } first ? semanticModel.GetEnclosingSymbol(first.SpanStart) : null
                    : semanticModel.GetDeclaredSymbol(body);
                if (member is not null && semanticModel.GetOperation(body) is { } operation)
                {
                    operations.AddRange(operation.DescendantsAndSelf().Select(o => (o, (ISymbol?)member)));
                }
            }
        }

        return operations;
    }

    /// <summary>The operation tree of every member body, each bound when the sequence reaches it.</summary>
    private static IEnumerable<IOperation> Bodies(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            foreach (var body in BodySyntaxes(tree.GetRoot()))
            {
                if (semanticModel.GetOperation(body) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }

    /// <summary>The syntax of every method and accessor body of a file, and the file itself for its top-level statements.</summary>
    private static IEnumerable<SyntaxNode> BodySyntaxes(SyntaxNode root)
        => root.DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax).Append(root);

    /// <summary>A call's starting point: the clock and the bytes this thread has allocated so far.</summary>
    private static (long Timestamp, long Bytes) Start() => (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>What a call took since <paramref name="start"/>, read before anything else (a bucket's name) is allocated.</summary>
    private static (double Ms, long Bytes) Stop((long Timestamp, long Bytes) start)
        => (Stopwatch.GetElapsedTime(start.Timestamp).TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - start.Bytes);

    private static void Add(Dictionary<string, (double Ms, int Count, long Bytes)> buckets, string key, (double Ms, long Bytes) call)
    {
        var (ms, count, bytes) = buckets.GetValueOrDefault(key);
        buckets[key] = (ms + call.Ms, count + 1, bytes + call.Bytes);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
