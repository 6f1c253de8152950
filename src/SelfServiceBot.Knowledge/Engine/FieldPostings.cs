using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// One field of a language's Lucene index, read into memory when the index is opened: each term's
/// postings (documents and frequencies) with its BM25 weight, and each document's length factor from
/// the norms Lucene wrote. Scores a message's terms exactly as <see cref="IndexSearcher"/> with
/// <see cref="IndexWriting.Similarity"/> scores a disjunction of term queries (a test holds the two
/// together), but without building weights, scorers and term enumerators for every query: that was
/// most of what a message allocated, hence of the garbage collections in the latency tail.
/// A knowledge base is small (CLINC150's 15,000 questions are a few hundred kilobytes of postings).
/// </summary>
internal sealed class FieldPostings
{
    private readonly Dictionary<string, Postings> _terms;
    private readonly float[] _lengthFactor;
    private readonly float _minLengthFactor;
    private readonly float _lengthFactorPerTerm;

    private FieldPostings(Dictionary<string, Postings> terms, float[] lengthFactor, float minLengthFactor = 0, float lengthFactorPerTerm = 0)
    {
        _terms = terms;
        _lengthFactor = lengthFactor;
        _minLengthFactor = minLengthFactor;
        _lengthFactorPerTerm = lengthFactorPerTerm;
    }

    /// <summary>Documents in the index (the size of a score array).</summary>
    public int MaxDoc => _lengthFactor.Length;

    public static FieldPostings Read(IndexReader reader, string field, float k1, float b)
    {
        var maxDoc = reader.MaxDoc;
        var terms = new Dictionary<string, Postings>(StringComparer.Ordinal);
        var lengthFactor = new float[maxDoc];
        var fieldTerms = MultiFields.GetTerms(reader, field);
        if (fieldTerms is null)
        {
            return new FieldPostings(terms, lengthFactor);
        }

        // As BM25Similarity: average length from the field's total term frequency over all documents,
        // and each document's length decoded from its one-byte norm.
        var sumTotalTermFreq = fieldTerms.SumTotalTermFreq;
        var averageLength = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)maxDoc);
        var cache = new float[256];
        for (var i = 0; i < cache.Length; i++)
        {
            var f = SmallSingle.Byte315ToSingle((byte)i);
            cache[i] = k1 * ((1 - b) + b * (1f / (f * f)) / averageLength);
        }
        var norms = MultiDocValues.GetNormValues(reader, field);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            lengthFactor[doc] = norms is null ? k1 : cache[(byte)norms.Get(doc) & 0xFF];
        }

        var liveDocs = MultiFields.GetLiveDocs(reader);
        var termsEnum = fieldTerms.GetEnumerator();
        DocsEnum? docsEnum = null;
        var docs = new List<int>();
        var freqs = new List<float>();
        while (termsEnum.MoveNext())
        {
            docsEnum = termsEnum.Docs(liveDocs, docsEnum, DocsFlags.FREQS);
            docs.Clear();
            freqs.Clear();
            for (var doc = docsEnum.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docsEnum.NextDoc())
            {
                docs.Add(doc);
                freqs.Add(docsEnum.Freq);
            }
            var docFreq = termsEnum.DocFreq;
            var idf = (float)Math.Log(1 + (maxDoc - docFreq + 0.5D) / (docFreq + 0.5D));
            terms[termsEnum.Term.Utf8ToString()] = new Postings(docs.ToArray(), freqs.ToArray(), idf * (k1 + 1));
        }
        return new FieldPostings(terms, lengthFactor, k1 * (1 - b), k1 * b / averageLength);
    }

    /// <summary>
    /// One document's score for <paramref name="terms"/> as if <paramref name="removed"/> (tokens of a
    /// text indexed in it) were not there: how an article's all-phrasings field scores a held-out phrasing
    /// of its own without containing it, when the index is built. Document frequencies stay as indexed.
    /// </summary>
    public float ScoreWithout(int doc, IReadOnlyList<string> terms, IReadOnlyList<string> removed)
    {
        var lengthFactor = Math.Max(_minLengthFactor, _lengthFactor[doc] - _lengthFactorPerTerm * removed.Count);
        var score = 0f;
        foreach (var term in terms)
        {
            if (!_terms.TryGetValue(term, out var postings))
            {
                continue;
            }
            var i = Array.BinarySearch(postings.Docs, doc);
            if (i < 0)
            {
                continue;
            }
            var freq = postings.Freqs[i];
            foreach (var token in removed)
            {
                freq -= token == term ? 1 : 0;
            }
            if (freq > 0)
            {
                score += postings.Weight * freq / (freq + lengthFactor);
            }
        }
        return score;
    }

    /// <summary>
    /// Adds each term's BM25 score to <paramref name="scores"/> (indexed by document, all zero on entry)
    /// and lists the documents that got one in <paramref name="touched"/> (as long as <see cref="MaxDoc"/>);
    /// returns how many. The caller clears what it touched before returning the arrays to a pool.
    /// </summary>
    public int Accumulate(IReadOnlyList<string> terms, float[] scores, int[] touched)
    {
        var count = 0;
        foreach (var term in terms)
        {
            if (!_terms.TryGetValue(term, out var postings))
            {
                continue;
            }
            for (var i = 0; i < postings.Docs.Length; i++)
            {
                var doc = postings.Docs[i];
                var freq = postings.Freqs[i];
                if (scores[doc] == 0)
                {
                    touched[count++] = doc;
                }
                scores[doc] += postings.Weight * freq / (freq + _lengthFactor[doc]);
            }
        }
        return count;
    }

    /// <summary>
    /// Keeps in <paramref name="best"/> the <paramref name="k"/> touched documents with the highest scores, ties
    /// going to the lower document (what Lucene's top-docs collector keeps), in no particular order; returns how many.
    /// </summary>
    public static int SelectBest(float[] scores, int[] touched, int count, int k, int[] best)
    {
        var size = 0;
        for (var i = 0; i < count; i++)
        {
            var doc = touched[i];
            if (size < k)
            {
                best[size++] = doc;
                SiftUp(best, size - 1, scores);
            }
            else if (Worse(best[0], doc, scores))
            {
                best[0] = doc;
                SiftDown(best, size, scores);
            }
        }
        return size;
    }

    /// <summary>Clears the scores of the touched documents so the array can be reused.</summary>
    public static void Clear(float[] scores, int[] touched, int count)
    {
        for (var i = 0; i < count; i++)
        {
            scores[touched[i]] = 0;
        }
    }

    // A min-heap on "worse": the root is the document that leaves first.
    private static bool Worse(int a, int b, float[] scores) => scores[a] < scores[b] || (scores[a] == scores[b] && a > b);

    private static void SiftUp(int[] heap, int i, float[] scores)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(heap[i], heap[parent], scores))
            {
                return;
            }
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, float[] scores)
    {
        var i = 0;
        while (true)
        {
            var worst = i;
            foreach (var child in (ReadOnlySpan<int>)[2 * i + 1, 2 * i + 2])
            {
                if (child < size && Worse(heap[child], heap[worst], scores))
                {
                    worst = child;
                }
            }
            if (worst == i)
            {
                return;
            }
            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    /// <param name="Weight">idf x (k1 + 1), as BM25Similarity's scorer computes it once per term.</param>
    private sealed record Postings(int[] Docs, float[] Freqs, float Weight);
}
