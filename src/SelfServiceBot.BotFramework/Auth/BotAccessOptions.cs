namespace SelfServiceBot.BotFramework.Auth;

/// <summary>The <c>Bot</c> section's say on who may call /api/messages when there is no app id to check tokens against.</summary>
public sealed class BotAccessOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// Outside Development with no <c>MicrosoftAppId</c>, /api/messages answers only callers on this machine (the
    /// Emulator, a benchmark) unless this is true. True lets anyone who reaches it post as any user of any channel, and
    /// is logged as an error at start: set it only behind something that authenticates callers itself.
    /// </summary>
    public bool AllowAnonymous { get; set; }
}
