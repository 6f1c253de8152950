namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>The <c>Knowledge:Embeddings</c> section: which model gives the hybrid ranking its dense evidence.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Knowledge:Embeddings";

    /// <summary>Local (all-MiniLM-L6-v2 in process, English), OpenAI, AzureOpenAI, or None (lexical ranking only).</summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>
    /// The service's base address: for OpenAI empty (api.openai.com) or an OpenAI-compatible server's <c>.../v1</c>; for Azure
    /// OpenAI the resource, <c>https://NAME.openai.azure.com</c> (its <c>/openai/v1/</c> endpoint is used).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The embedding model (OpenAI), or the deployment's name (Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>The service's key: from the environment or a secret store, never from a file in the repository.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Shorter vectors from models that support it (text-embedding-3-*); null: the model's own.</summary>
    public int? Dimensions { get; set; }

    /// <summary>The languages the model understands; the others stay lexical. Empty: the provider's default (Local: en; services: en, zh).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>How many customer messages' vectors are kept (least recently used go first); 0 turns the cache off.</summary>
    public int QueryCacheSize { get; set; } = 10_000;

    /// <summary>How many phrasings go into one request when an index is built.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How long one request to an embedding service may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Names provider, model and dimension, so vectors and indexes of another model are never mixed with these.</summary>
    public string ModelId() => Provider switch
    {
        EmbeddingProvider.None => "lexical",
        EmbeddingProvider.Local => $"local/{MiniLmEmbeddingGenerator.ModelName}/{MiniLmEmbeddingGenerator.Dimensions}",
        _ => $"{Provider.ToString().ToLowerInvariant()}/{Model}/{(Dimensions is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "native")}",
    };

    public IReadOnlySet<string> LanguagesOrDefault() => new HashSet<string>(
        Languages.Count > 0 ? Languages : Provider == EmbeddingProvider.Local ? ["en"] : ["en", "zh"], StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with the section (empty when nothing is), in words an operator can act on.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            problems.Add($"{SectionName}:Provider must be None, Local, OpenAI or AzureOpenAI.");
        }
        if (Provider is EmbeddingProvider.OpenAI or EmbeddingProvider.AzureOpenAI)
        {
            if (string.IsNullOrWhiteSpace(Model))
            {
                problems.Add($"{SectionName}:Model is required for Provider {Provider} (the model{(Provider == EmbeddingProvider.AzureOpenAI ? " deployment's name" : "")}).");
            }
            if (Provider == EmbeddingProvider.AzureOpenAI && string.IsNullOrWhiteSpace(Endpoint))
            {
                problems.Add($"{SectionName}:Endpoint is required for Provider AzureOpenAI (https://NAME.openai.azure.com).");
            }
            if (!string.IsNullOrWhiteSpace(Endpoint)
                && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                problems.Add($"{SectionName}:Endpoint must be an absolute http(s) address, not '{Endpoint}'.");
            }
            if (string.IsNullOrWhiteSpace(ApiKey) && Provider == EmbeddingProvider.AzureOpenAI)
            {
                problems.Add($"{SectionName}:ApiKey is required for Provider AzureOpenAI (set it from a secret store or the environment).");
            }
            if (string.IsNullOrWhiteSpace(ApiKey) && Provider == EmbeddingProvider.OpenAI && string.IsNullOrWhiteSpace(Endpoint))
            {
                problems.Add($"{SectionName}:ApiKey is required for api.openai.com (set it from a secret store or the environment).");
            }
        }
        if (Dimensions is <= 0)
        {
            problems.Add($"{SectionName}:Dimensions must be positive when set (got {Dimensions}).");
        }
        if (Provider == EmbeddingProvider.Local && Dimensions is { } d && d != MiniLmEmbeddingGenerator.Dimensions)
        {
            problems.Add($"{SectionName}:Dimensions cannot be changed for Provider Local ({MiniLmEmbeddingGenerator.ModelName} gives {MiniLmEmbeddingGenerator.Dimensions}).");
        }
        if (QueryCacheSize < 0)
        {
            problems.Add($"{SectionName}:QueryCacheSize must be 0 (off) or more (got {QueryCacheSize}).");
        }
        if (BatchSize is < 1 or > 2048)
        {
            problems.Add($"{SectionName}:BatchSize must be between 1 and 2048 (got {BatchSize}).");
        }
        if (TimeoutSeconds < 1)
        {
            problems.Add($"{SectionName}:TimeoutSeconds must be at least 1 (got {TimeoutSeconds}).");
        }
        if (Languages.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{SectionName}:Languages must not hold an empty language.");
        }
        return problems;
    }
}

public enum EmbeddingProvider
{
    None,
    Local,
    OpenAI,
    AzureOpenAI,
}
