using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Verification
{
    /// <summary>A test source with its markup stripped, and the spans the markup marked.</summary>
    internal sealed record MarkedSource(string Text, ImmutableArray<MarkupSpan> Spans);

    /// <summary>
    /// Parses diagnostic markup. Strict by design: a marker that does not parse or does not balance throws,
    /// because a silently ignored marker turns a test into one that checks nothing.
    /// </summary>
    internal static class Markup
    {
        // What may follow "{|": "#n:" or an id such as EL0001 or CS1002, then ":".
        private static readonly Regex CurlyHeader = new(@"\G(?:#(?<location>[0-9]+)|(?<id>[A-Za-z_][A-Za-z0-9_]*)):", RegexOptions.CultureInvariant);

        public static MarkedSource Parse(string markup, string documentName)
        {
            ArgumentNullException.ThrowIfNull(markup);

            var text = new StringBuilder(markup.Length);
            var open = new Stack<(char Kind, int Start, string? Id, int? Location, int MarkupIndex)>();
            var spans = ImmutableArray.CreateBuilder<MarkupSpan>();

            for (var i = 0; i < markup.Length; i++)
            {
                var pair = i + 1 < markup.Length ? markup.AsSpan(i, 2) : default;
                if (pair.SequenceEqual("[|"))
                {
                    open.Push(('[', text.Length, null, null, i));
                    i++;
                }
                else if (pair.SequenceEqual("{|"))
                {
                    var header = CurlyHeader.Match(markup, i + 2);
                    if (!header.Success)
                    {
                        throw Error(markup, documentName, i, "unknown markup '{|' not followed by 'ID:' or '#n:'");
                    }

                    var location = header.Groups["location"].Success ? int.Parse(header.Groups["location"].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
                    var id = header.Groups["id"].Success ? header.Groups["id"].Value : null;
                    open.Push(('{', text.Length, id, location, i));
                    i += 1 + header.Length;
                }
                else if (pair.SequenceEqual("|]") || pair.SequenceEqual("|}"))
                {
                    var expectedKind = pair[1] == ']' ? '[' : '{';
                    if (open.Count == 0)
                    {
                        throw Error(markup, documentName, i, $"'{pair.ToString()}' closes nothing");
                    }

                    var start = open.Pop();
                    if (start.Kind != expectedKind)
                    {
                        throw Error(markup, documentName, i, $"'{pair.ToString()}' closes the '{start.Kind}|' opened at {Position(markup, start.MarkupIndex)}");
                    }

                    spans.Add(new MarkupSpan(TextSpan.FromBounds(start.Start, text.Length), start.Id, start.Location));
                    i++;
                }
                else
                {
                    text.Append(markup[i]);
                }
            }

            if (open.Count > 0)
            {
                var start = open.Peek();
                throw Error(markup, documentName, start.MarkupIndex, $"'{start.Kind}|' is never closed");
            }

            spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return new MarkedSource(text.ToString(), spans.ToImmutable());
        }

        private static string Position(string markup, int index)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < index; i++)
            {
                if (markup[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return $"{line}:{column}";
        }

        private static FormatException Error(string markup, string documentName, int index, string problem)
        {
            var lineStart = markup.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
            var lineEnd = markup.IndexOf('\n', index);
            var line = markup[lineStart..(lineEnd < 0 ? markup.Length : lineEnd)].TrimEnd('\r');
            return new FormatException($"Invalid markup in {documentName} at {Position(markup, index)}: {problem}.{Environment.NewLine}    {line}{Environment.NewLine}    {new string(' ', index - lineStart)}^");
        }
    }
}
