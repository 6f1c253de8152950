using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Routing;
using SelfServiceBot.KnowledgeDrafts;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// A first draft from a chat, for the agent to edit before saving: the customer's question as title and other phrasings,
/// the agent's messages as the answer, the chat's category and language.
/// </summary>
public static class ChatDraft
{
    private const int MaxQuestions = 5;

    /// <param name="lines">The conversation as the console shows it: (from, text), the bot's part then the live part.</param>
    public static DraftContent From(HandoffSummary handoff, IEnumerable<(string From, string Text)> lines)
    {
        var all = lines.ToList();
        // "talk to a person" started the hand-off but is no question for the knowledge base; very short lines are
        // ratings, yes / no, or greetings.
        var asked = all.Where(l => l.From is "user" or "customer").Select(l => l.Text.Trim().ReplaceLineEndings(" "))
            .Where(text => text.Length >= 4 && !(handoff.Reason == "explicit_request" && text == handoff.LastCustomerText?.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var title = handoff.Reason != "explicit_request" && handoff.LastCustomerText is { Length: >= 4 } last ? last.Trim()
            : asked.FirstOrDefault() ?? handoff.LastCustomerText ?? "";
        if (title.Length > DraftContent.TitleLimit)
        {
            title = title[..DraftContent.TitleLimit];
        }
        var questions = asked.Where(q => !string.Equals(q, title, StringComparison.OrdinalIgnoreCase) && q.Length <= DraftContent.QuestionLimit)
            .Take(MaxQuestions).ToList();
        var answer = string.Join("\n\n", all.Where(l => l.From == "agent").Select(l => l.Text.Trim()));
        return new DraftContent(title, questions, answer, QueueRouter.LanguageOf(handoff.Locale), handoff.Category ?? DraftContent.DefaultCategory);
    }
}
