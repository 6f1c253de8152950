using System.Diagnostics;
using Lucene.Net.Store;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>An engine over a throw-away on-disk index (for <c>kb eval</c>, <c>kb lint</c>, tests); deletes it when disposed.</summary>
public sealed class TemporaryEngine : IDisposable
{
    private readonly string _folder;

    private TemporaryEngine(string folder, KnowledgeEngine engine, TimeSpan buildTime)
    {
        _folder = folder;
        Engine = engine;
        BuildTime = buildTime;
    }

    public KnowledgeEngine Engine { get; }

    /// <summary>Wall time to write the index and train the ranking (what <c>index_ms</c> reports).</summary>
    public TimeSpan BuildTime { get; }

    /// <param name="encoder">The sentence encoder for hybrid ranking (null: lexical only).</param>
    /// <param name="vectorsFolder">
    /// Where the phrasings' vectors are kept from one run to the next (e.g. by <c>kb eval</c> over a large set); null: embedded
    /// every time, stored nowhere.
    /// </param>
    public static TemporaryEngine Build(KnowledgeSource source, RankingSettings? settings = null, ISentenceEncoder? encoder = null,
        string? vectorsFolder = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ssb-kb-" + Guid.NewGuid().ToString("N"));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var engine = KnowledgeEngine.Build(source.KnowledgeBase.Articles, source.SynonymsFor,
                language => (FSDirectory.Open(Path.Combine(folder, language)), true), settings, modelPathFor: null, encoder,
                vectorsFolder is null ? null : language => PersistentIndex.VectorsPath(vectorsFolder, language));
            return new TemporaryEngine(folder, engine, Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    public void Dispose()
    {
        Engine.Dispose();
        TryDelete(_folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans /tmp.
        }
    }
}
