using System.Net;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>
/// A client that did not see the answer to its POST sends the same activity again (Web Chat's DirectLineJS keeps its
/// channelData.clientActivityID): the conversation must read as if it was sent once.
/// </summary>
public class DirectLineRetryTests
{
    [Fact]
    public async Task A_retried_post_is_stored_echoed_and_answered_once_and_gets_the_id_of_the_first()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync(locale: "en-US");

        var first = await client.PostMessageAsync(conversationId, token, "How do I track my order?", clientActivityId: "client-1");
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            client.PostMessageAsync(conversationId, token, "How do I track my order?", clientActivityId: "client-1")));
        var then = await client.PostMessageAsync(conversationId, token, "How do I return an item?", clientActivityId: "client-2");
        var activities = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, then)));

        Assert.All(retries, id => Assert.Equal(first, id));
        Assert.Single(activities, a => (string?)a["text"] == "How do I track my order?");
        Assert.Single(activities, a => DirectLineTestClient.IsBotReplyTo(a, first));
        Assert.NotEqual(first, then);
        Assert.Single(activities, a => DirectLineTestClient.IsBotReplyTo(a, then));
    }

    [Fact]
    public async Task Posts_with_different_client_ids_are_each_a_message_of_their_own()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync(locale: "en-US");

        var first = await client.PostMessageAsync(conversationId, token, "hello");
        var second = await client.PostMessageAsync(conversationId, token, "hello");
        var activities = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, second)));

        Assert.NotEqual(first, second);
        Assert.Equal(2, activities.Count(a => (string?)a["text"] == "hello"));
    }

    [Fact]
    public async Task A_client_activity_id_longer_than_256_characters_is_refused()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token,
            $$$"""{"type":"message","text":"hi","channelData":{"clientActivityID":"{{{new string('x', 257)}}}"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
