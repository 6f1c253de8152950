using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Storage;

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

    [Theory, MemberData(nameof(Providers))]
    public async Task Ending_a_conversation_marks_it_ended_and_ending_one_that_does_not_exist_does_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IDirectLineStore>();
        await store.CreateConversationAsync(new DirectLineConversationInfo("c4", "u4", null, DateTimeOffset.UtcNow), default);
        await store.CreateConversationAsync(new DirectLineConversationInfo("c5", "u5", null, DateTimeOffset.UtcNow), default);

        await store.EndConversationAsync("c4", default);
        await store.EndConversationAsync("never-started", default);

        Assert.True((await store.FindConversationAsync("c4", default))!.Ended);
        Assert.False((await store.FindConversationAsync("c5", default))!.Ended);
        Assert.Null(await store.FindConversationAsync("never-started", default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_turns_replies_are_stored_in_order_with_consecutive_watermarks_among_concurrent_appends(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IDirectLineStore>();
        await store.CreateConversationAsync(new DirectLineConversationInfo("c3", "u3", "en-US", DateTimeOffset.UtcNow), default);

        var singles = Enumerable.Range(0, 10).Select(i => Task.Run(() => store.AppendAsync("c3", "message", _ => $$"""{"text":"single {{i}}"}""", default)));
        var batches = Enumerable.Range(0, 5).Select(b => Task.Run(() => store.AppendAsync("c3",
            Enumerable.Range(0, 3).Select(r => new DirectLineAppend("message", seq => $$"""{"text":"batch {{b}} reply {{r}}","seq":{{seq}}}""")).ToList(),
            default)));
        await Task.WhenAll(singles);
        var stored = await Task.WhenAll(batches);
        var log = await store.ReadAsync("c3", 0, 100, default);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), log.Select(e => e.Sequence));
        foreach (var batch in stored)
        {
            Assert.Equal(Enumerable.Range((int)batch[0].Sequence, 3).Select(i => (long)i), batch.Select(e => e.Sequence));
            var texts = log.Where(e => batch.Any(b => b.Sequence == e.Sequence)).Select(e => e.Json).ToList();
            Assert.All(texts.Select((json, r) => (json, r)), x => Assert.Contains($"reply {x.r}\",\"seq\":{batch[0].Sequence + x.r}", x.json));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_batch_that_fails_stores_none_of_its_activities_and_takes_no_numbers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Services.GetRequiredService<IDirectLineStore>();
        await store.CreateConversationAsync(new DirectLineConversationInfo("c4", "u4", "en-US", DateTimeOffset.UtcNow), default);
        await store.AppendAsync("c4", "message", _ => """{"text":"before"}""", default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync("c4",
        [
            new DirectLineAppend("message", _ => """{"text":"answer"}"""),
            new DirectLineAppend("message", _ => throw new InvalidOperationException("cannot serialise the second reply")),
        ], default));
        var after = await store.AppendAsync("c4", "message", _ => """{"text":"after"}""", default);

        Assert.Equal(2, after);
        Assert.Equal(["""{"text":"before"}""", """{"text":"after"}"""], (await store.ReadAsync("c4", 0, 100, default)).Select(e => e.Json));
    }
}
