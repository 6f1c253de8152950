namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>The <c>DirectLine</c> section: the local Direct Line v3 endpoint under /v3/directline.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// When set, <c>tokens/generate</c> and starting a conversation without a token require
    /// <c>Authorization: Bearer &lt;Secret&gt;</c>, and tokens are signed with a key derived from it.
    /// Empty (the default) means local mode: anyone who can reach the app may get a token.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; Direct Line clients refresh theirs every 15 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an open WebSocket looks in the database for activities another instance wrote.</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>At most this many activities per GET activities answer or WebSocket frame.</summary>
    public int PageSize { get; set; } = 100;

    public string BotId { get; set; } = "selfservicebot";

    public string BotName { get; set; } = "SelfService Bot";
}
