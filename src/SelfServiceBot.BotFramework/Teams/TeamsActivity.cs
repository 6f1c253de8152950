using System.Text.RegularExpressions;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Teams;

/// <summary>Teams specifics that the turn pipeline normalises before the bot sees an activity.</summary>
public static class TeamsActivity
{
    /// <summary>
    /// In group chats and channels Teams delivers "&lt;at&gt;Bot&lt;/at&gt; question": remove every mention
    /// entity that names the recipient (the bot) from the text, ignoring case, and trim.
    /// </summary>
    public static void RemoveRecipientMention(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(activity.Text) || activity.Entities is null)
        {
            return;
        }
        var botId = activity.Recipient?.Id;
        var text = activity.Text;
        foreach (var entity in activity.Entities)
        {
            if (entity.Type == "mention" && entity.Mentioned?.Id == botId && !string.IsNullOrEmpty(entity.Text))
            {
                text = Regex.Replace(text, Regex.Escape(entity.Text), "", RegexOptions.IgnoreCase);
            }
        }
        activity.Text = text.Trim();
    }
}
