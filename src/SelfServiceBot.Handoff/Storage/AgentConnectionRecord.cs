namespace SelfServiceBot.Handoff.Storage;

/// <summary>
/// One open agent console (a SignalR connection) on one app instance. An agent is present while any of their connections
/// lives; the instance holding it renews <see cref="LastSeenAt"/> (heartbeat), so the rows of an instance that died expire.
/// </summary>
public sealed class AgentConnectionRecord
{
    public required string ConnectionId { get; set; }
    public required string UserId { get; set; }
    public required string InstanceId { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
