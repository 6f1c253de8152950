using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>Every Transcripts/*.transcript file, replayed through the real pipeline.</summary>
public sealed class TranscriptTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Transcripts");

    public static TheoryData<string> Transcripts() =>
        new(Directory.EnumerateFiles(Folder, "*.transcript").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Transcript_replays_as_written(string file)
    {
        var script = TranscriptScript.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, file)));

        await script.ApplyTo(fixture.Host.Flow(script.Channel, script.Locale)).StartTestAsync();
    }
}
