namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// The <c>DirectLine:Limits</c> section: how much one anonymous client may ask of the Direct Line endpoint. Over a
/// limit the answer is 429 with Retry-After. Limits are kept per instance (each counts what reaches it). 0 turns a limit off.
/// </summary>
public sealed class DirectLineLimitsOptions
{
    public const string SectionName = "DirectLine:Limits";

    /// <summary>
    /// tokens/generate, tokens/refresh and POST conversations from one client address (IPv6: one /64) per
    /// <see cref="StartWindow"/>. A Web Chat page load costs 1 or 2; an office behind one NAT address shares it.
    /// </summary>
    public int StartsPerAddress { get; set; } = 60;

    public TimeSpan StartWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Activities POSTed to one conversation with one token (or the secret) per <see cref="PostWindow"/>; a person types far fewer.</summary>
    public int PostsPerConversation { get; set; } = 60;

    public TimeSpan PostWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Open WebSocket streams of one conversation on one instance: each reads the database every StreamPollInterval.</summary>
    public int StreamsPerConversation { get; set; } = 4;
}
