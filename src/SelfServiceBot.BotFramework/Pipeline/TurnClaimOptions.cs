namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// The <c>BotFramework:Claims</c> section: how a turn's claim on its activity tells a dead worker from a live slow one
/// (docs/reliability.md).
/// </summary>
public sealed class TurnClaimOptions
{
    public const string SectionName = "BotFramework:Claims";

    /// <summary>
    /// A claim not renewed for this long belongs to a worker that died: a redelivery takes it over and finishes the turn.
    /// The holder renews it every third of this while the turn runs.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a redelivery waits for a live holder to finish before it answers 409 (retry later). Under the 15 s the
    /// Bot Connector gives a request.
    /// </summary>
    public TimeSpan RedeliveryWait { get; set; } = TimeSpan.FromSeconds(10);
}
