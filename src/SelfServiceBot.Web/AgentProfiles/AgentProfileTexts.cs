using SelfServiceBot.Contracts.Localization;
using SelfServiceBot.Handoff.Agents;

namespace SelfServiceBot.Web.AgentProfiles;

/// <summary>What the agent profiles page (and the <c>agents</c> CLI, in English) says, per language (AgentProfileTexts.resx, AgentProfileTexts.zh-CN.resx).</summary>
public sealed class AgentProfileTexts : TextTable<AgentProfileTexts>
{
    public string Title => Text();
    public string Intro => Text();
    public string BackToConsole => Text();
    public string Agent => Text();
    public string Roles => Text();
    public string Presence => Text();
    public string Chats => Text();
    public string Skills => Text();
    public string Languages => Text();
    public string Capacity => Text();
    public string CapacityHint => Text();
    public string Edit => Text();
    public string EditTitle => Text();
    public string Save => Text();
    public string Cancel => Text();
    public string Saved => Text();
    public string NotYetSignedIn => Text();
    public string AllSkills => Text();
    public string NoAgents => Text();
    public string ErrorsTitle => Text();

    /// <summary>Display names of presences (PresenceNames.online...) and languages (LanguageNames.en...).</summary>
    public IReadOnlyDictionary<string, string> PresenceNames => Names();
    public IReadOnlyDictionary<string, string> LanguageNames => Names();

    public string Describe(AgentProfileError error) => Format((error.Field, error.Problem) switch
    {
        (AgentProfileField.Skills, AgentProfileProblem.Missing) => "SkillsMissing",
        (AgentProfileField.Skills, _) => "SkillUnknown",
        (AgentProfileField.Languages, AgentProfileProblem.Missing) => "LanguagesMissing",
        (AgentProfileField.Languages, _) => "LanguageUnknown",
        _ => "CapacityOutOfRange",
    }, error.Value, AgentProfile.MinCapacity, AgentProfile.MaxCapacity);

    public string PresenceName(string presence) => PresenceNames.GetValueOrDefault(presence, presence);
}
