namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>How evidence is combined. The defaults come from the public benchmarks (docs/knowledge.md).</summary>
public sealed record RankingSettings
{
    public static readonly RankingSettings Default = new();

    /// <summary>Weight of relative BM25 against the classifier's probability in the ranking score (0-1).</summary>
    public double BmWeight { get; init; } = 0.4;

    /// <summary>Weight of the answer text's BM25 next to the closest phrasing's.</summary>
    public double BodyWeight { get; init; } = 0.1;

    /// <summary>Weight of BM25 over all of an article's phrasings together, next to the closest phrasing's.</summary>
    public double AllQuestionsWeight { get; init; } = 2.0;

    /// <summary>
    /// Hybrid ranking: weight of the message's cosine similarity to an article's nearest phrasing in the ranking score, next
    /// to the lexical blend (which weighs 1).
    /// </summary>
    public double DenseWeight { get; init; } = 2.0;

    /// <summary>
    /// Hybrid ranking: the sentence vector's weight beside the word features in the classifier's input (both unit length),
    /// so the classifier learns from meaning and words together.
    /// </summary>
    public float DenseInputWeight { get; init; } = 3.0f;

    /// <summary>Hybrid ranking: articles nearest by meaning that become candidates beside the lexical ones.</summary>
    public int DenseCandidates { get; init; } = 10;

    /// <summary>Phrasing hits read from Lucene per message; enough for every plausible article.</summary>
    public int MaxHits { get; init; } = 100;

    public ClassifierSettings Classifier { get; init; } = new();

    /// <summary>
    /// How many unanswerable questions one simulated one (a phrasing with its article removed) stands for in the
    /// confidence calibration, per answerable one: the share of customers' questions the knowledge base cannot answer.
    /// </summary>
    public double UnanswerableWeight { get; init; } = 1.0;

    /// <summary>Held-out phrasings used to calibrate confidence (at most this many).</summary>
    public int MaxCalibrationQuestions { get; init; } = 1500;
}
