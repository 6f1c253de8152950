using System.Globalization;

namespace SelfServiceBot.Contracts.Handoff;

/// <summary>
/// What the customer is told about their hand-off, in English or Simplified Chinese. Here because both sides say it: the
/// bot in its replies (place in line, offline ticket, cancel) and the desk in its own messages (an agent joined, the queue moved).
/// </summary>
public sealed record HandoffTexts
{
    public required string Queued { get; init; }
    public required string QueuedOne { get; init; }
    public required string AgentJoined { get; init; }
    public required string Transferred { get; init; }
    public required string Resolved { get; init; }
    public required string RatingPrompt { get; init; }
    public required string Cancelled { get; init; }
    public required string CancelAction { get; init; }
    public required string OfflineClosed { get; init; }
    public required string OfflineNobody { get; init; }
    public required string OfflineConfirmed { get; init; }
    public required string OfflineSkipped { get; init; }
    public required string Thanks { get; init; }
    public required string ExternalConnecting { get; init; }
    public required string ExternalFailed { get; init; }

    public static HandoffTexts For(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>"You're number 3 in line, about 4 minutes."</summary>
    public string Position(int position, int minutes) =>
        string.Format(CultureInfo.InvariantCulture, position == 1 ? QueuedOne : Queued, position, Math.Max(1, minutes));

    public static readonly HandoffTexts English = new()
    {
        Queued = "I'm connecting you with a person. You're number {0} in line, about {1} minutes. You can keep writing here; type \"cancel\" to go back to the bot.",
        QueuedOne = "I'm connecting you with a person. You're next in line, about {1} minutes. You can keep writing here; type \"cancel\" to go back to the bot.",
        AgentJoined = "{0} has joined the chat and can see our conversation so far.",
        Transferred = "I'm passing you to a colleague who can help with this. Please stay in the chat.",
        Resolved = "{0} has left the chat. You're back with the assistant.",
        RatingPrompt = "How would you rate the help you got, from 1 (poor) to 5 (excellent)?",
        Cancelled = "OK, I've cancelled the request. You're back with the assistant: ask me anything.",
        CancelAction = "Cancel",
        OfflineClosed = "Our team is not available right now. Leave an e-mail address or phone number and we'll get back to you; your reference is {0}.",
        OfflineNobody = "No one is available to chat right now. Leave an e-mail address or phone number and we'll get back to you; your reference is {0}.",
        OfflineConfirmed = "Thank you. We'll contact you at {1} about reference {0}.",
        OfflineSkipped = "OK. If you need us, mention reference {0}.",
        Thanks = "Thank you for your rating!",
        ExternalConnecting = "I'm connecting you with a person. Please stay in the chat.",
        ExternalFailed = "Sorry, no one could take the chat. Leave an e-mail address or phone number and we'll get back to you; your reference is {0}.",
    };

    public static readonly HandoffTexts Chinese = new()
    {
        Queued = "正在为您转接人工客服。您目前排在第 {0} 位，预计等待约 {1} 分钟。您可以继续在这里留言；输入“取消”可回到机器人。",
        QueuedOne = "正在为您转接人工客服。下一位就是您，预计等待约 {1} 分钟。您可以继续在这里留言；输入“取消”可回到机器人。",
        AgentJoined = "客服 {0} 已加入对话，可以看到之前的聊天内容。",
        Transferred = "正在为您转接到能处理此问题的同事，请不要离开。",
        Resolved = "客服 {0} 已离开对话。现在由智能助手继续为您服务。",
        RatingPrompt = "请为本次服务打分：1（很差）到 5（很好）。",
        Cancelled = "好的，已取消转人工。现在由智能助手继续为您服务，请随时提问。",
        CancelAction = "取消",
        OfflineClosed = "目前不在人工服务时间。请留下您的电子邮箱或电话，我们会与您联系；您的编号是 {0}。",
        OfflineNobody = "目前没有在线的人工客服。请留下您的电子邮箱或电话，我们会与您联系；您的编号是 {0}。",
        OfflineConfirmed = "谢谢。我们会通过 {1} 就编号 {0} 与您联系。",
        OfflineSkipped = "好的。如需帮助，请提供编号 {0}。",
        Thanks = "感谢您的评分！",
        ExternalConnecting = "正在为您转接人工客服，请不要离开。",
        ExternalFailed = "抱歉，暂时没有客服能够接入。请留下您的电子邮箱或电话，我们会与您联系；您的编号是 {0}。",
    };
}
