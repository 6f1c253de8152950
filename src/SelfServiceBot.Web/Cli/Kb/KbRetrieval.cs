using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>--retrieval lexical|hybrid</c> for <c>kb eval</c> and <c>kb ask</c>: by default what the server uses
/// (Knowledge:Embeddings:Provider, None meaning lexical), so a measurement describes the running bot unless told otherwise.
/// </summary>
internal sealed record KbRetrieval(string Mode, ISentenceEncoder? Encoder)
{
    public const string Lexical = "lexical";
    public const string Hybrid = "hybrid";

    public static KbRetrieval Read(CliArguments args, EmbeddingOptions configured)
    {
        var mode = args.Get("retrieval")?.ToLowerInvariant() switch
        {
            null => configured.Provider == EmbeddingProvider.None ? Lexical : Hybrid,
            Lexical => Lexical,
            Hybrid => Hybrid,
            var other => throw new CliUsageException($"--retrieval must be lexical or hybrid, not '{other}'"),
        };
        if (mode == Lexical)
        {
            return new KbRetrieval(Lexical, null);
        }
        // Asking for hybrid where the settings turn the encoder off measures the one that ships with the product.
        var options = configured.Provider == EmbeddingProvider.None ? new EmbeddingOptions { Provider = EmbeddingProvider.Local } : configured;
        try
        {
            return new KbRetrieval(Hybrid, SentenceEncoders.Create(options));
        }
        catch (NotSupportedException ex)
        {
            throw new CliUsageException($"{ex.Message} Use --retrieval lexical, or Knowledge:Embeddings:Provider Local.");
        }
    }

    /// <summary>Whether messages in this language get dense evidence (the encoder must understand it).</summary>
    public bool IsHybrid(string language) => Encoder?.Covers(language) == true;

    /// <summary>What ran for a language, for people: <c>hybrid (local/all-MiniLM-L6-v2/384)</c>, <c>lexical</c>, ...</summary>
    public string Describe(string language) =>
        Encoder is null ? Lexical
        : Encoder.Covers(language) ? $"{Hybrid} ({Encoder.ModelId})"
        : $"{Lexical} ({Encoder.ModelId} does not cover '{language}')";

    /// <summary>Says on stderr which languages the encoder leaves lexical, so a hybrid column is not mistaken for one.</summary>
    public void WarnUncovered(IEnumerable<string> languages, TextWriter error)
    {
        foreach (var language in languages.Where(l => Encoder is not null && !Encoder.Covers(l)).Distinct().Order(StringComparer.Ordinal))
        {
            error.WriteLine($"retrieval: {Encoder!.ModelId} does not cover '{language}': its cases are ranked lexically");
        }
    }
}
