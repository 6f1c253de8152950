namespace SelfServiceBot.Handoff.Storage;

/// <summary>A staff user's agent profile: what they can handle and whether they are taking chats now.</summary>
public sealed class AgentRecord
{
    /// <summary>The staff user's id (AspNetUsers.Id).</summary>
    public required string UserId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Skills (knowledge-base categories, or * for all), comma-separated.</summary>
    public string Skills { get; set; } = "*";
    /// <summary>Languages (en, zh-CN), comma-separated.</summary>
    public string Languages { get; set; } = "en,zh-CN";
    /// <summary>Concurrent chats.</summary>
    public int Capacity { get; set; } = 3;
    public string Presence { get; set; } = AgentPresence.Offline;
    public DateTimeOffset? PresenceChangedAt { get; set; }
    /// <summary>When the agent last had a console open (a connection opened or closed); the grace period counts from here.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}

public static class AgentPresence
{
    public const string Online = "online";
    public const string Away = "away";
    public const string Offline = "offline";
}
