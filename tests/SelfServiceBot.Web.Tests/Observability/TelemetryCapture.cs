using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SelfServiceBot.Web.Tests.Observability;

/// <summary>
/// The test hook for telemetry: the in-memory exporter added to the app's own tracer and meter providers, with collection
/// turned on (<c>Observability:Collect</c>) and no exporter configured. Spans are picked by trace id (the test starts the
/// trace), so spans of other tests' hosts in this process never count.
/// </summary>
internal sealed class TelemetryCapture
{
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Observability:Collect"] = "true" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
    }

    /// <summary>The spans of one trace that have ended, once the providers flushed.</summary>
    public IReadOnlyList<Activity> SpansOf(IServiceProvider app, ActivityTraceId trace)
    {
        app.GetRequiredService<TracerProvider>().ForceFlush();
        return _spans.Snapshot().Where(s => s.TraceId == trace).ToList();
    }

    /// <summary>Every span that has ended so far, of any host in the process.</summary>
    public IReadOnlyList<Activity> AllSpans(IServiceProvider app)
    {
        app.GetRequiredService<TracerProvider>().ForceFlush();
        return _spans.Snapshot();
    }

    /// <summary>Collects the metrics now and returns the latest snapshot of <paramref name="name"/> (null: never measured).</summary>
    public MetricSnapshot? Metric(IServiceProvider app, string name)
    {
        app.GetRequiredService<MeterProvider>().ForceFlush();
        return _metrics.Snapshot().LastOrDefault(m => m.Name == name);
    }

    /// <summary>The sum of a counter's points whose tags include every one of <paramref name="tags"/>.</summary>
    public long Sum(IServiceProvider app, string name, params (string Key, object Value)[] tags) =>
        Metric(app, name)?.MetricPoints.Where(p => Matches(p, tags)).Sum(p => p.GetSumLong()) ?? 0;

    public static bool Matches(MetricPoint point, (string Key, object Value)[] tags)
    {
        var have = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            have[tag.Key] = tag.Value;
        }
        return tags.All(t => have.TryGetValue(t.Key, out var value) && Equals(value, t.Value));
    }

    /// <summary>The exporters add from the app's threads while the test reads.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public List<T> Snapshot() { lock (_items) { return [.. _items]; } }
        public void Add(T item) { lock (_items) { _items.Add(item); } }
        public void Clear() { lock (_items) { _items.Clear(); } }
        public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }
        public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }
        public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }
        public int Count { get { lock (_items) { return _items.Count; } } }
        public bool IsReadOnly => false;
        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
