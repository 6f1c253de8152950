using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Contracts.Localization;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Routing;

/// <summary>Which queue a request waits in, how urgent it is, and which agents may take it.</summary>
public sealed class QueueRouter(HandoffOptions options)
{
    public string SkillFor(string? category) =>
        category is null ? options.DefaultSkill
        : options.SkillByCategory.TryGetValue(category, out var skill) ? skill
        : category;

    /// <summary>"{skill}/{locale}": queues are by skill and language.</summary>
    public string QueueFor(string? category, string locale) => $"{SkillFor(category)}/{LanguageOf(locale)}";

    public int PriorityFor(string? category, string reason)
    {
        var priority = category is not null && options.CategoryPriorities.TryGetValue(category, out var p) ? p : 0;
        return reason == HandoffReasons.Policy ? Math.Max(priority, 1) : priority;
    }

    public static string LanguageOf(string? locale) => Locales.Normalize(locale);

    public static (string Skill, string Language) Split(string queue)
    {
        var slash = queue.LastIndexOf('/');
        return slash < 0 ? (queue, "en") : (queue[..slash], queue[(slash + 1)..]);
    }

    /// <summary>An agent may take a queue when they have its skill (or *) and speak its language.</summary>
    public static bool CanServe(AgentRecord agent, string queue)
    {
        var (skill, language) = Split(queue);
        var skills = List(agent.Skills);
        return (skills.Contains("*") || skills.Contains(skill, StringComparer.OrdinalIgnoreCase))
            && List(agent.Languages).Any(l => LanguageOf(l) == language);
    }

    public static IReadOnlyList<string> List(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
