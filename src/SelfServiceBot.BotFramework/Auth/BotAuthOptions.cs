namespace SelfServiceBot.BotFramework.Auth;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

/// <summary>
/// The bot's identity, bound from the ROOT configuration keys Azure Bot Service uses
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>),
/// so the app settings of an Azure Bot resource work unchanged. An empty app id means local mode: no auth.
/// </summary>
public sealed class BotAuthOptions
{
    /// <summary>The tenant multi-tenant bots get their tokens from.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>Kept as text so a typo gets a clear validation message instead of a binder exception.</summary>
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string AppId => MicrosoftAppId?.Trim() ?? "";

    /// <summary>
    /// SingleTenant when the key is empty (the Bot Framework SDK said MultiTenant): Azure no longer accepts new
    /// multi-tenant bot registrations, so an empty key means what every new bot is.
    /// </summary>
    public BotAppType AppType =>
        string.IsNullOrWhiteSpace(MicrosoftAppType) ? BotAppType.SingleTenant
        : Enum.TryParse<BotAppType>(MicrosoftAppType.Trim(), ignoreCase: true, out var type) ? type
        : throw new InvalidOperationException($"Unknown MicrosoftAppType '{MicrosoftAppType}'.");

    /// <summary>The tenant outbound tokens come from: botframework.com, or the bot's own tenant.</summary>
    public string TokenTenant => AppType == BotAppType.MultiTenant ? BotFrameworkTenant : MicrosoftAppTenantId!.Trim();
}
