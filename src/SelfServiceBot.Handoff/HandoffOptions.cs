namespace SelfServiceBot.Handoff;

/// <summary>
/// The <c>Handoff</c> section, the desk's part: how requests are queued, when people are there. When the bot hands off
/// (NoMatchLimit, MessageLimit, AlwaysHumanCategories) is the conversation's part of the same section (HandoffTriggerOptions).
/// </summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>Console (built-in agent console) or External (Bot Framework handoff.initiate to another agent hub).</summary>
    public string Mode { get; set; } = "Console";

    public bool IsExternal => string.Equals(Mode, "External", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// External mode: the <c>from.id</c> values the other agent hub posts <c>handoff.status</c> with (required then). A status
    /// from anyone else (the customer above all, who could otherwise close or fail their own hand-off) is ignored.
    /// </summary>
    public List<string> ExternalHubIds { get; set; } = [];

    /// <summary>Priority by category (higher first); everything else is 0, policy hand-offs at least 1.</summary>
    public Dictionary<string, int> CategoryPriorities { get; set; } = [];

    /// <summary>Skill (queue) by category; a category not listed is its own skill, no category is <see cref="DefaultSkill"/>.</summary>
    public Dictionary<string, string> SkillByCategory { get; set; } = [];

    public string DefaultSkill { get; set; } = "general";

    /// <summary>Assign waiting chats to the least-busy eligible online agent without waiting for a claim.</summary>
    public bool AutoAssign { get; set; } = true;

    /// <summary>Handle time assumed for the wait estimate until there are closed chats to learn from.</summary>
    public double DefaultHandleMinutes { get; set; } = 6;

    /// <summary>When people answer chats; null = always (agents' presence still decides).</summary>
    public BusinessHoursOptions? BusinessHours { get; set; }

    /// <summary>How long an agent stays present after their last console closes, and how instances keep that in the database.</summary>
    public AgentPresenceOptions Presence { get; set; } = new();
}

/// <summary>The <c>Handoff:Presence</c> section.</summary>
public sealed class AgentPresenceOptions
{
    /// <summary>An agent whose last console closed goes offline after this (a reload or a short network cut keeps them online).</summary>
    public double GraceSeconds { get; set; } = 30;

    /// <summary>How often each instance renews its consoles' rows and sweeps (offline after the grace, expired rows, assignment).</summary>
    public double HeartbeatSeconds { get; set; } = 15;

    /// <summary>A console row not renewed for this long belongs to an instance that died; it is removed.</summary>
    public double ExpirySeconds { get; set; } = 60;

    public TimeSpan Grace => TimeSpan.FromSeconds(GraceSeconds);
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);
    public TimeSpan Expiry => TimeSpan.FromSeconds(ExpirySeconds);

    internal bool IsValid() => GraceSeconds >= 0 && HeartbeatSeconds > 0 && ExpirySeconds >= 2 * HeartbeatSeconds;
}

public sealed class BusinessHoursOptions
{
    /// <summary>IANA or Windows time zone id, e.g. Asia/Shanghai, Europe/London.</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeOnly Open { get; set; } = new(9, 0);

    public TimeOnly Close { get; set; } = new(18, 0);
}
