using System.Diagnostics.Metrics;
using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.BotFramework.Diagnostics;

/// <summary>
/// Turns by channel and outcome, open Direct Line streams. Made by the host's <see cref="IMeterFactory"/>, which disposes
/// the meter with the host; with nobody listening an Add costs a check of <see cref="Instrument.Enabled"/>.
/// </summary>
public sealed class BotFrameworkMetrics
{
    private readonly Counter<long> _turns;
    private readonly UpDownCounter<long> _streams;

    public BotFrameworkMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(BotFrameworkTelemetry.Name);
        _turns = meter.CreateCounter<long>("ssb.turns", "{turn}", "Activities the turn pipeline handled, by channel and outcome");
        _streams = meter.CreateUpDownCounter<long>("ssb.directline.streams", "{stream}", "Direct Line WebSockets open on this instance");
    }

    public void TurnDone(string? channel, TurnOutcome outcome)
    {
        if (_turns.Enabled)
        {
            _turns.Add(1, new(BotFrameworkTelemetry.ChannelAttribute, channel ?? ""), new(BotFrameworkTelemetry.TurnOutcomeAttribute, OutcomeName(outcome)));
        }
    }

    public void StreamOpened() => _streams.Add(1);

    public void StreamClosed() => _streams.Add(-1);

    public static string OutcomeName(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Processed => "processed",
        TurnOutcome.Duplicate => "duplicate",
        TurnOutcome.Busy => "busy",
        _ => "failed",
    };
}
