using System.Text;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// Turns a resolved chat into a knowledge-base article draft in our Markdown-with-front-matter format
/// (knowledgebase/README.md): the customer's question as title, the agent's messages as the answer. An author reviews it.
/// </summary>
public static class ArticleDraft
{
    public static string From(AgentHub.Chat chat)
    {
        var handoff = chat.Handoff;
        var question = handoff.LastCustomerText ?? chat.Lines.FirstOrDefault(l => l.From is "user" or "customer")?.Text ?? "";
        var answer = string.Join("\n\n", chat.Lines.Where(l => l.From == "agent").Select(l => l.Text));
        var slug = $"draft-{handoff.Reference.ToLowerInvariant()}";
        var builder = new StringBuilder();
        builder.AppendLine("---");
        builder.AppendLine($"id: {slug}");
        builder.AppendLine($"title: {Quote(question)}");
        builder.AppendLine($"category: {handoff.Category ?? "general"}");
        builder.AppendLine($"locale: {handoff.Locale ?? "en"}");
        builder.AppendLine("tags: [draft, from-live-chat]");
        builder.AppendLine($"owner: review-needed ({handoff.Reference})");
        builder.AppendLine("---");
        builder.AppendLine();
        builder.AppendLine(answer.Length > 0 ? answer : "(the agent wrote no answer)");
        return builder.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings(" ") + "\"";
}
