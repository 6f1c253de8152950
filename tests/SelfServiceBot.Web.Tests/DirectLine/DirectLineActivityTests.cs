using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

public class DirectLineActivityTests
{
    [Fact]
    public async Task A_posted_message_is_stamped_and_echoed_back_with_its_id_and_client_activity_id()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync(locale: "en-US");

        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?", clientActivityId: "client-1");
        var activities = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => (string?)a["id"] == id));

        Assert.Equal($"{conversationId}|0000001", id);
        var echo = activities.Single(a => (string?)a["id"] == id);
        Assert.Equal("How do I track my order?", (string?)echo["text"]);
        Assert.Equal("client-1", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal("directline", (string?)echo["channelId"]);
        Assert.Equal(conversationId, (string?)echo["conversation"]?["id"]);
        Assert.Equal("bot", (string?)echo["recipient"]?["role"]);
        Assert.Equal("user", (string?)echo["from"]?["role"]);
        Assert.Equal("en-US", (string?)echo["locale"]);
        Assert.True(DateTimeOffset.TryParse((string?)echo["timestamp"], out _));
    }

    [Fact]
    public async Task The_sender_is_the_token_user_whatever_the_client_wrote_in_from()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var generated = await client.GenerateTokenAsync(json: """{"user":{"id":"customer-7"}}""");
        var token = (string)generated["token"]!;
        var conversationId = (string)generated["conversationId"]!;
        await client.SendAsync(HttpMethod.Post, "conversations", token);

        var id = await client.PostMessageAsync(conversationId, token, "hello");
        var echo = (await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => (string?)a["id"] == id)))
            .Single(a => (string?)a["id"] == id);

        Assert.Equal("customer-7", (string?)echo["from"]?["id"]);
    }

    [Fact]
    public async Task The_bot_reply_comes_from_the_bot_role_and_answers_the_posted_activity()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?");
        var activities = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, id)));

        var reply = activities.First(a => DirectLineTestClient.IsBotReplyTo(a, id));
        Assert.StartsWith($"{conversationId}|", (string?)reply["id"]);
        Assert.Equal("directline", (string?)reply["channelId"]);
        Assert.True(activities.IndexOf(reply) > activities.FindIndex(a => (string?)a["id"] == id), "the echo comes before the reply");
    }

    [Fact]
    public async Task Polling_with_the_watermark_returns_only_newer_activities()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var first = await client.PostMessageAsync(conversationId, token, "first");
        var afterFirst = await client.GetActivitiesAsync(conversationId, token);
        var watermark = (string)afterFirst["watermark"]!;

        var second = await client.PostMessageAsync(conversationId, token, "second");
        var newer = await client.GetActivitiesAsync(conversationId, token, watermark);

        var ids = newer["activities"]!.AsArray().Select(a => (string?)a!["id"]).ToList();
        Assert.Contains(second, ids);
        Assert.DoesNotContain(first, ids);
        Assert.True(long.Parse((string)newer["watermark"]!) > long.Parse(watermark));
        var empty = await client.GetActivitiesAsync(conversationId, token, (string)newer["watermark"]!);
        Assert.Empty(empty["activities"]!.AsArray());
        Assert.Equal((string)newer["watermark"]!, (string)empty["watermark"]!);
    }

    [Fact]
    public async Task Typing_is_not_returned_by_polling()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"typing"}""");
        var id = await client.PostMessageAsync(conversationId, token, "after typing");
        var all = await client.GetActivitiesAsync(conversationId, token);

        var types = all["activities"]!.AsArray().Select(a => (string?)a!["type"]).ToList();
        Assert.DoesNotContain("typing", types);
        Assert.Contains(all["activities"]!.AsArray(), a => (string?)a!["id"] == id);
    }

    [Theory]
    [InlineData("watermark=abc")]
    [InlineData("watermark=-1")]
    public async Task A_watermark_that_is_not_a_sequence_number_answers_400(string query)
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?{query}", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("", "BadArgument")]
    [InlineData("{\"text\":\"no type\"}", "MissingProperty")]
    [InlineData("[\"not\",\"an\",\"object\"]", "BadArgument")]
    public async Task A_malformed_activity_answers_400(string body, string code)
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await DirectLineTestClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task When_the_bot_fails_the_post_answers_502_and_the_apology_still_reaches_the_client()
    {
        using var app = new AppServer(services: s => s.AddSingleton<IBot, FailingBot>());
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token,
            new JsonObject { ["type"] = "message", ["text"] = "boom" }.ToJsonString());
        var activities = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => (string?)a["text"] == FailingBot.Apology));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("BotError", await DirectLineTestClient.ErrorCodeAsync(response));
        Assert.Equal("bot", (string?)activities.Single(a => (string?)a["text"] == FailingBot.Apology)["from"]?["role"]);
    }

    private sealed class FailingBot : IBot
    {
        public const string Apology = "Sorry, that broke.";

        public Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) =>
            turn.Activity.Type == "message" ? throw new InvalidOperationException("broken on purpose") : Task.CompletedTask;

        public async Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) =>
            await turn.SendActivityAsync(new BotFramework.Schema.Activity { Text = Apology }, cancellationToken);
    }
}
