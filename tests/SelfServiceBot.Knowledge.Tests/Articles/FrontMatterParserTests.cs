using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Tests.Articles;

public sealed class FrontMatterParserTests
{
    [Fact]
    public void Reads_scalars_flow_lists_block_lists_and_the_body()
    {
        var result = FrontMatterParser.Parse("""
            ---
            id: track-order
            title: "How do I track my order?"   
            tags: [orders, 'track, trace', shipping]
            # a comment
            questions:
              - Where is my order?
              - "Where's my parcel?"
            owner: team # who keeps it current
            ---
            The answer.
            """);

        var matter = Assert.IsType<FrontMatter>(result.Value);
        Assert.Equal("track-order", matter.Scalar("id"));
        Assert.Equal("How do I track my order?", matter.Scalar("title"));
        Assert.Equal(["orders", "track, trace", "shipping"], matter.List("tags"));
        Assert.Equal(["Where is my order?", "Where's my parcel?"], matter.List("questions"));
        Assert.Equal("team", matter.Scalar("owner"));
        Assert.Equal("The answer.", matter.Body);
        Assert.Equal(11, matter.BodyLine);
    }

    [Fact]
    public void Tolerates_a_byte_order_mark_and_windows_line_endings()
    {
        var result = FrontMatterParser.Parse("\uFEFF---\r\nid: a\r\ntitle: A\r\n---\r\nBody\r\n");

        Assert.Equal("a", result.Value?.Scalar("id"));
        Assert.Equal("Body", result.Value?.Body);
    }

    [Theory]
    [InlineData("id: a\n---\nbody", 1, "first line must be '---'")]
    [InlineData("---\nid: a\ntitle: A", 3, "not closed")]
    [InlineData("---\nid: a\nthis line has no colon\n---\nbody", 3, "expected 'key: value'")]
    [InlineData("---\n- orphan\n---\nbody", 2, "list item without a key")]
    [InlineData("---\ntags: [a, b\n---\nbody", 2, "not closed with ']'")]
    public void Reports_the_line_and_reason_of_a_broken_header(string text, int line, string reason)
    {
        var result = FrontMatterParser.Parse(text);

        Assert.Null(result.Value);
        Assert.Equal(line, result.ErrorLine);
        Assert.Contains(reason, result.Error);
    }
}
