using SelfServiceBot.Handoff.Routing;

namespace SelfServiceBot.Handoff.Agents;

/// <summary>
/// What an agent can take: skills (queue skills, or * for all), languages (en, zh-CN) and how many chats at once.
/// <see cref="Check"/> says what is wrong with a profile, field by field, so a page or a command can show every problem at once.
/// </summary>
public sealed record AgentProfile(IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, int Capacity)
{
    public const string AllSkills = "*";
    public const int MinCapacity = 1;
    public const int MaxCapacity = 20;

    /// <summary>The languages queues are kept in (<see cref="QueueRouter.LanguageOf"/>).</summary>
    public static readonly IReadOnlyList<string> SupportedLanguages = ["en", "zh-CN"];

    /// <param name="knownSkills">The skills an agent may have (from the knowledge base's categories); * is always allowed.</param>
    public IReadOnlyList<AgentProfileError> Check(IReadOnlyCollection<string> knownSkills)
    {
        var errors = new List<AgentProfileError>();
        if (Skills.Count == 0)
        {
            errors.Add(new AgentProfileError(AgentProfileField.Skills, AgentProfileProblem.Missing, null));
        }
        foreach (var skill in Skills.Where(s => s != AllSkills && !knownSkills.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(new AgentProfileError(AgentProfileField.Skills, AgentProfileProblem.Unknown, skill));
        }
        if (Languages.Count == 0)
        {
            errors.Add(new AgentProfileError(AgentProfileField.Languages, AgentProfileProblem.Missing, null));
        }
        foreach (var language in Languages.Where(l => !SupportedLanguages.Contains(l, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(new AgentProfileError(AgentProfileField.Languages, AgentProfileProblem.Unknown, language));
        }
        if (Capacity is < MinCapacity or > MaxCapacity)
        {
            errors.Add(new AgentProfileError(AgentProfileField.Capacity, AgentProfileProblem.OutOfRange, Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return errors;
    }

    /// <summary>The same profile with each skill and language spelled as in <paramref name="knownSkills"/> and <see cref="SupportedLanguages"/>, without repeats.</summary>
    public AgentProfile Canonical(IReadOnlyCollection<string> knownSkills) => this with
    {
        Skills = Skills.Select(s => knownSkills.FirstOrDefault(k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase)) ?? s)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        Languages = SupportedLanguages.Where(l => Languages.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList(),
    };

    /// <summary>"a, b" or "a,b" from a form or a command line, trimmed, empty parts dropped.</summary>
    public static IReadOnlyList<string> ParseList(string? csv) => QueueRouter.List(csv ?? "");
}

public enum AgentProfileField { Skills, Languages, Capacity }

public enum AgentProfileProblem { Missing, Unknown, OutOfRange }

/// <param name="Value">The offending value (an unknown skill, a capacity), or null.</param>
public sealed record AgentProfileError(AgentProfileField Field, AgentProfileProblem Problem, string? Value);

/// <summary>A profile that did not pass <see cref="AgentProfile.Check"/>.</summary>
public sealed class AgentProfileException(IReadOnlyList<AgentProfileError> errors)
    : ArgumentException("The agent profile is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Problem} {e.Value}")))
{
    public IReadOnlyList<AgentProfileError> Errors { get; } = errors;
}
