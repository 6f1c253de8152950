using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Contracts.Handoff;

/// <summary>
/// What the customer is told about their hand-off, per language (HandoffTexts.resx, HandoffTexts.zh-CN.resx). Here because
/// both sides say it: the bot in its replies (place in line, offline ticket, cancel) and the desk in its own messages (an
/// agent joined, the queue moved).
/// </summary>
public sealed class HandoffTexts : TextTable<HandoffTexts>
{
    public string Queued => Text();
    public string QueuedOne => Text();
    public string AgentJoined => Text();
    public string Transferred => Text();
    public string Resolved => Text();
    public string RatingPrompt => Text();
    public string Cancelled => Text();
    public string CancelAction => Text();
    public string OfflineClosed => Text();
    public string OfflineNobody => Text();
    public string OfflineConfirmed => Text();
    public string OfflineSkipped => Text();
    public string Thanks => Text();
    public string ExternalConnecting => Text();
    public string ExternalFailed => Text();

    /// <summary>"You're number 3 in line, about 4 minutes."</summary>
    public string Position(int position, int minutes) =>
        Format(position == 1 ? nameof(QueuedOne) : nameof(Queued), position, Math.Max(1, minutes));
}
