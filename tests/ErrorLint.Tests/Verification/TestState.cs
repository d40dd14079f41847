using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ErrorLint.Tests.Verification
{
    /// <summary>
    /// The documents of one side of a test (the source, or the fixed source), markup parsed.
    /// Document i is named Test{i}.cs in the test project.
    /// </summary>
    internal sealed class TestState
    {
        private TestState(string description, ImmutableArray<MarkedSource> documents)
        {
            Description = description;
            Documents = documents;
        }

        /// <summary>"the test source" or "the fixed source", for failure messages.</summary>
        public string Description { get; }

        public ImmutableArray<MarkedSource> Documents { get; }

        public ImmutableArray<string> Texts => Documents.Select(d => d.Text).ToImmutableArray();

        public static TestState Parse(string description, string first, IEnumerable<string> more)
        {
            ArgumentNullException.ThrowIfNull(first);
            var documents = new[] { first }.Concat(more)
                .Select((text, i) => Markup.Parse(text ?? throw new ArgumentNullException(nameof(more)), $"{TestProject.DocumentName(i)} of {description}"))
                .ToImmutableArray();
            var state = new TestState(description, documents);

            var duplicate = state.LocationIndexes().GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new FormatException($"Markup location {{|#{duplicate.Key}:...|}} appears more than once in {description}.");
            }

            return state;
        }

        public IEnumerable<int> LocationIndexes() =>
            Documents.SelectMany(d => d.Spans).Where(s => s.LocationIndex.HasValue).Select(s => s.LocationIndex!.Value);
    }
}
