using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Storage;

public class ProcessedActivityStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly ActivityKey Key = new("msteams", "19:abc@thread.v2;messageid=1", "1700000000000");

    [Theory, MemberData(nameof(Providers))]
    public async Task The_first_claim_wins_and_a_redelivery_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IProcessedActivityStore>();

        Assert.True(await store.TryClaimAsync(Key, TimeSpan.FromMinutes(1), default));
        Assert.False(await store.TryClaimAsync(Key, TimeSpan.FromMinutes(1), default));
        await store.CompleteAsync(Key, default);
        Assert.False(await store.TryClaimAsync(Key, TimeSpan.Zero, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Of_many_concurrent_claims_exactly_one_succeeds(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IProcessedActivityStore>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => store.TryClaimAsync(Key, TimeSpan.FromMinutes(1), default))));

        Assert.Single(results, r => r);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_abandoned_claim_is_taken_over_after_its_lease(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IProcessedActivityStore>();

        Assert.True(await store.TryClaimAsync(Key, TimeSpan.FromMinutes(1), default));
        await Task.Delay(20);
        // A lease of zero means the earlier claim counts as abandoned (the worker crashed mid-turn).
        Assert.True(await store.TryClaimAsync(Key, TimeSpan.Zero, default));
    }
}
