using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

public sealed class PhrasingVectorStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-vectors-").FullName;
    private string PathOf => Path.Combine(_folder, "vectors-en.bin");

    private static readonly string[] Phrasings = ["Where is my parcel?", "Track my order", "Refund not received", "Forgot password"];

    [Fact]
    public async Task The_next_build_embeds_only_the_phrasings_that_changed_and_reads_the_rest_from_the_file()
    {
        var first = new CountingGenerator(8);
        await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(first, "fake/a/8"), Phrasings, CancellationToken.None);
        string[] changed = ["Where is my parcel?", "Track my order", "Money back please", "Forgot password"];
        var second = new CountingGenerator(8);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(second, "fake/a/8"), changed,
            CancellationToken.None);

        Assert.Equal(Phrasings, first.Texts);
        Assert.Equal(["Money back please"], second.Texts);
        Assert.Equal((1, 3), (vectors.Encoded, vectors.Reused));
        Assert.Equal(changed.Select(t => CountingGenerator.VectorOf(t, 8)), vectors.Vectors);
    }

    [Fact]
    public async Task Only_the_phrasings_in_use_are_kept_so_the_file_does_not_grow_with_every_version()
    {
        await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"), Phrasings,
            CancellationToken.None);
        await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"),
            Phrasings[..1], CancellationToken.None);
        var third = new CountingGenerator(8);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(third, "fake/a/8"), Phrasings,
            CancellationToken.None);

        Assert.Equal(Phrasings[1..], third.Texts);
        Assert.Equal((3, 1), (vectors.Encoded, vectors.Reused));
    }

    [Fact]
    public async Task Another_model_with_another_dimension_embeds_every_phrasing_again()
    {
        await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"), Phrasings,
            CancellationToken.None);
        var swapped = new CountingGenerator(12);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(swapped, "fake/b/12"), Phrasings,
            CancellationToken.None);

        Assert.Equal(Phrasings, swapped.Texts);
        Assert.Equal((4, 0), (vectors.Encoded, vectors.Reused));
        Assert.All(vectors.Vectors, v => Assert.Equal(12, v.Length));
    }

    [Fact]
    public async Task A_model_that_changed_its_dimension_under_the_same_id_is_not_mixed_with_the_old_vectors()
    {
        await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/native"),
            Phrasings[..2], CancellationToken.None);
        var resized = new CountingGenerator(16);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(resized, "fake/a/native"), Phrasings,
            CancellationToken.None);

        Assert.All(vectors.Vectors, v => Assert.Equal(16, v.Length));
        Assert.Equal(0, vectors.Reused);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public async Task A_damaged_file_is_embedded_again_rather_than_trusted_or_crashed_on(string damage)
    {
        await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"), Phrasings,
            CancellationToken.None);
        var bytes = File.ReadAllBytes(PathOf);
        File.WriteAllBytes(PathOf, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped" => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x40) : b).ToArray(),
            "garbage" => "not a vector file at all"u8.ToArray(),
            _ => [],
        });
        var again = new CountingGenerator(8);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(again, "fake/a/8"), Phrasings,
            CancellationToken.None);
        var thereafter = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"),
            Phrasings, CancellationToken.None);

        Assert.Equal(Phrasings, again.Texts);
        Assert.Equal(Phrasings.Select(t => CountingGenerator.VectorOf(t, 8)), vectors.Vectors);
        Assert.Equal((0, 4), (thereafter.Encoded, thereafter.Reused));
    }

    [Fact]
    public async Task Phrasings_go_to_the_model_in_batches_and_a_repeated_phrasing_only_once()
    {
        var generator = new CountingGenerator(8);
        var texts = Enumerable.Range(0, 10).Select(i => $"phrasing {i}").Append("phrasing 3").ToArray();

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(generator, "fake/a/8", batchSize: 4),
            texts, CancellationToken.None);

        Assert.Equal([4, 4, 2], generator.Batches);
        Assert.Equal(11, vectors.Vectors.Length);
        Assert.Equal(vectors.Vectors[3], vectors.Vectors[10]);
    }

    [Fact]
    public async Task Without_a_path_everything_is_embedded_and_nothing_is_stored()
    {
        var generator = new CountingGenerator(8);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(null, CountingGenerator.Encoder(generator, "fake/a/8"), Phrasings,
            CancellationToken.None);

        Assert.Equal((4, 0), (vectors.Encoded, vectors.Reused));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Instances_building_at_once_into_one_folder_leave_a_file_that_reads_back_whole()
    {
        var builds = Enumerable.Range(0, 8).Select(i => Task.Run(() => PhrasingVectorStore.LoadOrEncodeAsync(PathOf,
            CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8"), i % 2 == 0 ? Phrasings : Phrasings[..3], CancellationToken.None)));
        await Task.WhenAll(builds);
        var after = new CountingGenerator(8);

        var vectors = await PhrasingVectorStore.LoadOrEncodeAsync(PathOf, CountingGenerator.Encoder(after, "fake/a/8"), Phrasings[..3],
            CancellationToken.None);

        Assert.Empty(after.Texts);
        Assert.Equal(3, vectors.Reused);
        Assert.Equal(["vectors-en.bin"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
