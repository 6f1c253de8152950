using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Messages;

public sealed class LocalModeMessagesTests
{
    [Fact]
    public async Task Without_an_app_id_an_emulator_message_is_accepted_without_a_token_and_answered_without_one()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var bot = new RecordingBot();
        using var app = new AppServer(services: s => s.AddSingleton<IBot>(bot));
        using var client = app.CreateHttpClient();
        var activity = ChannelRequests.Message(connector.ServiceUrl, "hello emulator", Channels.Emulator);

        var response = await ChannelRequests.PostAsync(client, activity, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(connector.For(activity));
        Assert.Null(reply.Authorization);
        Assert.Equal("echo: hello emulator", BotJson.Deserialize<Activity>(reply.Body)!.Text);
        // Nothing vouched for this serviceUrl, so it must not become trusted for a later token.
        var store = app.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Null(await store.FindAsync(Channels.Emulator, activity.Conversation!.Id!, default));
    }

    [Fact]
    public async Task A_valid_token_gets_401_when_the_key_endpoint_cannot_be_reached()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var key = new TestSigningKey();
        var unreachable = await LoopbackServer.ClosedUrlAsync("/v1/.well-known/openidconfiguration");
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "secret",
            ["BotFramework:ChannelOpenIdMetadataUrl"] = unreachable,
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = unreachable,
        });
        using var client = app.CreateHttpClient();
        var activity = ChannelRequests.Message(connector.ServiceUrl);

        var response = await ChannelRequests.PostAsync(client, activity, TestTokens.Channel(key, "app-id", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }
}
