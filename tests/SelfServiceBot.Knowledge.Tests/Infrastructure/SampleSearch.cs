using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Tests.Infrastructure;

/// <summary>The product's search over the repository's sample knowledge base, with its index in a temp folder; built once per test run.</summary>
internal static class SampleSearch
{
    public static KnowledgeOptions Options { get; } = new()
    {
        KnowledgeBasePath = SampleKnowledgeBase.Path,
        IndexPath = Path.Combine(Path.GetTempPath(), "ssb-knowledge-tests-index"),
    };

    public static KnowledgeEngineProvider Provider { get; } = new(
        Microsoft.Extensions.Options.Options.Create(Options),
        new KnowledgeBaseLocator(Microsoft.Extensions.Options.Options.Create(Options)),
        NullLogger<KnowledgeEngineProvider>.Instance);

    public static LuceneKnowledgeSearch Search { get; } = new(Provider, new FixedOptionsMonitor<KnowledgeOptions>(Options));
}

internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
