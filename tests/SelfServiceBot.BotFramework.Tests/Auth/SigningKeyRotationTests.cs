using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Auth;

public sealed class SigningKeyRotationTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private readonly TestSigningKey _old = new();
    private readonly TestSigningKey _new = new();
    private OpenIdTestServer _server = null!;

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message, ChannelId = Channels.MsTeams, ServiceUrl = ServiceUrl, Conversation = new ConversationAccount { Id = "c" },
    };

    public async Task InitializeAsync()
    {
        _server = await OpenIdTestServer.StartAsync();
        _server.Publish((_old, ["msteams"]));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Keys_are_fetched_once_and_reused_for_later_tokens()
    {
        var validator = ValidatorFactory.Create(_server.MetadataUrl, _server.MetadataUrl);

        for (var i = 0; i < 3; i++)
        {
            var result = await validator.AuthenticateAsync("Bearer " + TestTokens.Channel(_old, ValidatorFactory.AppId, ServiceUrl), Message(), default);
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, _server.MetadataRequests);
        Assert.Equal(1, _server.KeyRequests);
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_published_key_triggers_a_refetch_and_is_accepted()
    {
        var validator = ValidatorFactory.Create(_server.MetadataUrl, _server.MetadataUrl, refreshInterval: TimeSpan.Zero);
        Assert.True((await validator.AuthenticateAsync("Bearer " + TestTokens.Channel(_old, ValidatorFactory.AppId, ServiceUrl), Message(), default)).Succeeded);

        _server.Publish((_old, ["msteams"]), (_new, ["msteams"]));
        var result = await validator.AuthenticateAsync("Bearer " + TestTokens.Channel(_new, ValidatorFactory.AppId, ServiceUrl), Message(), default);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, _server.KeyRequests);
    }

    [Fact]
    public async Task Unknown_key_ids_refetch_at_most_once_per_refresh_interval()
    {
        var validator = ValidatorFactory.Create(_server.MetadataUrl, _server.MetadataUrl, refreshInterval: TimeSpan.FromHours(1));
        var stranger = new TestSigningKey();

        for (var i = 0; i < 3; i++)
        {
            var result = await validator.AuthenticateAsync("Bearer " + TestTokens.Channel(stranger, ValidatorFactory.AppId, ServiceUrl), Message(), default);
            Assert.False(result.Succeeded);
        }

        Assert.Equal(1, _server.KeyRequests);
    }
}
