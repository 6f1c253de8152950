namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>
/// The real clock, moved forward on demand: lets a test expire a token without sleeping, and without a
/// fake clock's frozen timers stopping the rest of the app (Kestrel, background jobs keep real time).
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
