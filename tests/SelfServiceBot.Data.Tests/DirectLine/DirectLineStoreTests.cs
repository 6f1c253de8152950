using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Data.Tests.DirectLine;

public class DirectLineStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_appends_get_every_sequence_number_once_and_read_back_in_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IDirectLineStore>();
        Assert.True(await store.CreateConversationAsync(new DirectLineConversationInfo("c1", "u1", "en-US", DateTimeOffset.UtcNow), default));

        var sequences = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            store.AppendAsync("c1", "message", seq => $$"""{"type":"message","id":"c1|{{seq}}","text":"m{{i}}"}""", default))));
        var log = await store.ReadAsync("c1", 0, 100, default);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), sequences.Order());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), log.Select(e => e.Sequence));
        Assert.All(log, e => Assert.Contains($"\"id\":\"c1|{e.Sequence}\"", e.Json));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_conversation_is_created_once_and_reading_after_a_watermark_skips_what_came_before(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IDirectLineStore>();
        var conversation = new DirectLineConversationInfo("c2", "u2", "zh-CN", DateTimeOffset.UtcNow);

        Assert.True(await store.CreateConversationAsync(conversation, default));
        Assert.False(await store.CreateConversationAsync(conversation, default));
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync("c2", "message", seq => $$"""{"n":{{seq}}}""", default);
        }

        Assert.Equal([3L], (await store.ReadAsync("c2", 2, 100, default)).Select(e => e.Sequence));
        Assert.Equal("zh-CN", (await store.FindConversationAsync("c2", default))!.Locale);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync("missing", "message", _ => "{}", default));
    }
}
