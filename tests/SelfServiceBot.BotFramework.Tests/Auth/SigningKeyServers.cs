using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Auth;

/// <summary>One channel key server (keys endorsed for msteams and webchat) and one Emulator (AAD) key server per test class.</summary>
public sealed class SigningKeyServers : IAsyncLifetime
{
    public TestSigningKey TeamsKey { get; } = new();
    public TestSigningKey WebChatKey { get; } = new();
    public TestSigningKey EmulatorKey { get; } = new();
    public OpenIdTestServer Channel { get; private set; } = null!;
    public OpenIdTestServer Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Channel = await OpenIdTestServer.StartAsync();
        Channel.Publish((TeamsKey, ["msteams"]), (WebChatKey, ["webchat", "directline"]));
        Emulator = await OpenIdTestServer.StartAsync();
        Emulator.Publish((EmulatorKey, []));
    }

    public async Task DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
