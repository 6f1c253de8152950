namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>A feature vector: indices into a <see cref="FeatureSpace"/> and their weights, L2-normalised.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public static readonly SparseVector Empty = new([], []);

    public bool IsEmpty => Indices.Length == 0;
}
