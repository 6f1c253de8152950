namespace SelfServiceBot.Handoff.Storage;

/// <summary>
/// The model's brief of one hand-off for agents reading one language: made once per (hand-off, language) and kept, so a
/// reload, another agent or another instance reads it instead of asking the model again. Customer data: retention and
/// erasure delete it with the hand-off's chat.
/// </summary>
public sealed class HandoffBriefRecord
{
    public long Id { get; set; }
    public long HandoffId { get; set; }
    /// <summary>The agents' language: en or zh-CN.</summary>
    public required string Language { get; set; }
    /// <summary>pending (an instance is asking the model), ready, or failed (the console shows the chat as without a model).</summary>
    public string Status { get; set; } = HandoffBriefStatus.Pending;
    /// <summary>The brief as JSON (problem, offered, references, mood) when ready.</summary>
    public string? BriefJson { get; set; }
    /// <summary>The n of the model_called event's key: a stale pending brief taken over by another instance is attempt 2.</summary>
    public int Attempts { get; set; } = 1;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public static class HandoffBriefStatus
{
    public const string Pending = "pending";
    public const string Ready = "ready";
    public const string Failed = "failed";
}
