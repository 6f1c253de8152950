namespace SelfServiceBot.BotFramework.Auth;

/// <summary>
/// The <c>BotFramework</c> section: where keys and tokens come from (overridable for sovereign clouds and
/// for tests) and which serviceUrl hosts the bot may write to.
/// </summary>
public sealed class BotEndpointOptions
{
    public const string SectionName = "BotFramework";

    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Outbound tokens come from <c>{TokenAuthorityHost}/{tenant}/oauth2/v2.0/token</c>. MSAL requires https.</summary>
    public string TokenAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// Hosts replies may go to, e.g. <c>smba.trafficmanager.net</c> or <c>*.botframework.com</c>.
    /// Empty: the Bot Connector hosts of <see cref="ServiceUrls.BotConnectorHosts"/> and this machine (the Emulator).
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>
    /// Whether Bot Framework Emulator tokens (AAD tokens for this app, no serviceurl claim) are accepted. They are
    /// accepted only for a loopback serviceUrl either way, since nothing in them vouches for where replies go.
    /// </summary>
    public bool AllowEmulatorTokens { get; set; } = true;

    /// <summary>Signing keys are fetched again after this long, however often they are used.</summary>
    public TimeSpan SigningKeyCacheDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown key id triggers a refetch at most this often, so forged kids cannot hammer the key endpoint.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Bound on one metadata or key download; the channel gives up on the whole request after 15 s.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest accepted POST /api/messages body; larger ones get 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Longest message text the bot, agents and the search get; longer text is cut to this many UTF-16 units.</summary>
    public int MaxTextLength { get; set; } = 4000;
}
