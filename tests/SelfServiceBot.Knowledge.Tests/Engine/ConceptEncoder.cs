using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Engine;

/// <summary>
/// A sentence encoder that knows a few meanings: each word maps to a concept ("billed" and "charged" are one), and a text's
/// vector counts its concepts. So "I was billed two times" and "Why was I charged twice?" are close although they share no
/// word, which is what a real encoder gives hybrid ranking. Counts what it encodes.
/// </summary>
internal sealed class ConceptEncoder(string modelId = "test/concepts/6") : ISentenceEncoder
{
    private static readonly Dictionary<string, int> Concepts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["charged"] = 0, ["billed"] = 0, ["payment"] = 0, ["charge"] = 0,
        ["twice"] = 1, ["two"] = 1, ["double"] = 1, ["duplicate"] = 1,
        ["refund"] = 2, ["money"] = 2, ["back"] = 2, ["reimbursed"] = 2,
        ["password"] = 3, ["sign"] = 3, ["login"] = 3, ["locked"] = 3,
        ["parcel"] = 4, ["order"] = 4, ["package"] = 4, ["shipment"] = 4, ["track"] = 4,
    };

    public int Encoded { get; private set; }
    public int Queries { get; private set; }

    public string ModelId => modelId;

    public bool Covers(string language) => language == "en";

    public Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Encoded += texts.Count;
        return Task.FromResult(texts.Select(Vector).ToArray());
    }

    public ValueTask<float[]> EncodeQueryAsync(string text, CancellationToken cancellationToken)
    {
        Queries++;
        return ValueTask.FromResult(Vector(text));
    }

    private static float[] Vector(string text)
    {
        // The last dimension is a little of everything, so a text of unknown words still has a direction.
        var vector = new float[6];
        vector[5] = 0.1f;
        foreach (var word in text.Split([' ', '?', '.', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Concepts.TryGetValue(word, out var concept))
            {
                vector[concept] += 1;
            }
        }
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
