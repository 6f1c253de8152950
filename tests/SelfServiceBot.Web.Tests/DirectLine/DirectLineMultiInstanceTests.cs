using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>Two app instances on one database, as behind a load balancer.</summary>
public class DirectLineMultiInstanceTests
{
    [Fact]
    public async Task A_socket_on_one_instance_sees_what_a_client_posts_through_the_other()
    {
        using var a = new AppServer();
        using var b = SharingDatabaseWith(a);
        using var clientA = new DirectLineTestClient(a);
        using var clientB = new DirectLineTestClient(b);
        var (conversationId, token, streamUrl) = await clientA.StartAsync();
        using var socketOnA = await DirectLineTestClient.ConnectAsync(streamUrl);

        var id = await clientB.PostMessageAsync(conversationId, token, "How do I track my order?");
        var (activities, _) = await DirectLineTestClient.ReceiveUntilAsync(socketOnA,
            seen => seen.Any(x => DirectLineTestClient.IsBotReplyTo(x, id)));

        Assert.Contains(activities, x => (string?)x["id"] == id);
    }

    [Fact]
    public async Task Concurrent_posts_through_both_instances_get_distinct_increasing_sequence_numbers()
    {
        using var a = new AppServer();
        using var b = SharingDatabaseWith(a);
        using var clientA = new DirectLineTestClient(a);
        using var clientB = new DirectLineTestClient(b);
        var (conversationId, token, _) = await clientA.StartAsync();

        var posts = Enumerable.Range(0, 6)
            .Select(i => (i % 2 == 0 ? clientA : clientB).PostMessageAsync(conversationId, token, $"message {i}"))
            .ToList();
        var ids = await Task.WhenAll(posts);
        var all = await clientB.GetActivitiesAsync(conversationId, token);

        Assert.Equal(6, ids.Distinct().Count());
        var sequences = all["activities"]!.AsArray().Select(x => long.Parse(((string)x!["id"]!).Split('|')[1])).ToList();
        // Typing activities take sequence numbers too but are not returned by polling, so there may be gaps;
        // what matters is that no number is handed out twice and the log is in order.
        Assert.Equal(sequences.Order().Distinct(), sequences);
        Assert.Subset(all["activities"]!.AsArray().Select(x => (string)x!["id"]!).ToHashSet(), ids.ToHashSet());
    }

    private static AppServer SharingDatabaseWith(AppServer first) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(first.DataDirectory, "bot.db")}",
    });
}
