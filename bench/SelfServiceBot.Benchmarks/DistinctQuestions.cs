using System.Text.Json;

namespace SelfServiceBot.Benchmarks;

/// <summary>
/// Questions that are all different, for <c>--distinct</c>: the knowledge engine caches query vectors by normalised text
/// (support traffic repeats itself), so six repeated questions measure the cache, not the encoder. Built the same way every
/// run, not drawn at random: the sample knowledge base's answerable English cases (knowledgebase/eval/en.jsonl), each
/// with a few words before and after, in a fixed order, so two runs ask the same questions in the same order.
/// </summary>
internal sealed class DistinctQuestions
{
    // Words customers add that change the text (and so the cache key), not what is asked; no greetings, which the bot
    // may answer as such.
    private static readonly string[] Before =
        ["", "please ", "sorry ", "quick question ", "excuse me ", "ok ", "so ", "um ", "well ", "one more thing ", "also ", "and "];

    private static readonly string[] After =
        ["", " please", " thanks", " thank you", " today", " now", " asap", " for me", " again", " right now", " if possible", " cheers"];

    private readonly string[] _all;
    private int _next = -1;

    private DistinctQuestions(string[] all) => _all = all;

    public int Count => _all.Length;

    /// <summary>How many were asked; past <see cref="Count"/> they start again from the first (the report says so).</summary>
    public int Asked => Math.Max(0, Volatile.Read(ref _next) + 1);

    public string Next() => _all[(int)((uint)Interlocked.Increment(ref _next) % (uint)_all.Length)];

    public static DistinctQuestions Load(string casesPath)
    {
        var bases = File.ReadLines(casesPath)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(c => c.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.String)
            .Select(c => c.GetProperty("text").GetString()!.Trim().TrimEnd('?', '.', '!'))
            .ToList();
        // Every (before, after) pair over every case before the next pair: consecutive questions ask different things.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = (from b in Before from a in After from text in bases select b + text + a)
            .Where(q => seen.Add(string.Join(' ', q.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .ToArray();
        if (all.Length == 0)
        {
            throw new InvalidOperationException($"No answerable cases in {casesPath} to build distinct questions from.");
        }
        return new DistinctQuestions(all);
    }
}

/// <summary>A driver whose every turn asks the next of <see cref="DistinctQuestions"/> instead of the repeated six.</summary>
internal sealed class DistinctQuestionsDriver(ITurnDriver inner, DistinctQuestions questions) : ITurnDriver
{
    public string Name => inner.Name + ", distinct";

    public async Task<ITurnSession> OpenAsync(int index) => new Session(await inner.OpenAsync(index), questions);

    private sealed class Session(ITurnSession inner, DistinctQuestions questions) : ITurnSession
    {
        public Task PrepareAsync() => inner.PrepareAsync();

        public Task<bool> TurnAsync(string text) => inner.TurnAsync(questions.Next());

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
