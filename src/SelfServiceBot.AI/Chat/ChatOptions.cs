namespace SelfServiceBot.AI.Chat;

/// <summary>The <c>AI:Chat</c> section: which generative model, if any, the product may call, and for which features.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "AI:Chat";

    /// <summary>None (the default: nothing is generated, the product behaves as without a model), OpenAI, AzureOpenAI or OpenAICompatible.</summary>
    public ChatProvider Provider { get; set; } = ChatProvider.None;

    /// <summary>
    /// The service's base address: for OpenAI empty (api.openai.com); for an OpenAI-compatible server its <c>.../v1</c>
    /// (Ollama: <c>http://localhost:11434/v1</c>); for Azure OpenAI the resource, <c>https://NAME.openai.azure.com</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model (OpenAI, compatible servers), or the deployment's name (Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>The service's key: from the environment or a secret store, never from a file in the repository.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one model call may take before the product answers without it.</summary>
    public int TimeoutSeconds { get; set; } = 8;

    /// <summary>The most tokens one reply may have.</summary>
    public int MaxOutputTokens { get; set; } = 500;

    /// <summary>Compose answers from the top articles, with citations.</summary>
    public bool GroundedAnswers { get; set; } = true;

    /// <summary>Rewrite a follow-up message into a standalone question before retrieval.</summary>
    public bool FollowUps { get; set; } = true;

    /// <summary>Give the agent a summary of the conversation at hand-off.</summary>
    public bool HandoffSummary { get; set; } = true;

    /// <summary>Prefill drafted knowledge-base articles from a resolved chat.</summary>
    public bool DraftArticles { get; set; } = true;

    /// <summary>
    /// Write every prompt and completion (already masked) to the log at Information. Off by default: customer text does not
    /// belong in logs; switch it on only to look into what a feature sends and gets.
    /// </summary>
    public bool LogPrompts { get; set; }

    /// <summary>When to stop calling a failing endpoint, and for how long (<c>AI:Chat:CircuitBreaker</c>).</summary>
    public ChatCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Whether a model is configured and the feature is switched on.</summary>
    public bool Enabled(ChatFeature feature) => Provider != ChatProvider.None && feature switch
    {
        ChatFeature.GroundedAnswers => GroundedAnswers,
        ChatFeature.FollowUps => FollowUps,
        ChatFeature.HandoffSummary => HandoffSummary,
        ChatFeature.DraftArticles => DraftArticles,
        _ => false,
    };

    /// <summary>What is wrong with the section (empty when nothing is), in words an operator can act on.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            problems.Add($"{SectionName}:Provider must be None, OpenAI, AzureOpenAI or OpenAICompatible.");
            return problems;
        }
        if (Provider == ChatProvider.None)
        {
            return problems;
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add($"{SectionName}:Model is required for Provider {Provider} (the model{(Provider == ChatProvider.AzureOpenAI ? " deployment's name" : "")}).");
        }
        if (Provider is ChatProvider.AzureOpenAI or ChatProvider.OpenAICompatible && string.IsNullOrWhiteSpace(Endpoint))
        {
            problems.Add(Provider == ChatProvider.AzureOpenAI
                ? $"{SectionName}:Endpoint is required for Provider AzureOpenAI (https://NAME.openai.azure.com)."
                : $"{SectionName}:Endpoint is required for Provider OpenAICompatible (the server's .../v1, e.g. http://localhost:11434/v1 for Ollama).");
        }
        if (!string.IsNullOrWhiteSpace(Endpoint)
            && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            problems.Add($"{SectionName}:Endpoint must be an absolute http(s) address, not '{Endpoint}'.");
        }
        if (string.IsNullOrWhiteSpace(ApiKey) && Provider is ChatProvider.OpenAI or ChatProvider.AzureOpenAI)
        {
            problems.Add($"{SectionName}:ApiKey is required for Provider {Provider} (set it from a secret store or the environment).");
        }
        if (TimeoutSeconds is < 1 or > 300)
        {
            problems.Add($"{SectionName}:TimeoutSeconds must be between 1 and 300 (got {TimeoutSeconds}).");
        }
        if (MaxOutputTokens is < 1 or > 100_000)
        {
            problems.Add($"{SectionName}:MaxOutputTokens must be between 1 and 100000 (got {MaxOutputTokens}).");
        }
        if (CircuitBreaker is null)
        {
            problems.Add($"{SectionName}:CircuitBreaker must be a section (Failures, BreakSeconds).");
            return problems;
        }
        if (CircuitBreaker.Failures is < 0 or > 1000)
        {
            problems.Add($"{SectionName}:CircuitBreaker:Failures must be between 0 (off) and 1000 (got {CircuitBreaker.Failures}).");
        }
        if (CircuitBreaker.BreakSeconds is < 1 or > 86_400)
        {
            problems.Add($"{SectionName}:CircuitBreaker:BreakSeconds must be between 1 and 86400 (got {CircuitBreaker.BreakSeconds}).");
        }
        return problems;
    }
}

public enum ChatProvider
{
    None,
    OpenAI,
    AzureOpenAI,
    OpenAICompatible,
}

/// <summary>The features a model serves, each switched on or off in <see cref="ChatOptions"/>.</summary>
public enum ChatFeature
{
    GroundedAnswers,
    FollowUps,
    HandoffSummary,
    DraftArticles,
}
