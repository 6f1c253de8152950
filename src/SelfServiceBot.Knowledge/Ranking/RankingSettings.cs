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
