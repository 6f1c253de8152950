using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Engine;

/// <summary>
/// The in-memory postings score exactly what Lucene's IndexSearcher scores for the same terms, so
/// serving from them changes speed, not answers.
/// </summary>
public sealed class FieldPostingsTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly KnowledgeAnalyzer _analyzer;
    private readonly DirectoryReader _reader;

    public FieldPostingsTests()
    {
        var source = KnowledgeSource.Load(SampleKnowledgeBase.Path);
        var articles = source.KnowledgeBase.Articles.Where(a => a.Locale.StartsWith("en", StringComparison.Ordinal)).ToList();
        _analyzer = new KnowledgeAnalyzer(source.SynonymsFor("en"));
        var phrasings = articles.SelectMany((a, i) => a.Questions.Prepend(a.Title).Select(q => new Phrasing(i, q))).ToList();
        IndexWriting.Write(_directory, _analyzer, articles, phrasings);
        _reader = DirectoryReader.Open(_directory);
    }

    [Theory]
    [InlineData("where is my parcel")]
    [InlineData("I want my money back for the broken kettle")]
    [InlineData("order order order delivery")]
    [InlineData("how do I return an item bought in the sale")]
    [InlineData("zzz qqq")]
    public void Scores_equal_lucene_index_searcher_for_every_field(string message)
    {
        var terms = _analyzer.Tokens(message).Distinct().ToList();
        foreach (var field in new[] { IndexFields.Question, IndexFields.Body, IndexFields.AllQuestions })
        {
            var postings = FieldPostings.Read(_reader, field, IndexWriting.Similarity.K1, IndexWriting.Similarity.B);
            var scores = new float[postings.MaxDoc];
            var touched = new int[postings.MaxDoc];
            var best = new int[20];
            var count = postings.Accumulate(terms, scores, touched);
            var kept = FieldPostings.SelectBest(scores, touched, count, best.Length, best);

            var lucene = Search(field, terms, best.Length);

            Assert.Equal(lucene.Select(h => h.Doc).Order(), best.Take(kept).Order());
            foreach (var hit in lucene)
            {
                Assert.InRange(Math.Abs(hit.Score - scores[hit.Doc]), 0, 1e-5 * hit.Score);
            }
            FieldPostings.Clear(scores, touched, count);
            Assert.All(scores, s => Assert.Equal(0, s));
        }
    }

    [Fact]
    public void A_document_scored_without_one_of_its_texts_keeps_the_rest_and_loses_what_only_that_text_gave()
    {
        var postings = FieldPostings.Read(_reader, IndexFields.AllQuestions, IndexWriting.Similarity.K1, IndexWriting.Similarity.B);
        var terms = _analyzer.Tokens("where is my parcel tracking").Distinct().ToList();
        var scores = new float[postings.MaxDoc];
        var touched = new int[postings.MaxDoc];
        var count = postings.Accumulate(terms, scores, touched);
        var doc = Enumerable.Range(0, count).Select(i => touched[i]).MaxBy(d => scores[d]);

        Assert.InRange(Math.Abs(postings.ScoreWithout(doc, terms, []) - scores[doc]), 0, 1e-5 * scores[doc]);
        // Taking away every query term leaves nothing to match; taking away other words makes the document
        // shorter, so what still matches scores higher (BM25's length normalisation).
        Assert.Equal(0, postings.ScoreWithout(doc, terms, Enumerable.Repeat(terms, 100).SelectMany(t => t).ToList()));
        Assert.True(postings.ScoreWithout(doc, terms, ["unrelated", "words"]) > scores[doc]);
    }

    private ScoreDoc[] Search(string field, List<string> terms, int count)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        var searcher = new IndexSearcher(_reader) { Similarity = IndexWriting.Similarity };
        return searcher.Search(query, count).ScoreDocs;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
