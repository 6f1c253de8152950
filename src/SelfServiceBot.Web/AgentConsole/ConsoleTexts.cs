using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>What the agent console says, in English and Simplified Chinese; handed to agent.js as JSON.</summary>
public static class ConsoleTexts
{
    public static IReadOnlyDictionary<string, string> Current => StaffCultures.IsChinese ? Chinese : English;

    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["title"] = "Agent console", ["presence"] = "Status", ["online"] = "Online", ["away"] = "Away", ["offline"] = "Offline",
        ["queue"] = "Waiting", ["mine"] = "My chats", ["empty"] = "Nothing here.", ["claim"] = "Claim", ["open"] = "Open",
        ["waiting"] = "waiting", ["min"] = "min", ["pick"] = "Pick a chat on the left.", ["send"] = "Send", ["message"] = "Message to the customer",
        ["customer"] = "Customer", ["bot"] = "Bot", ["agent"] = "Agent", ["system"] = "System", ["typing"] = "Customer is typing…",
        ["reason"] = "Reason", ["category"] = "Category", ["language"] = "Language", ["channel"] = "Channel",
        // Why the bot handed over (HandoffReasons); another reason shows as its id.
        ["reason.explicit_request"] = "asked for a person", ["reason.low_confidence"] = "no answer found",
        ["reason.negative_feedback"] = "the answer did not help", ["reason.policy"] = "policy (always-human topic or message limit)",
        ["replies"] = "Canned replies from the knowledge base", ["search"] = "Search", ["use"] = "Use",
        ["resolve"] = "Resolve and hand back to the bot", ["disposition"] = "Disposition", ["resolved"] = "Problem solved", ["note"] = "Internal note",
        ["transfer"] = "Transfer", ["toQueue"] = "to queue (e.g. billing/en)", ["toAgent"] = "to agent", ["draft"] = "Draft a KB article",
        ["claimLost"] = "Someone else took this chat first.", ["closed"] = "This chat is closed.", ["supervisor"] = "Supervisor view",
        ["agents"] = "Agents", ["load"] = "Chats", ["queues"] = "Queues", ["queueName"] = "Queue", ["longest"] = "Longest wait",
        ["connection"] = "Connection lost, reconnecting…", ["profiles"] = "Agent profiles", ["drafts"] = "Knowledge base drafts",
        ["draftHeading"] = "New knowledge base draft", ["draftTitle"] = "Title (the question as the customer asked it)",
        ["draftQuestions"] = "Other ways customers ask it (one per line)", ["draftAnswer"] = "Answer (Markdown)",
        ["draftSave"] = "Save draft for review", ["draftSaved"] = "Draft #{0} saved for review.", ["draftReview"] = "Review it",
        ["transferNoAgent"] = "There is no such agent to transfer to.", ["transferAgentOffline"] = "That agent is not online: pick someone who is, or a queue.",
        ["transferNoQueue"] = "There is no such queue: use skill/language, e.g. billing/en or general/zh-CN.",
    };

    public static readonly IReadOnlyDictionary<string, string> Chinese = new Dictionary<string, string>
    {
        ["title"] = "客服工作台", ["presence"] = "状态", ["online"] = "在线", ["away"] = "离开", ["offline"] = "离线",
        ["queue"] = "等待中", ["mine"] = "我的对话", ["empty"] = "暂无。", ["claim"] = "接入", ["open"] = "打开",
        ["waiting"] = "已等待", ["min"] = "分钟", ["pick"] = "请从左侧选择一个对话。", ["send"] = "发送", ["message"] = "发给客户的消息",
        ["customer"] = "客户", ["bot"] = "机器人", ["agent"] = "客服", ["system"] = "系统", ["typing"] = "客户正在输入…",
        ["reason"] = "原因", ["category"] = "类别", ["language"] = "语言", ["channel"] = "渠道",
        ["reason.explicit_request"] = "客户要求转人工", ["reason.low_confidence"] = "未找到答案",
        ["reason.negative_feedback"] = "回答没有帮助", ["reason.policy"] = "规则（须人工处理的类别或消息数上限）",
        ["replies"] = "知识库快捷回复", ["search"] = "搜索", ["use"] = "使用",
        ["resolve"] = "结束并交还机器人", ["disposition"] = "处理结果", ["resolved"] = "问题已解决", ["note"] = "内部备注",
        ["transfer"] = "转接", ["toQueue"] = "转到队列（如 billing/zh-CN）", ["toAgent"] = "转给客服", ["draft"] = "生成知识库草稿",
        ["claimLost"] = "此对话已被其他客服接入。", ["closed"] = "此对话已结束。", ["supervisor"] = "主管视图",
        ["agents"] = "客服", ["load"] = "对话数", ["queues"] = "队列", ["queueName"] = "队列", ["longest"] = "最长等待",
        ["connection"] = "连接中断，正在重连…", ["profiles"] = "客服资料", ["drafts"] = "知识库草稿",
        ["draftHeading"] = "新的知识库草稿", ["draftTitle"] = "标题（客户提问的原话）",
        ["draftQuestions"] = "客户的其他问法（每行一个）", ["draftAnswer"] = "答案（Markdown）",
        ["draftSave"] = "保存草稿待审核", ["draftSaved"] = "草稿 #{0} 已保存，等待审核。", ["draftReview"] = "去审核",
        ["transferNoAgent"] = "没有这位客服，无法转接。", ["transferAgentOffline"] = "这位客服不在线：请选择在线的客服或一个队列。",
        ["transferNoQueue"] = "没有这个队列：请用 技能/语言 的格式，如 billing/zh-CN 或 general/en。",
    };
}
