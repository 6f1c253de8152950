using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Messages;

public sealed class AuthenticatedMessagesTests(AuthenticatedBotFixture f) : IClassFixture<AuthenticatedBotFixture>
{
    private const string AppId = AuthenticatedBotFixture.AppId;

    private string ServiceUrl => f.Connector.ServiceUrl;

    [Fact]
    public async Task A_channel_message_with_a_valid_token_gets_200_and_its_reply_reaches_the_connector_with_the_bot_token()
    {
        var activity = ChannelRequests.Message(ServiceUrl, "hello");

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(f.Connector.For(activity));
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{activity.Id}", reply.Path);
        Assert.Equal("Bearer " + TokenStandIn.AccessToken, reply.Authorization);
        var body = BotJson.Deserialize<Activity>(reply.Body)!;
        Assert.Equal("echo: hello", body.Text);
        Assert.Equal(activity.Id, body.ReplyToId);
        Assert.Equal(ChannelRequests.BotId, body.From?.Id);
        Assert.Equal("29:customer", body.Recipient?.Id);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "no token", "" },
        { "another bot's token", "audience" },
        { "another issuer", "issuer" },
        { "key not endorsed for msteams", "endorsement" },
        { "serviceurl claim for another host", "serviceurl" },
        { "expired", "expired" },
        { "alg none", "none" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_request_without_a_valid_token_gets_401_and_reaches_neither_bot_nor_connector(string because, string kind)
    {
        var activity = ChannelRequests.Message(ServiceUrl);
        var token = kind switch
        {
            "audience" => TestTokens.Channel(f.TeamsKey, "another-app", ServiceUrl),
            "issuer" => TestTokens.Channel(f.TeamsKey, AppId, ServiceUrl, issuer: "https://login.evil.example"),
            "endorsement" => TestTokens.Channel(f.WebChatKey, AppId, ServiceUrl),
            "serviceurl" => TestTokens.Channel(f.TeamsKey, AppId, "https://attacker.example/"),
            "expired" => TestTokens.Channel(f.TeamsKey, AppId, ServiceUrl, expires: DateTime.UtcNow.AddHours(-1)),
            "none" => TestTokens.Unsigned(f.TeamsKey.KeyId, AppId, ServiceUrl),
            _ => null,
        };

        var response = await ChannelRequests.PostAsync(f.Client, activity, token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Empty(f.Bot.Seen(activity.Conversation!.Id!));
        Assert.Empty(f.Connector.For(activity));
    }

    [Fact]
    public async Task A_redelivered_activity_gets_200_and_exactly_one_reply()
    {
        var activity = ChannelRequests.Message(ServiceUrl, "once");

        var first = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));
        var second = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(f.Connector.For(activity));
        Assert.Single(f.Bot.Seen(activity.Conversation!.Id!));
    }

    [Fact]
    public async Task Expect_replies_answers_the_replies_in_the_response_instead_of_the_connector()
    {
        var activity = ChannelRequests.Message(ServiceUrl, "buffered");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("echo: buffered", reply.GetProperty("text").GetString());
        Assert.Empty(f.Connector.For(activity));
    }

    [Fact]
    public async Task An_invoke_is_answered_with_the_bots_invoke_response()
    {
        var activity = ChannelRequests.Message(ServiceUrl);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "test/ping";

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"pong":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_gets_501()
    {
        var activity = ChannelRequests.Message(ServiceUrl);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "test/unknown";

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task The_bot_sees_a_teams_message_without_its_mention_and_without_an_inbound_caller_id()
    {
        var activity = ChannelRequests.Message(ServiceUrl, "<at>Support</at> where is my parcel?");
        activity.Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = ChannelRequests.BotId }, Text = "<at>Support</at>" }];
        activity.CallerId = "urn:botframework:azure";

        await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        var seen = Assert.Single(f.Bot.Seen(activity.Conversation!.Id!));
        Assert.Equal("where is my parcel?", seen.Text);
        Assert.Null(seen.CallerId);
    }

    [Fact]
    public async Task The_conversation_reference_of_an_authenticated_activity_is_saved()
    {
        var activity = ChannelRequests.Message(ServiceUrl);

        await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        var store = f.App.Services.GetRequiredService<IConversationReferenceStore>();
        var saved = await store.FindAsync(Channels.MsTeams, activity.Conversation!.Id!, default);
        Assert.Equal(ServiceUrl, saved?.ServiceUrl);
        Assert.Equal("29:customer", saved?.User?.Id);
        Assert.True(await store.IsKnownServiceUrlAsync(ServiceUrl, default));
    }

    [Fact]
    public async Task An_emulator_token_for_this_bot_is_accepted()
    {
        var activity = ChannelRequests.Message(ServiceUrl, "from the emulator", Channels.Emulator);

        var response = await ChannelRequests.PostAsync(f.Client, activity, TestTokens.Emulator(f.EmulatorKey, AppId, "2.0"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(f.Connector.For(activity));
    }

    [Fact]
    public async Task A_throttled_reply_is_retried_and_delivered()
    {
        var activity = ChannelRequests.Message(ServiceUrl, "busy");
        f.Connector.EnqueueAnswer(429, retryAfter: "0");

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, f.Connector.For(activity).Count);
    }
}
