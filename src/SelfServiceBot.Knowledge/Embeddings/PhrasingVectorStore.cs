using System.Security.Cryptography;
using System.Text;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>The vectors of the phrasings, in their order; how many were embedded now and how many came from the file.</summary>
public sealed record PhrasingVectors(float[][] Vectors, int Encoded, int Reused);

/// <summary>
/// The phrasings' vectors in one file beside the index, each under a SHA-256 of the model id and its text, so building the
/// next version of the knowledge base embeds only the phrasings that changed. The file is written whole under another name
/// and renamed over the old one: a reader (another instance sharing the folder) sees the old file or the new, never half.
/// A file of another model or dimension, or one that does not read back exactly, is ignored and everything is embedded again.
/// </summary>
public static class PhrasingVectorStore
{
    private static readonly byte[] Magic = "SSBVEC1\n"u8.ToArray();
    private const int HashLength = 32;

    public static async Task<PhrasingVectors> LoadOrEncodeAsync(string? path, ISentenceEncoder encoder, IReadOnlyList<string> texts,
        CancellationToken ct)
    {
        if (path is null)
        {
            return new PhrasingVectors(texts.Count == 0 ? [] : await encoder.EncodeAsync(texts, ct), texts.Count, 0);
        }
        var keys = texts.Select(t => Key(encoder.ModelId, t)).ToArray();
        var stored = Read(path, encoder.ModelId);
        // Same id, other dimension (a service's model changed under its name): the stored vectors are of no use.
        var result = await EncodeMissingAsync(stored, encoder, texts, keys, ct)
                     ?? await EncodeMissingAsync(Stored.Empty, encoder, texts, keys, ct);
        var (vectors, missing) = result!.Value;
        var inUse = keys.Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || inUse.Count != stored.Vectors.Count)
        {
            Write(path, encoder.ModelId, inUse.Select(k => (k, vectors[k])).ToList());
        }
        return new PhrasingVectors(keys.Select(k => vectors[k]).ToArray(), missing.Count, keys.Count(k => !missing.Contains(k)));
    }

    /// <returns>Every text's vector by key, and the keys embedded now; null when the new vectors' dimension is not the stored one.</returns>
    private static async Task<(Dictionary<string, float[]> Vectors, HashSet<string> Missing)?> EncodeMissingAsync(Stored stored,
        ISentenceEncoder encoder, IReadOnlyList<string> texts, string[] keys, CancellationToken ct)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var toEncode = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!stored.Vectors.ContainsKey(keys[i]) && missing.Add(keys[i]))
            {
                toEncode.Add(texts[i]);
            }
        }
        var vectors = new Dictionary<string, float[]>(stored.Vectors, StringComparer.Ordinal);
        if (toEncode.Count == 0)
        {
            return (vectors, missing);
        }
        var encoded = await encoder.EncodeAsync(toEncode, ct);
        if (stored.Vectors.Count > 0 && encoded.Any(v => v.Length != stored.Dimension))
        {
            return null;
        }
        foreach (var (text, vector) in toEncode.Zip(encoded))
        {
            vectors[Key(encoder.ModelId, text)] = vector;
        }
        return (vectors, missing);
    }

    private static string Key(string modelId, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));

    private sealed record Stored(int Dimension, Dictionary<string, float[]> Vectors)
    {
        public static readonly Stored Empty = new(0, []);
    }

    // Layout: magic, model id, dimension, count, count x (hash, dimension floats), then a SHA-256 of all before it.
    private static Stored Read(string path, string modelId)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Stored.Empty;
            }
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < Magic.Length + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
            {
                return Stored.Empty;
            }
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - Magic.Length - HashLength));
            if (reader.ReadString() != modelId)
            {
                return Stored.Empty;
            }
            var dimension = reader.ReadInt32();
            var count = reader.ReadInt32();
            var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var key = Convert.ToHexString(reader.ReadBytes(HashLength));
                var vector = new float[dimension];
                for (var j = 0; j < dimension; j++)
                {
                    vector[j] = reader.ReadSingle();
                }
                vectors[key] = vector;
            }
            return new Stored(dimension, vectors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException)
        {
            return Stored.Empty;
        }
    }

    private static void Write(string path, string modelId, IReadOnlyList<(string Key, float[] Vector)> entries)
    {
        var dimension = entries.Count == 0 ? 0 : entries[0].Vector.Length;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(modelId);
            writer.Write(dimension);
            writer.Write(entries.Count);
            foreach (var (key, vector) in entries)
            {
                writer.Write(Convert.FromHexString(key));
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(temporary, buffer.ToArray());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not stored (a read-only disk, another instance holding the file): the vectors are still used, and embedded
            // again by the next build.
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
