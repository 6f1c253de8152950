using SelfServiceBot.Contracts.Conversations;

namespace SelfServiceBot.Contracts.Tests.Conversations;

public sealed class ConversationKeyTests
{
    [Theory]
    [InlineData("webchat", "abc123")]
    [InlineData("msteams", "a:1Xy-Z_9")]
    // Direct Line activity ids look like "{conversation}|0000001"; a conversation id may carry a '|' too.
    [InlineData("directline", "conv|with|bars")]
    [InlineData("emulator", "|leading")]
    [InlineData("", "no-channel")]
    public void The_stored_form_reads_back_as_the_same_key(string channel, string conversation)
    {
        var key = new ConversationKey(channel, conversation);

        var stored = key.ToString();

        Assert.Equal(channel + "|" + conversation, stored);
        Assert.Equal(key, ConversationKey.Parse(stored));
    }

    [Fact]
    public void The_channel_ends_at_the_first_bar_the_rest_is_the_conversation()
    {
        var key = ConversationKey.Parse("directline|abc|0000007");

        Assert.Equal(("directline", "abc|0000007"), (key.ChannelId, key.ConversationId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("webchat")]
    public void A_string_without_a_bar_is_refused_with_a_clear_error(string stored)
    {
        var error = Assert.Throws<FormatException>(() => ConversationKey.Parse(stored));

        Assert.Contains("channelId|conversationId", error.Message);
    }

    [Theory]
    [InlineData("webchat", null)]
    [InlineData("webchat", "")]
    [InlineData(null, null)]
    public void An_activity_without_a_conversation_has_no_key(string? channel, string? conversation)
    {
        Assert.Null(ConversationKey.From(channel, conversation));
    }

    [Fact]
    public void An_activity_without_a_channel_keys_on_an_empty_channel_as_before()
    {
        Assert.Equal("|c1", ConversationKey.From(null, "c1").ToString());
    }

    [Fact]
    public void Keys_are_equal_by_value_so_they_can_key_a_dictionary_or_a_lock()
    {
        var seen = new HashSet<ConversationKey> { new("webchat", "c1") };

        Assert.Contains(ConversationKey.Parse("webchat|c1"), seen);
        Assert.DoesNotContain(new ConversationKey("msteams", "c1"), seen);
    }
}
