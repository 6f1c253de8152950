namespace SelfServiceBot.BotFramework.Connector;

/// <summary>The <c>BotFramework:Connector</c> section: how hard outbound calls to a channel's serviceUrl try.</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "BotFramework:Connector";

    /// <summary>Retries after the first attempt for 429, 412 and 5xx answers and network errors.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// First backoff delay (exponential, with jitter) when the channel sends no Retry-After. Small, because replies are
    /// sent inside the channel's 15 s request: 0.5 + 1 + 2 s leaves room for the turn itself.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A longer Retry-After is cut to this, so one reply cannot hold a turn for minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
