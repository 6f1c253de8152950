namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// What Chinese text becomes in the index (<c>Knowledge:ChineseAnalysis</c>). Measured on the sample knowledge base in
/// docs/knowledge.md ("Chinese"): bigrams answer best there, so they stay the default. English and other scripts are
/// analysed the same in every mode.
/// </summary>
public enum ChineseAnalysis
{
    /// <summary>Every character and every pair of adjacent characters: no dictionary, any word matches.</summary>
    Bigrams,

    /// <summary>The words SmartCn's dictionary segmenter finds, and nothing else.</summary>
    Words,

    /// <summary>The characters and pairs of <see cref="Bigrams"/>, plus SmartCn's words of three characters or more.</summary>
    WordsAndBigrams,
}
