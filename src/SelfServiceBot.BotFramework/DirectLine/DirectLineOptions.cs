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

    /// <summary>
    /// Refreshing never takes a token past this long after the conversation's first token was issued: a token that
    /// leaked cannot be kept alive forever. Web Chat then shows the connection as lost; a reload starts a new chat.
    /// </summary>
    public TimeSpan MaxTokenAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Validity of the stream token in a streamUrl's <c>t</c> query. URLs end up in proxy and server logs, so the
    /// long-lived bearer token never goes there: the stream token opens sockets of that conversation only, for this long.
    /// </summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest accepted POST activities body in bytes (as /api/messages); larger ones get 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Largest accepted tokens/generate or POST conversations body in bytes; larger ones get 413.</summary>
    public int MaxStartRequestBytes { get; set; } = 4 * 1024;

    /// <summary>Longest <c>user.id</c> a client may choose (tokens/generate, POST conversations); longer ones get 400.</summary>
    public int MaxUserIdLength { get; set; } = 128;

    /// <summary>Longest <c>user.name</c> (it travels inside every token); longer ones get 400.</summary>
    public int MaxUserNameLength { get; set; } = 256;

    /// <summary>Longest message text the bot, agents and the search get; longer text is cut to this many UTF-16 units.</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>How often an open WebSocket looks in the database for activities another instance wrote.</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>At most this many activities per GET activities answer or WebSocket frame.</summary>
    public int PageSize { get; set; } = 100;

    public string BotId { get; set; } = "selfservicebot";

    public string BotName { get; set; } = "SelfService Bot";
}
