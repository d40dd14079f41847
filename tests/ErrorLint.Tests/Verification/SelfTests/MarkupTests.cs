using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace ErrorLint.Tests.Verification.SelfTests
{
    public sealed class MarkupTests
    {
        [Fact]
        public void Markup_is_stripped_and_spans_point_into_the_stripped_text()
        {
            var source = Markup.Parse("a [|bc|] {|EL0001:d|} {|#3:e|}", "Test0.cs");

            Assert.Equal("a bc d e", source.Text);
            Assert.Equal(
                new[] { (new TextSpan(2, 2), (string?)null, (int?)null), (new TextSpan(5, 1), "EL0001", null), (new TextSpan(7, 1), null, 3) },
                source.Spans.Select(s => (s.Span, s.Id, s.LocationIndex)).ToArray());
        }

        [Fact]
        public void Spans_may_be_nested_and_empty()
        {
            var source = Markup.Parse("{|#0:x[|y|]|}{|CS1002:|}", "Test0.cs");

            Assert.Equal("xy", source.Text);
            Assert.Equal(new[] { TextSpan.FromBounds(0, 2), TextSpan.FromBounds(1, 2), TextSpan.FromBounds(2, 2) }, source.Spans.Select(s => s.Span).ToArray());
        }

        [Fact]
        public void Code_that_merely_looks_like_markup_is_kept()
        {
            var source = Markup.Parse("var a = b || c; var d = new[] { 1 }; if (e | f) { }", "Test0.cs");

            Assert.Equal("var a = b || c; var d = new[] { 1 }; if (e | f) { }", source.Text);
            Assert.Empty(source.Spans);
        }

        [Theory]
        [InlineData("x\n  |]", "at 2:3", "'|]' closes nothing")]
        [InlineData("[|x|}", "at 1:4", "'|}' closes the '[|' opened at 1:1")]
        [InlineData("x {|", "at 1:3", "unknown markup")]
        [InlineData("{|EL0001 x|}", "at 1:1", "unknown markup")]
        [InlineData("{|#x:y|}", "at 1:1", "unknown markup")]
        [InlineData("\n[|x", "at 2:1", "'[|' is never closed")]
        public void Invalid_markup_throws_with_its_position(string markup, string position, string problem)
        {
            var exception = Assert.Throws<FormatException>(() => Markup.Parse(markup, "Test0.cs"));

            Assert.Contains($"Test0.cs {position}: {problem}", exception.Message);
        }
    }
}
