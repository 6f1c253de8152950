using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Conversation;

public class ConversationWiringTests
{
    [Fact]
    public async Task The_running_app_answers_from_the_repository_knowledge_base()
    {
        using var app = new AppServer();
        var processor = app.Services.GetRequiredService<TurnProcessor>();
        var sink = new BufferedReplySink();

        var result = await processor.ProcessAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1",
            ChannelId = Channels.DirectLine,
            Conversation = new ConversationAccount { Id = "wiring" },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            Locale = "en-US",
            Text = "How do I track my order?",
        }, sink, CancellationToken.None);

        Assert.Equal(TurnOutcome.Processed, result.Outcome);
        var answer = Assert.Single(sink.Activities, a => a.Type == ActivityTypes.Message);
        Assert.Contains("track your order", answer.Text);
        Assert.Equal("Did this answer your question?", Assert.Single(answer.Attachments!).Content?.GetString());
    }
}
