using System.Globalization;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.AgentProfiles;

/// <summary>What the agent profiles page (and the <c>agents</c> CLI, in English) says.</summary>
public sealed record AgentProfileTexts
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string BackToConsole { get; init; }
    public required string Agent { get; init; }
    public required string Roles { get; init; }
    public required string Presence { get; init; }
    public required string Chats { get; init; }
    public required string Skills { get; init; }
    public required string Languages { get; init; }
    public required string Capacity { get; init; }
    public required string CapacityHint { get; init; }
    public required string Edit { get; init; }
    public required string EditTitle { get; init; }
    public required string Save { get; init; }
    public required string Cancel { get; init; }
    public required string Saved { get; init; }
    public required string NotYetSignedIn { get; init; }
    public required string AllSkills { get; init; }
    public required string NoAgents { get; init; }
    public required string ErrorsTitle { get; init; }
    public required string SkillsMissing { get; init; }
    public required string SkillUnknown { get; init; }
    public required string LanguagesMissing { get; init; }
    public required string LanguageUnknown { get; init; }
    public required string CapacityOutOfRange { get; init; }
    public required IReadOnlyDictionary<string, string> PresenceNames { get; init; }
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }

    public static AgentProfileTexts Current => StaffCultures.IsChinese ? Chinese : English;

    public string Describe(AgentProfileError error) => string.Format(CultureInfo.InvariantCulture, (error.Field, error.Problem) switch
    {
        (AgentProfileField.Skills, AgentProfileProblem.Missing) => SkillsMissing,
        (AgentProfileField.Skills, _) => SkillUnknown,
        (AgentProfileField.Languages, AgentProfileProblem.Missing) => LanguagesMissing,
        (AgentProfileField.Languages, _) => LanguageUnknown,
        _ => CapacityOutOfRange,
    }, error.Value, AgentProfile.MinCapacity, AgentProfile.MaxCapacity);

    public string PresenceName(string presence) => PresenceNames.GetValueOrDefault(presence, presence);

    public static readonly AgentProfileTexts English = new()
    {
        Title = "Agent profiles",
        Intro = "Which chats each agent can take: skills (knowledge base categories, or * for all), languages, and how many chats at once. Changes apply to routing at once.",
        BackToConsole = "Agent console",
        Agent = "Agent", Roles = "Roles", Presence = "Status", Chats = "Chats", Skills = "Skills", Languages = "Languages",
        Capacity = "Capacity (chats at once)", CapacityHint = "A whole number from 1 to 20.",
        Edit = "Edit", EditTitle = "Edit {0}", Save = "Save", Cancel = "Cancel", Saved = "Saved: {0}.",
        NotYetSignedIn = "has not opened the console yet (defaults shown)",
        AllSkills = "All skills (*)",
        NoAgents = "No staff user has the Agent, Supervisor or Admin role yet.",
        ErrorsTitle = "Nothing was saved. Please correct:",
        SkillsMissing = "Choose at least one skill.",
        SkillUnknown = "'{0}' is not a skill: use a knowledge base category or *.",
        LanguagesMissing = "Choose at least one language.",
        LanguageUnknown = "'{0}' is not a supported language: use en or zh-CN.",
        CapacityOutOfRange = "Capacity must be a whole number from {1} to {2} (got '{0}').",
        PresenceNames = new Dictionary<string, string> { ["online"] = "Online", ["away"] = "Away", ["offline"] = "Offline" },
        LanguageNames = new Dictionary<string, string> { ["en"] = "English", ["zh-CN"] = "Simplified Chinese" },
    };

    public static readonly AgentProfileTexts Chinese = new()
    {
        Title = "客服资料",
        Intro = "每位客服可以接待哪些对话：技能（知识库类别，* 表示全部）、语言以及同时接待的对话数。修改立即用于分配。",
        BackToConsole = "客服工作台",
        Agent = "客服", Roles = "角色", Presence = "状态", Chats = "对话数", Skills = "技能", Languages = "语言",
        Capacity = "同时接待数", CapacityHint = "1 到 20 之间的整数。",
        Edit = "编辑", EditTitle = "编辑 {0}", Save = "保存", Cancel = "取消", Saved = "已保存：{0}。",
        NotYetSignedIn = "尚未打开工作台（显示默认值）",
        AllSkills = "全部技能 (*)",
        NoAgents = "还没有员工拥有客服、主管或管理员角色。",
        ErrorsTitle = "未保存。请更正：",
        SkillsMissing = "请至少选择一项技能。",
        SkillUnknown = "“{0}”不是有效技能：请使用知识库类别或 *。",
        LanguagesMissing = "请至少选择一种语言。",
        LanguageUnknown = "“{0}”不是支持的语言：请使用 en 或 zh-CN。",
        CapacityOutOfRange = "同时接待数必须是 {1} 到 {2} 之间的整数（输入为“{0}”）。",
        PresenceNames = new Dictionary<string, string> { ["online"] = "在线", ["away"] = "离开", ["offline"] = "离线" },
        LanguageNames = new Dictionary<string, string> { ["en"] = "英语", ["zh-CN"] = "简体中文" },
    };
}
