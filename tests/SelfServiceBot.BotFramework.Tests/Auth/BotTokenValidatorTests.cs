using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Auth;

public sealed class BotTokenValidatorTests(SigningKeyServers keys) : IClassFixture<SigningKeyServers>
{
    private const string AppId = ValidatorFactory.AppId;
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static Activity TeamsMessage(string serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message, Id = "1", ChannelId = Channels.MsTeams, ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "a:1" }, Text = "hi",
    };

    private static Activity EmulatorMessage(string serviceUrl = "http://localhost:52000") => new()
    {
        Type = ActivityTypes.Message, ChannelId = Channels.Emulator, ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "c1" },
    };

    private BotTokenValidator Validator() => ValidatorFactory.Create(keys.Channel.MetadataUrl, keys.Emulator.MetadataUrl);

    private Task<BotAuthResult> AuthenticateAsync(string? token, Activity? activity = null) =>
        Validator().AuthenticateAsync(token is null ? null : "Bearer " + token, activity ?? TeamsMessage(), CancellationToken.None);

    [Fact]
    public async Task A_channel_token_signed_by_a_key_endorsed_for_the_channel_is_accepted()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.True(result.IsAuthenticated);
        Assert.False(result.FromEmulator);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_a_published_key_id_is_rejected()
    {
        var forger = new TestSigningKey(keys.TeamsKey.KeyId);

        var result = await AuthenticateAsync(TestTokens.Channel(forger, AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("InvalidSignature", result.FailureReason);
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Unsigned(keys.TeamsKey.KeyId, AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("InvalidSignature", result.FailureReason);
    }

    [Fact]
    public async Task An_hs256_token_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.SymmetricallySigned(keys.TeamsKey.KeyId, AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("InvalidSignature", result.FailureReason);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl, issuer: "https://evil.example.com"));

        Assert.False(result.Succeeded);
        Assert.Contains("InvalidIssuer", result.FailureReason);
    }

    [Fact]
    public async Task A_token_for_another_bot_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(keys.TeamsKey, "another-app-id", ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("InvalidAudience", result.FailureReason);
    }

    [Fact]
    public async Task A_token_expired_beyond_the_five_minute_skew_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6)));

        Assert.False(result.Succeeded);
        Assert.Contains("Expired", result.FailureReason);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_accepted()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task A_token_whose_key_is_not_endorsed_for_the_activity_channel_is_rejected()
    {
        // The Web Chat key signs a token for an activity that claims to come from Teams.
        var result = await AuthenticateAsync(TestTokens.Channel(keys.WebChatKey, AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.FailureReason);
    }

    [Fact]
    public async Task A_token_whose_serviceurl_differs_from_the_activity_is_rejected()
    {
        var token = TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl);

        var result = await AuthenticateAsync(token, TeamsMessage("https://attacker.example.com/"));

        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.FailureReason);
    }

    [Fact]
    public async Task A_channel_token_without_a_serviceurl_claim_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(keys.TeamsKey, AppId, serviceUrl: null));

        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_request_without_a_usable_bearer_token_is_rejected(string? authorization)
    {
        var result = await Validator().AuthenticateAsync(authorization, TeamsMessage(), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_valid_token_is_rejected_when_the_metadata_endpoint_cannot_be_reached()
    {
        var closed = await LoopbackServer.ClosedUrlAsync("/v1/.well-known/openidconfiguration");
        var validator = ValidatorFactory.Create(closed, keys.Emulator.MetadataUrl);

        var result = await validator.AuthenticateAsync(
            "Bearer " + TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl), TeamsMessage(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("No signing keys", result.FailureReason);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task An_emulator_token_for_this_bot_is_accepted_without_endorsement_or_serviceurl(string version)
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(keys.EmulatorKey, AppId, version), EmulatorMessage());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.True(result.FromEmulator);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://192.168.1.20:3978/")]
    public async Task An_emulator_token_cannot_vouch_for_a_service_url_that_is_not_this_machine(string serviceUrl)
    {
        // Nothing in an Emulator token says where replies go: accepted, it would make any host trusted for the bot's token.
        var result = await AuthenticateAsync(TestTokens.Emulator(keys.EmulatorKey, AppId, "2.0"), EmulatorMessage(serviceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("loopback", result.FailureReason);
    }

    [Fact]
    public async Task Emulator_tokens_can_be_turned_off()
    {
        var validator = ValidatorFactory.Create(keys.Channel.MetadataUrl, keys.Emulator.MetadataUrl, allowEmulatorTokens: false);

        var emulator = await validator.AuthenticateAsync(
            "Bearer " + TestTokens.Emulator(keys.EmulatorKey, AppId, "2.0"), EmulatorMessage(), CancellationToken.None);
        var channel = await validator.AuthenticateAsync(
            "Bearer " + TestTokens.Channel(keys.TeamsKey, AppId, ServiceUrl), TeamsMessage(), CancellationToken.None);

        Assert.False(emulator.Succeeded);
        Assert.Contains("AllowEmulatorTokens", emulator.FailureReason);
        Assert.True(channel.Succeeded, channel.FailureReason);
    }

    [Fact]
    public async Task An_emulator_token_for_another_app_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(keys.EmulatorKey, "another-app-id"), EmulatorMessage());

        Assert.False(result.Succeeded);
        Assert.Contains("app id", result.FailureReason);
    }

    [Fact]
    public async Task An_aad_token_from_an_unknown_tenant_is_rejected()
    {
        var result = await AuthenticateAsync(TestTokens.Emulator(keys.EmulatorKey, AppId, tenant: "00000000-0000-0000-0000-000000000001"));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_single_tenant_bot_accepts_emulator_tokens_from_its_own_tenant()
    {
        const string tenant = "0e5b5b1c-1111-4222-8333-944444444444";
        var validator = ValidatorFactory.Create(keys.Channel.MetadataUrl, keys.Emulator.MetadataUrl, appType: "SingleTenant", tenantId: tenant);

        var result = await validator.AuthenticateAsync(
            "Bearer " + TestTokens.Emulator(keys.EmulatorKey, AppId, "2.0", tenant), EmulatorMessage(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Local_mode_accepts_requests_without_a_token_but_does_not_call_them_authenticated()
    {
        var validator = ValidatorFactory.Create(keys.Channel.MetadataUrl, keys.Emulator.MetadataUrl, appId: "");

        var result = await validator.AuthenticateAsync(null, TeamsMessage(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.False(result.IsAuthenticated);
    }
}
