using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>
/// The typing indicator shows only while the customer actually waits (Conversation:TypingDelay). The clock is a fake one,
/// so "slow" and "fast" are decided by the test, not by how busy the machine is.
/// </summary>
public sealed class TypingTests
{
    private const string Question = "How do I track my order?";

    [Fact]
    public async Task An_answer_ready_before_the_typing_delay_comes_without_a_typing_indicator()
    {
        // The fake clock never moves: however long the search takes here, the delay has not run out.
        await using var host = await ConversationTestHost.StartAsync(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider()));

        await host.Flow().WithTyping().Send(Question)
            .AssertAnswer("track your order")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_slow_answer_gets_the_typing_indicator_first()
    {
        var clock = new FakeTimeProvider();
        await using var host = await ConversationTestHost.StartAsync(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            WrapSearch(s, inner => new SlowSearch(inner, clock, TimeSpan.FromSeconds(1)));
        });

        await host.Flow().WithTyping().Send(Question)
            .AssertTyping()
            .AssertAnswer("track your order")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task With_no_typing_delay_every_search_shows_the_typing_indicator()
    {
        await using var host = await ConversationTestHost.StartAsync(s =>
        {
            s.AddSingleton<TimeProvider>(new FakeTimeProvider());
            s.Configure<ConversationOptions>(o => o.TypingDelay = TimeSpan.Zero);
        });

        await host.Flow().WithTyping().Send(Question)
            .AssertTyping()
            .AssertReplyContains("track your order")
            .StartTestAsync();
    }

    private static void WrapSearch(IServiceCollection services, Func<IKnowledgeSearch, IKnowledgeSearch> wrap)
    {
        var real = services.Single(d => d.ServiceType == typeof(IKnowledgeSearch));
        services.Remove(real);
        services.AddSingleton(real.ImplementationType!);
        services.AddSingleton(sp => wrap((IKnowledgeSearch)sp.GetRequiredService(real.ImplementationType!)));
    }

    /// <summary>A search during which the given time passes.</summary>
    private sealed class SlowSearch(IKnowledgeSearch inner, FakeTimeProvider clock, TimeSpan takes) : IKnowledgeSearch
    {
        public Task<KnowledgeResult> SearchAsync(string text, string locale, CancellationToken cancellationToken)
        {
            clock.Advance(takes);
            return inner.SearchAsync(text, locale, cancellationToken);
        }

        public Task<IReadOnlyList<KnowledgeCandidate>> RelatedAsync(string articleId, string locale, int max, CancellationToken cancellationToken) =>
            inner.RelatedAsync(articleId, locale, max, cancellationToken);
    }
}
