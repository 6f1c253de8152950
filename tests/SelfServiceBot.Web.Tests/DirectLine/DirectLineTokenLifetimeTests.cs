using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>How long a token lives: out of URLs, refresh bounded, dead once the conversation ended.</summary>
public class DirectLineTokenLifetimeTests
{
    [Fact]
    public async Task The_stream_url_carries_a_short_lived_stream_token_never_the_bearer_token()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();

        var t = Uri.UnescapeDataString(new Uri(streamUrl).Query.Split('&')[0]["?t=".Length..]);

        Assert.NotEqual(token, t);
        Assert.DoesNotContain(token, streamUrl);
        var streamToken = new JsonWebToken(t);
        Assert.Equal(conversationId, streamToken.GetPayloadValue<string>("conv"));
        Assert.True(streamToken.ValidTo - streamToken.ValidFrom <= TimeSpan.FromMinutes(2), $"the stream token lives {streamToken.ValidTo - streamToken.ValidFrom}");
        // The stream token opens the socket, and does nothing else.
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", t)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "tokens/refresh", t)).StatusCode);
    }

    [Fact]
    public async Task The_bearer_token_in_the_url_opens_no_socket_but_in_a_header_it_does()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var bare = new Uri($"ws://{app.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream");

        using var inUrl = new ClientWebSocket();
        inUrl.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => inUrl.ConnectAsync(new Uri($"{bare}?t={token}"), CancellationToken.None));
        using var inHeader = new ClientWebSocket();
        inHeader.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        await inHeader.ConnectAsync(bare, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, inUrl.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, inHeader.State);
    }

    [Fact]
    public async Task An_expired_stream_url_is_refused_and_reconnecting_gives_a_working_one()
    {
        var clock = new ShiftableClock();
        using var app = new AppServer(services: services => services.AddSingleton<TimeProvider>(clock));
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(3));
        using var stale = new ClientWebSocket();
        stale.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => stale.ConnectAsync(new Uri(streamUrl), CancellationToken.None));
        var reconnect = await DirectLineTestClient.ReadOkAsync(await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}", token));
        using var fresh = await DirectLineTestClient.ConnectAsync((string)reconnect["streamUrl"]!);

        Assert.Equal(HttpStatusCode.Forbidden, stale.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, fresh.State);
    }

    [Fact]
    public async Task Refreshing_never_takes_a_token_past_the_maximum_age()
    {
        var clock = new ShiftableClock();
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["DirectLine:TokenLifetime"] = "00:30:00",
            ["DirectLine:MaxTokenAge"] = "01:00:00",
        }, services => services.AddSingleton<TimeProvider>(clock));
        using var client = new DirectLineTestClient(app);
        var (_, token, _) = await client.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(25));
        var first = await DirectLineTestClient.ReadOkAsync(await client.SendAsync(HttpMethod.Post, "tokens/refresh", token));
        clock.Advance(TimeSpan.FromMinutes(25));
        var second = await DirectLineTestClient.ReadOkAsync(await client.SendAsync(HttpMethod.Post, "tokens/refresh", (string)first["token"]!));
        clock.Advance(TimeSpan.FromMinutes(9));
        var third = await DirectLineTestClient.ReadOkAsync(await client.SendAsync(HttpMethod.Post, "tokens/refresh", (string)second["token"]!));
        clock.Advance(TimeSpan.FromMinutes(2));
        var fourth = await client.SendAsync(HttpMethod.Post, "tokens/refresh", (string)third["token"]!);

        Assert.Equal(1800, (int)first["expires_in"]!);
        // 50 and 59 minutes in: the tokens end with the hour, not 30 minutes later, and then nothing refreshes them.
        Assert.InRange((int)second["expires_in"]!, 9 * 60, 10 * 60 + 1);
        Assert.InRange((int)third["expires_in"]!, 1, 61);
        Assert.Equal(HttpStatusCode.Forbidden, fourth.StatusCode);
    }

    [Fact]
    public async Task After_the_client_ends_the_conversation_its_tokens_no_longer_work()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        await client.PostMessageAsync(conversationId, token, "thanks, bye");

        var end = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"endOfConversation"}""");

        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var refresh = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal("ConversationEnded", await DirectLineTestClient.ErrorCodeAsync(refresh));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"message","text":"hi"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Post, "conversations", token)).StatusCode);
    }
}
