using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Verification
{
    /// <summary>One diagnostic a test state expects, resolved from its markup and <see cref="TestOptions.ExpectedDiagnostics"/>.</summary>
    internal sealed record ExpectedEntry(int Document, TextSpan Span, string Id, string? Message, DiagnosticSeverity? Severity, string Origin)
    {
        public static ImmutableArray<ExpectedEntry> From(TestState state, IReadOnlyList<ExpectedDiagnostic> expected, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var builder = ImmutableArray.CreateBuilder<ExpectedEntry>();
            for (var document = 0; document < state.Documents.Length; document++)
            {
                foreach (var span in state.Documents[document].Spans)
                {
                    if (span.LocationIndex is { } location)
                    {
                        var here = expected.Where(e => e.MarkupLocation == location).ToList();
                        if (here.Count == 0)
                        {
                            throw new FormatException($"Markup location {{|#{location}:...|}} in {TestProject.DocumentName(document)} of {state.Description} is not used by any entry of ExpectedDiagnostics.");
                        }

                        builder.AddRange(here.Select(e => new ExpectedEntry(document, span.Span, e.Id, e.Message, e.Severity, $"{{|#{location}:|}}")));
                    }
                    else if (span.Id is { } id)
                    {
                        builder.Add(new ExpectedEntry(document, span.Span, id, null, null, $"{{|{id}:|}}"));
                    }
                    else
                    {
                        builder.Add(new ExpectedEntry(document, span.Span, DefaultId(analyzers), null, null, "[||]"));
                    }
                }
            }

            return builder.ToImmutable();
        }

        // [|...|] is shorthand for the analyzer's only id; with several ids it would be a guess.
        private static string DefaultId(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
            return ids.Count == 1
                ? ids[0]
                : throw new FormatException($"[|...|] markup needs an analyzer with exactly one diagnostic id, but it supports {(ids.Count == 0 ? "none" : string.Join(", ", ids))}; write {{|ID:...|}} instead.");
        }
    }
}
