using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Knowledge.Diagnostics;
using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

public sealed class KnowledgeEncoderTests
{
    [Fact]
    public async Task The_query_caches_hits_and_misses_are_counted_on_the_knowledge_meter()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var holder = new KnowledgeEncoder(() => new CachingSentenceEncoder(CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"), 10),
            meters);
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This test's meter only (its factory is the scope): other tests' apps count on meters of the same name.
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == KnowledgeTelemetry.Name && instrument.Name.StartsWith("ssb.knowledge.query_cache.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        var before = new Dictionary<string, long>(measured);

        await holder.Encoder!.EncodeQueryAsync("where is my order", CancellationToken.None);
        await holder.Encoder!.EncodeQueryAsync("Where is my order ", CancellationToken.None);
        await holder.Encoder!.EncodeQueryAsync("refund", CancellationToken.None);
        listener.RecordObservableInstruments();

        Assert.Equal(0, before["ssb.knowledge.query_cache.misses"]);
        Assert.Equal(0, before["ssb.knowledge.query_cache.hits"]);
        Assert.Equal(2, measured["ssb.knowledge.query_cache.misses"]);
        Assert.Equal(1, measured["ssb.knowledge.query_cache.hits"]);
    }
}
