using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.State;

namespace SelfServiceBot.Conversation.Welcome;

/// <summary>
/// The greeting. Web Chat announces itself with the <c>webchat/join</c> event (its Direct Line
/// conversationUpdate may come only after the first message); Teams, the Emulator and others with
/// a conversationUpdate that adds the user.
/// </summary>
internal sealed class WelcomeFlow
{
    public const string JoinEventName = "webchat/join";

    public static bool IsJoin(Activity activity) => activity.Type == ActivityTypes.Event && activity.Name == JoinEventName;

    /// <summary>A conversationUpdate that should greet: the user (not the bot) joined, outside Web Chat / Direct Line.</summary>
    public static bool IsUserJoined(Activity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && activity.ChannelId is not (Channels.WebChat or Channels.DirectLine)
        && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;

    public async Task OnJoinedAsync(TurnSession session, string trigger, CancellationToken cancellationToken)
    {
        session.StartContact(trigger);
        if (!session.State.Welcomed)
        {
            await SendWelcomeAsync(session, cancellationToken);
        }
    }

    public async Task SendWelcomeAsync(TurnSession session, CancellationToken cancellationToken)
    {
        session.State.Welcomed = true;
        session.State.Stage = DialogStage.Idle;
        await session.SendTextAsync(session.Texts.Welcome, cancellationToken);
    }

    /// <summary>"restart" / "重新开始": the current contact ends, state is cleared, and a new contact starts with the welcome.</summary>
    public async Task RestartAsync(TurnSession session, CancellationToken cancellationToken)
    {
        session.Events.Add(ConversationEventTypes.ConversationEnded, reason: "restart");
        session.ResetState();
        session.StartContact("restart");
        await SendWelcomeAsync(session, cancellationToken);
    }
}
