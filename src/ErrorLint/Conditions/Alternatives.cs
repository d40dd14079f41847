using System.Collections.Generic;

namespace ErrorLint.Conditions;

/// <summary>
/// What holds on the way to some code, as alternatives: one of the paths was taken, and on each path a set of facts held
/// together (a disjunction of conjunctions). <see cref="Unknown"/> is a single path on which nothing is known.
/// </summary>
/// <typeparam name="TFact">What a domain reads from conditions: a permission check, a validation result, the environment.</typeparam>
internal sealed class Alternatives<TFact>
    where TFact : class
{
    // Beyond this many paths the condition is treated as unknown: precision over recall, and bounded work.
    private const int MaxPaths = 16;

    private static readonly IReadOnlyList<TFact> NoFacts = new TFact[0];

    private Alternatives(IReadOnlyList<IReadOnlyList<TFact>> paths) => Paths = paths;

    /// <summary>Nothing is known: one path, with no facts on it.</summary>
    public static Alternatives<TFact> Unknown { get; } = new(new[] { NoFacts });

    /// <summary>The paths, each the facts that held together on it.</summary>
    public IReadOnlyList<IReadOnlyList<TFact>> Paths { get; }

    public bool IsUnknown => Paths.Count == 1 && Paths[0].Count == 0;

    public static Alternatives<TFact> Single(TFact fact) => new(new[] { new[] { fact } });

    /// <summary>Both hold: every path of one taken with every path of the other.</summary>
    public static Alternatives<TFact> And(Alternatives<TFact> first, Alternatives<TFact> second)
    {
        if (first.IsUnknown)
        {
            return second;
        }

        if (second.IsUnknown)
        {
            return first;
        }

        if (first.Paths.Count * second.Paths.Count > MaxPaths)
        {
            return Unknown;
        }

        var paths = new List<IReadOnlyList<TFact>>(first.Paths.Count * second.Paths.Count);
        foreach (var left in first.Paths)
        {
            foreach (var right in second.Paths)
            {
                var combined = new List<TFact>(left.Count + right.Count);
                combined.AddRange(left);
                combined.AddRange(right);
                paths.Add(combined);
            }
        }

        return new Alternatives<TFact>(paths);
    }

    /// <summary>Either holds. A path on which nothing is known makes the whole unknown.</summary>
    public static Alternatives<TFact> Or(Alternatives<TFact> first, Alternatives<TFact> second)
    {
        if (first.IsUnknown || second.IsUnknown || first.Paths.Count + second.Paths.Count > MaxPaths)
        {
            return Unknown;
        }

        var paths = new List<IReadOnlyList<TFact>>(first.Paths.Count + second.Paths.Count);
        paths.AddRange(first.Paths);
        paths.AddRange(second.Paths);
        return new Alternatives<TFact>(paths);
    }
}
