namespace SelfServiceBot.BotFramework.Auth;

/// <summary>Who may sign the tokens that reach /api/messages.</summary>
internal static class BotTokenIssuers
{
    /// <summary>The issuer of every channel (Bot Connector) token.</summary>
    public const string Channel = "https://api.botframework.com";

    // The tenants the Emulator's AAD tokens come from (public cloud), in v1 and v2 issuer form.
    private static readonly string[] EmulatorTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    ];

    /// <summary>Emulator issuers, plus the bot's own tenant when it has one (single tenant, managed identity).</summary>
    public static IReadOnlySet<string> Emulator(BotAuthOptions options)
    {
        var tenants = EmulatorTenants.ToList();
        if (options.AppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            tenants.Add(options.MicrosoftAppTenantId.Trim());
        }
        return tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }
}
