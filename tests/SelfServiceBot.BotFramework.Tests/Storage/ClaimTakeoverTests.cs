using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Storage;

/// <summary>A live holder renews its claim; a dead one's is taken over with what it recorded (docs/reliability.md).</summary>
public class ClaimTakeoverTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly ActivityKey Key = new("webchat", "conversation-1", "activity-1");
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_renewed_claim_stays_busy_and_a_dead_holders_claim_is_taken_over_with_its_replies_recorded(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
        var store = db.Services.GetRequiredService<IProcessedActivityStore>();

        Assert.Equal(new ClaimAttempt(ClaimStatus.Claimed, false), await store.ClaimAsync(Key, "first", Lease, default));
        await store.RecordRepliedAsync(Key, "first", default);
        clock.Advance(Lease * 0.6);
        Assert.True(await store.RenewAsync(Key, "first", default));
        clock.Advance(Lease * 0.6);
        Assert.Equal(ClaimStatus.Busy, (await store.ClaimAsync(Key, "second", Lease, default)).Status);

        // "first" stops renewing (it died): after a lease the claim is "second"'s, and it knows the replies went out.
        clock.Advance(Lease * 0.6);
        Assert.Equal(new ClaimAttempt(ClaimStatus.Claimed, RepliesSent: true, TakenOver: true), await store.ClaimAsync(Key, "second", Lease, default));
        Assert.False(await store.RenewAsync(Key, "first", default));
        Assert.True(await store.RenewAsync(Key, "second", default));
        await store.CompleteAsync(Key, default);
        Assert.Equal(ClaimStatus.Completed, (await store.ClaimAsync(Key, "third", TimeSpan.Zero, default)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Of_redeliveries_racing_for_a_dead_holders_claim_one_takes_it_over(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
        var store = db.Services.GetRequiredService<IProcessedActivityStore>();
        await store.ClaimAsync(Key, "dead", Lease, default);
        clock.Advance(Lease * 2);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.ClaimAsync(Key, $"retry-{i}", Lease, default))));

        Assert.Single(attempts, a => a.Status == ClaimStatus.Claimed);
        Assert.All(attempts.Where(a => a.Status != ClaimStatus.Claimed), a => Assert.Equal(ClaimStatus.Busy, a.Status));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_append_with_a_client_id_already_logged_returns_the_first_entry_and_logs_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IDirectLineStore>();
        await store.CreateConversationAsync(new DirectLineConversationInfo("c1", "u1", "en-US", DateTimeOffset.UtcNow), default);
        DirectLineAppend Post(string text) => new("message", seq => $$"""{"id":"c1|{{seq}}","text":"{{text}}"}""", "client-1");

        var first = await store.AppendAsync("c1", [Post("first")], default);
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => store.AppendAsync("c1", [Post("retry")], default))));
        var log = await store.ReadAsync("c1", 0, 100, default);

        Assert.False(first[0].AlreadyLogged);
        Assert.All(retries, r => Assert.Equal((first[0].Sequence, true, first[0].Json), (r[0].Sequence, r[0].AlreadyLogged, r[0].Json)));
        Assert.Equal([first[0].Json], log.Select(e => e.Json));
    }

    /// <summary>Time that moves only when told (the store reads nothing else of the clock).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
