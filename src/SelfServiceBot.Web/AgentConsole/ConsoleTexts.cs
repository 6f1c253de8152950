using System.Globalization;
using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// What the agent console says, per language (ConsoleTexts.resx, ConsoleTexts.zh-CN.resx): handed to agent.js as JSON, so
/// the keys are the script's. reason.* name why the bot handed over (HandoffReasons); another reason shows as its id.
/// </summary>
public static class ConsoleTexts
{
    private static readonly TextResources Resources = new(typeof(ConsoleTexts));

    public static IReadOnlyDictionary<string, string> For(CultureInfo culture) => Resources.In(culture);
}
