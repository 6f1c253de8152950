using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.Answers;

/// <summary>
/// Composes a reply from the top articles, in the customer's language, citing them as <c>[n]</c>. Never throws for the
/// model's faults: an unusable reply comes back as such, and the caller shows what it would show without a model.
/// </summary>
public sealed class GroundedAnswerComposer(IChatModel model, AnswerOptions options)
{
    /// <summary>The model asked (for the <c>model_called</c> event).</summary>
    public string Model => model.Model;

    /// <summary>How many of the top articles to pass.</summary>
    public int SourceCount => options.Sources;

    /// <param name="question">The customer's words, already masked where they were typed.</param>
    /// <param name="language">en or zh-CN: the language the answer is written in.</param>
    /// <param name="sources">The top articles, best first; only the first <see cref="SourceCount"/> are used.</param>
    public async Task<ComposedAnswer> ComposeAsync(string question, string language, IReadOnlyList<AnswerSource> sources, CancellationToken cancellationToken)
    {
        var given = sources.Take(options.Sources).ToList();
        var reply = await model.CompleteAsync(GroundedAnswerPrompt.Build(question, language, given), cancellationToken);
        if (!reply.Succeeded)
        {
            return new ComposedAnswer(reply, null, [], reply.Error);
        }
        var (text, cited, rejection) = CitationCheck.Check(reply.Text, given.Count, options.MaxAnswerCharacters);
        return new ComposedAnswer(reply, text, cited, rejection);
    }
}
