using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// The analysis chain for questions and answers, in any of our languages and in mixed text:
/// StandardTokenizer (words; one token per Han character) -> full-width to half-width -> English
/// possessives -> lower case -> stop words -> Porter stemming (Latin words only change) -> synonyms ->
/// CJK bigrams plus unigrams. Bigrams with unigrams match Chinese words without a dictionary and still
/// score single-character queries ("退"); the synonym table's <see cref="SynonymTable.Chinese"/> can put a
/// dictionary segmenter's words in their place or beside them (<see cref="ChineseWordFilter"/>).
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    private static readonly KnowledgeAnalyzer WithoutSynonyms = new();

    private readonly SynonymTable _synonyms;
    private readonly ChineseAnalysis _chinese;
    private readonly CharArraySet _stopWords = StopWordLists.Create();

    public KnowledgeAnalyzer() : this(null)
    {
    }

    public KnowledgeAnalyzer(SynonymTable? synonyms)
    {
        _chinese = synonyms?.Chinese ?? ChineseAnalysis.Bigrams;
        _synonyms = synonyms is null || synonyms.Groups.Count == 0
            ? SynonymTable.Empty
            : synonyms.Compile(term => WithoutSynonyms.Tokens(term));
    }

    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        reader = new MappingCharFilter(EnglishContractions.Map, reader);
        return _synonyms.CharMap is { } map ? new MappingCharFilter(map, reader) : reader;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        if (_chinese != ChineseAnalysis.Bigrams)
        {
            stream = new ChineseWordFilter(stream, withBigrams: _chinese == ChineseAnalysis.WordsAndBigrams);
        }
        stream = new EnglishPossessiveFilter(LuceneSettings.Version, stream);
        stream = new LowerCaseFilter(LuceneSettings.Version, stream);
        stream = new StopFilter(LuceneSettings.Version, stream, _stopWords);
        stream = new PorterStemFilter(stream);
        if (_synonyms.TokenMap is { } map)
        {
            stream = new SynonymFilter(stream, map, ignoreCase: true);
        }
        stream = new CJKBigramFilter(stream, (_chinese == ChineseAnalysis.Words ? 0 : CJKScript.HAN) | CJKScript.HIRAGANA
            | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
