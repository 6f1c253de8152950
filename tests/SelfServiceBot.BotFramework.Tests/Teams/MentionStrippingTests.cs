using Microsoft.Extensions.Logging.Abstractions;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Teams;

namespace SelfServiceBot.BotFramework.Tests.Teams;

public sealed class MentionStrippingTests
{
    private static Activity GroupMessage(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString(),
        ChannelId = Channels.MsTeams,
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot-app-id", Name = "Support" },
        From = new ChannelAccount { Id = "29:user" },
        Conversation = new ConversationAccount { Id = "19:group@thread.v2", IsGroup = true },
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string text) => new() { Type = "mention", Mentioned = new ChannelAccount { Id = id }, Text = text };

    [Fact]
    public void The_bots_own_mention_is_removed_ignoring_case_and_the_text_trimmed()
    {
        var activity = GroupMessage("<at>Support</at> where is my order?", Mention("28:bot-app-id", "<AT>support</AT>"));

        TeamsActivity.RemoveRecipientMention(activity);

        Assert.Equal("where is my order?", activity.Text);
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_text()
    {
        var activity = GroupMessage("<at>Support</at> please help <at>Ann</at>",
            Mention("28:bot-app-id", "<at>Support</at>"), Mention("29:ann", "<at>Ann</at>"));

        TeamsActivity.RemoveRecipientMention(activity);

        Assert.Equal("please help <at>Ann</at>", activity.Text);
    }

    [Fact]
    public async Task The_bot_sees_the_text_without_its_mention()
    {
        var bot = new TextRecordingBot();
        var turns = new TurnProcessor(bot, new AlwaysNewActivities(), NullLogger<TurnProcessor>.Instance);

        await turns.ProcessAsync(GroupMessage("<at>Support</at> refund please", Mention("28:bot-app-id", "<at>Support</at>")),
            new BufferedReplySink(), default);

        Assert.Equal("refund please", bot.Text);
    }

    private sealed class TextRecordingBot : IBot
    {
        public string? Text { get; private set; }

        public Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            Text = turn.Activity.Text;
            return Task.CompletedTask;
        }

        public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AlwaysNewActivities : IProcessedActivityStore
    {
        public Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken) => Task.FromResult(true);
        public Task CompleteAsync(ActivityKey key, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
