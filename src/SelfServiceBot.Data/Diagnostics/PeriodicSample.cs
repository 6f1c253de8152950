using Microsoft.Extensions.Logging;

namespace SelfServiceBot.Data.Diagnostics;

/// <summary>
/// A value read from the database at most once per <paramref name="maxAge"/>, for observable gauges: however many exporters
/// collect (a Prometheus scrape, OTLP every minute), the database sees one small query per interval, and none at all while
/// nobody collects. A failed read keeps the last value and is logged; a gauge callback must not throw.
/// </summary>
public sealed class PeriodicSample<T>(Func<T> read, TimeSpan maxAge, TimeProvider clock, ILogger logger) where T : class
{
    private readonly Lock _lock = new();
    private T? _value;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The last value, read again when older than the interval; null until a read succeeded.</summary>
    public T? Value
    {
        get
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                if (now - _readAt < maxAge)
                {
                    return _value;
                }
                _readAt = now;
                try
                {
                    _value = read();
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Reading a gauge's value from the database failed; reporting the last one");
                }
                return _value;
            }
        }
    }
}
