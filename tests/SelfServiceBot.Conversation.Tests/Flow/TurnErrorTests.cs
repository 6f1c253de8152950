using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Conversation.Tests.Flow;

public sealed class TurnErrorTests
{
    [Fact]
    public async Task A_failing_turn_apologises_and_resets_only_that_conversation()
    {
        await using var host = await ConversationTestHost.StartAsync(WithSearchThatFailsOn("boom"));
        var broken = host.Flow();
        var healthy = host.Flow();

        await healthy.Send("How do I track my order?").AssertAnswer("track your order")
            .StartTestAsync();
        await broken.Send("Where is my refund?").AssertAnswer("3 working days")
            .Send("boom")
            .AssertReply("Sorry, something went wrong on my side. Let's start again: what would you like to ask?")
            .AssertNoReply()
            // The broken conversation's state is gone: "No" is now an ordinary question, not feedback.
            .Send("No")
            .AssertReplyContains("Sorry, I couldn't find an answer to that.")
            .StartTestAsync();
        // The other conversation still remembers that it was asked for feedback.
        await healthy.Send("No").AssertReply("Sorry that didn't help. Would you like to talk to a person?").StartTestAsync();

        Assert.Equal(TurnOutcome.Failed, broken.Results[1].Outcome);
        // What the customer did before the failure is still reported.
        Assert.Contains(await host.EventsAsync(broken.ConversationId), e => e is { Type: ConversationEventTypes.CustomerMessage, Text: "boom" });
    }

    [Fact]
    public async Task The_apology_is_in_the_customers_language()
    {
        await using var host = await ConversationTestHost.StartAsync(WithSearchThatFailsOn("崩溃"));

        await host.Flow(locale: "zh-CN").Send("崩溃").AssertReply("抱歉，我这边出了点问题。我们重新开始吧：请问有什么可以帮您？").StartTestAsync();
    }

    private static Action<IServiceCollection> WithSearchThatFailsOn(string trigger) => services =>
    {
        var real = services.Single(d => d.ServiceType == typeof(IKnowledgeSearch));
        services.Remove(real);
        services.AddSingleton(real.ImplementationType!);
        services.AddSingleton<IKnowledgeSearch>(sp => new FailingSearch((IKnowledgeSearch)sp.GetRequiredService(real.ImplementationType!), trigger));
    };

    private sealed class FailingSearch(IKnowledgeSearch inner, string trigger) : IKnowledgeSearch
    {
        public Task<KnowledgeResult> SearchAsync(string text, string locale, CancellationToken cancellationToken) =>
            text == trigger ? throw new InvalidOperationException("search index unavailable") : inner.SearchAsync(text, locale, cancellationToken);

        public Task<IReadOnlyList<KnowledgeCandidate>> RelatedAsync(string articleId, string locale, int max, CancellationToken cancellationToken) =>
            inner.RelatedAsync(articleId, locale, max, cancellationToken);
    }
}
