namespace SelfServiceBot.BotFramework;

/// <summary>Names of the HttpClients this project registers, so hosts and tests can configure their handlers.</summary>
public static class BotHttpClients
{
    /// <summary>Downloads OpenID metadata and signing keys for inbound token checks.</summary>
    public const string OpenIdMetadata = "BotFramework.OpenIdMetadata";

    /// <summary>Used by MSAL to get the bot's outbound token.</summary>
    public const string Token = "BotFramework.Token";

    /// <summary>Calls the Bot Connector at a channel's serviceUrl (with retries).</summary>
    public const string Connector = "BotFramework.Connector";
}
