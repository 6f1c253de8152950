using Microsoft.Extensions.Logging.Abstractions;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Tests.Pipeline;

public sealed class TurnOrderingTests
{
    [Fact]
    public async Task Turns_of_one_conversation_never_overlap_while_other_conversations_run_alongside()
    {
        var bot = new OverlapMeasuringBot();
        var turns = new TurnProcessor(bot, new NoDuplicates(), NullLogger<TurnProcessor>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => turns.ProcessAsync(Message($"c{i % 2}", $"a{i}"), new BufferedReplySink(), default))));

        Assert.Equal(1, bot.MaxInFlight("c0"));
        Assert.Equal(1, bot.MaxInFlight("c1"));
        Assert.Equal(2, bot.MaxInFlightOverall);
    }

    private static Activity Message(string conversation, string id) => new()
    {
        Type = ActivityTypes.Message, Id = id, ChannelId = "test", Text = "hi",
        Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "user" }, Recipient = new ChannelAccount { Id = "bot" },
    };

    private sealed class OverlapMeasuringBot : IBot
    {
        private readonly Dictionary<string, (int Now, int Max)> _perConversation = new();
        private readonly Lock _lock = new();
        private int _overall;

        public int MaxInFlightOverall { get; private set; }

        public int MaxInFlight(string conversation) { lock (_lock) return _perConversation[conversation].Max; }

        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            var key = turn.Activity.Conversation!.Id!;
            lock (_lock)
            {
                var (now, max) = _perConversation.GetValueOrDefault(key);
                _perConversation[key] = (now + 1, Math.Max(max, now + 1));
                MaxInFlightOverall = Math.Max(MaxInFlightOverall, ++_overall);
            }
            // Long enough that, without ordering, turns of the same conversation would overlap.
            await Task.Delay(50, cancellationToken);
            lock (_lock)
            {
                var (now, max) = _perConversation[key];
                _perConversation[key] = (now - 1, max);
                _overall--;
            }
        }

        public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoDuplicates : IProcessedActivityStore
    {
        public Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken) => Task.FromResult(true);
        public Task CompleteAsync(ActivityKey key, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
