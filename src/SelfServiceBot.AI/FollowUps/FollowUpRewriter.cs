using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.FollowUps;

/// <summary>
/// Turns a message that only makes sense after the previous turns ("and for furniture?", "那如果是家具呢？") into the
/// standalone question the knowledge base is searched with, in the message's language. A message that stands alone comes
/// back unchanged; so does any message whose rewrite fails or is unusable (see <see cref="FollowUpReply"/>).
/// </summary>
public sealed class FollowUpRewriter(IChatModel model)
{
    /// <summary>The exchanges of the contact the rewriter sees, at most (older ones rarely matter and cost tokens).</summary>
    public const int MaxExchanges = 3;

    public string Model => model.Model;

    /// <param name="recent">The contact's previous exchanges, oldest first; only the last <see cref="MaxExchanges"/> are sent.</param>
    /// <param name="locale"><c>en</c> or <c>zh-CN</c>: the language the question must stay in.</param>
    public async Task<FollowUpRewrite> RewriteAsync(IReadOnlyList<FollowUpExchange> recent, string message, string locale, CancellationToken cancellationToken)
    {
        var reply = await model.CompleteAsync(FollowUpPrompt.For(recent.TakeLast(MaxExchanges).ToList(), message, locale), cancellationToken);
        if (!reply.Succeeded)
        {
            return new FollowUpRewrite(message, false, reply, Used: false);
        }
        if (FollowUpReply.Question(reply.Text, message) is not { } question)
        {
            return new FollowUpRewrite(message, false, reply, Used: false);
        }
        var changed = !string.Equals(Normalised(question), Normalised(message), StringComparison.OrdinalIgnoreCase);
        return new FollowUpRewrite(changed ? question : message, changed, reply, Used: true);
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One earlier exchange of the contact: what the customer asked (as it was searched) and what the bot offered.</summary>
public sealed record FollowUpExchange(string Question, string Answer);

/// <summary>
/// The question to search (the rewrite, or the message as written), whether it differs from the message, and the model's
/// reply for the <c>model_called</c> event (<see cref="Used"/> false: outcome rejected, or the call failed).
/// </summary>
public sealed record FollowUpRewrite(string Question, bool Changed, ChatModelReply Reply, bool Used);
