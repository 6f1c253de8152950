using Lucene.Net.Store;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// The on-disk index under <c>Knowledge:IndexPath</c>: one folder per <see cref="IndexStamp"/> holding a
/// Lucene index and the trained model per language. A folder is built under a temporary name and
/// renamed when complete, so a crash mid-build, or a second instance building the same stamp at the
/// same time, never leaves a half-written index that looks finished. The phrasings' vectors (hybrid ranking) are kept
/// beside the folders, one file per language (<see cref="VectorsPath"/>), shared by every version: the next version of the
/// knowledge base embeds only the phrasings that changed.
/// </summary>
public static class PersistentIndex
{
    private const string CompleteMarker = "complete";
    private const string ModelFile = "model.bin";

    public sealed record Opened(KnowledgeEngine Engine, string Stamp, string Folder, bool Built);

    /// <summary>The file of a language's phrasing vectors under the index root (outside the per-version folders).</summary>
    public static string VectorsPath(string indexRoot, string language) => Path.Combine(indexRoot, $"vectors-{language}.bin");

    public static Opened Open(KnowledgeSource source, string indexRoot, RankingSettings? settings = null, ISentenceEncoder? encoder = null)
    {
        settings ??= RankingSettings.Default;
        System.IO.Directory.CreateDirectory(indexRoot);
        var stamp = IndexStamp.Compute(source.KnowledgeBase.Articles, source.SynonymsFor, settings, encoder);
        var folder = Path.Combine(indexRoot, stamp);
        var built = false;
        if (!File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            Build(source, indexRoot, folder, stamp, settings, encoder);
            built = true;
        }
        var engine = KnowledgeEngine.Build(source.KnowledgeBase.Articles, source.SynonymsFor,
            language => (FSDirectory.Open(Path.Combine(folder, language)), false), settings,
            language => Path.Combine(folder, language, ModelFile), encoder, language => VectorsPath(indexRoot, language));
        RemoveOthers(indexRoot, stamp);
        return new Opened(engine, stamp, folder, built);
    }

    private static void Build(KnowledgeSource source, string indexRoot, string folder, string stamp, RankingSettings settings,
        ISentenceEncoder? encoder)
    {
        var temporary = Path.Combine(indexRoot, $"{stamp}.building-{Guid.NewGuid():N}");
        try
        {
            using (KnowledgeEngine.Build(source.KnowledgeBase.Articles, source.SynonymsFor,
                       language => (FSDirectory.Open(Path.Combine(temporary, language)), true), settings,
                       language => Path.Combine(temporary, language, ModelFile), encoder, language => VectorsPath(indexRoot, language)))
            {
            }
            File.WriteAllText(Path.Combine(temporary, CompleteMarker), DateTimeOffset.UtcNow.ToString("O"));
            if (System.IO.Directory.Exists(folder))
            {
                // Left by a crash before the marker was written, or another instance just finished.
                if (File.Exists(Path.Combine(folder, CompleteMarker)))
                {
                    return;
                }
                System.IO.Directory.Delete(folder, recursive: true);
            }
            System.IO.Directory.Move(temporary, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            // Another instance renamed its copy into place first; theirs is identical.
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Older stamps (and builds abandoned over an hour ago) are removed; failures are left for next time.</summary>
    private static void RemoveOthers(string indexRoot, string current)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(indexRoot))
        {
            var name = Path.GetFileName(dir);
            var abandoned = name.Contains(".building-", StringComparison.Ordinal)
                            && System.IO.Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-1);
            if (name != current && (abandoned || !name.Contains('.')))
            {
                TryDelete(dir);
            }
        }
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still in use (another instance, an open reader): removed on a later start.
        }
    }
}
