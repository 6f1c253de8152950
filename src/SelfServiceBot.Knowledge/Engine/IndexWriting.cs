using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>Writes one language's articles into a Lucene directory, replacing what was there.</summary>
internal static class IndexWriting
{
    public static BM25Similarity Similarity { get; } = new(k1: 1.2f, b: 0.5f);

    public static void Write(LuceneDirectory directory, Analyzer analyzer, IReadOnlyList<KnowledgeArticle> articles,
        IReadOnlyList<Phrasing> phrasings)
    {
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        for (var p = 0; p < phrasings.Count; p++)
        {
            writer.AddDocument(
            [
                new StringField(IndexFields.Article, phrasings[p].Article.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new StoredField(IndexFields.Phrasing, p),
                new TextField(IndexFields.Question, phrasings[p].Text, Field.Store.NO),
            ]);
        }
        for (var a = 0; a < articles.Count; a++)
        {
            var body = string.Join("\n", articles[a].Tags.Append(articles[a].Body));
            writer.AddDocument(
            [
                new StringField(IndexFields.Article, a.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField(IndexFields.Body, body, Field.Store.NO),
                new TextField(IndexFields.AllQuestions, string.Join("\n", phrasings.Where(p => p.Article == a).Select(p => p.Text)), Field.Store.NO),
            ]);
        }
        writer.Commit();
    }
}

/// <summary>One way of asking for an article (its title or an alternate question); <see cref="Article"/> is its ordinal.</summary>
internal sealed record Phrasing(int Article, string Text);
