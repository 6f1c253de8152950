using System.Globalization;

namespace SelfServiceBot.Web.Legal;

/// <summary>
/// The built-in privacy statement and terms, in English and Simplified Chinese: what the bot really stores (see
/// docs/database.md) and how long (the retention setting). {operator}, {contact} and {retention} are filled in per request.
/// </summary>
public sealed record LegalTexts(
    string PrivacyTitle, string TermsTitle, string Privacy, string Terms,
    string DefaultOperator, string DefaultContact, string RetentionDays, string RetentionForever)
{
    public static LegalTexts For(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public string Retention(int days) =>
        days > 0 ? string.Format(CultureInfo.InvariantCulture, RetentionDays, days) : RetentionForever;

    public static readonly LegalTexts English = new(
        PrivacyTitle: "Privacy statement",
        TermsTitle: "Terms of use",
        DefaultOperator: "the organisation that runs this support service",
        DefaultContact: "the support team (ask for a person in the chat)",
        RetentionDays: "Transcripts, the texts of your messages and the contact details you gave are deleted {0} days after they were written. The counts used for reports (how many conversations, answered or handed over) are kept; they hold no text you wrote.",
        RetentionForever: "Transcripts, the texts of your messages and the contact details you gave are kept until {operator} deletes them; no automatic deletion is set.",
        Privacy: """
            # Privacy statement
            This support assistant is run by {operator}. This page says what it stores about you and why.
            ## What the assistant stores
            - The transcript of your conversation: your messages and the assistant's replies, so the conversation can continue and a support agent can read it when you ask for a person.
            - Payment card numbers, e-mail addresses, phone numbers and ID numbers in your messages are stored masked (for example •••• 1111), except the contact details you give for a ticket.
            - Which answers were shown and whether they helped you, to improve the knowledge base.
            - When you are handed to a person or a ticket is opened: the contact details you give (for example your name, e-mail address or phone number) and the ticket, so an agent can get back to you.
            - The identifiers your channel gives you and the conversation (for example your Microsoft Teams or web chat user id), so replies reach you.
            ## How long it is kept
            {retention}
            ## Who can see it
            The support agents of {operator} who sign in to the agent console, and the people who run the service. It is not sold and not used for advertising.
            ## Your questions and rights
            To see, correct or delete what is stored about you, contact {contact}.
            """,
        Terms: """
            # Terms of use
            This support assistant is provided by {operator}.
            - The assistant answers from a knowledge base. Answers can be incomplete or out of date; for anything binding (orders, payments, refunds, contracts) ask for a person.
            - Do not send passwords, payment card numbers or other secrets in the chat.
            - Use the assistant only for support questions, lawfully and without abusing it or the people behind it.
            - The service can change or stop at any time.
            How your data is handled is described in the privacy statement at /privacy. Questions: {contact}.
            """);

    public static readonly LegalTexts Chinese = new(
        PrivacyTitle: "隐私声明",
        TermsTitle: "使用条款",
        DefaultOperator: "本客服服务的运营方",
        DefaultContact: "客服团队（在对话中输入“转人工”）",
        RetentionDays: "对话记录、您发送的消息内容以及您提供的联系方式将在写入 {0} 天后删除。报表所用的统计数字（对话数量、已解答或已转人工的数量）会保留，其中不含您写的任何文字。",
        RetentionForever: "对话记录、您发送的消息内容以及您提供的联系方式会一直保留，直到{operator}将其删除；目前未设置自动删除。",
        Privacy: """
            # 隐私声明
            本客服助手由{operator}运营。本页说明它保存了您的哪些信息以及原因。
            ## 助手保存的内容
            - 对话记录：您的消息和助手的回复，以便对话可以继续，并在您要求转人工时让客服人员查看。
            - 您消息中的银行卡号、电子邮箱、电话号码和身份证号会以遮盖形式保存（例如 •••• 1111），您为工单留下的联系方式除外。
            - 向您展示了哪些答案以及它们是否有帮助，用于改进知识库。
            - 转人工或创建工单时：您提供的联系方式（例如姓名、电子邮箱或电话）以及工单内容，以便客服人员联系您。
            - 渠道分配给您和本次对话的标识（例如您的 Microsoft Teams 或网页聊天用户 ID），以便回复能送达您。
            ## 保存多久
            {retention}
            ## 谁能看到
            登录客服控制台的{operator}客服人员，以及运行本服务的人员。这些信息不会被出售，也不会用于广告。
            ## 您的问题和权利
            如需查看、更正或删除与您有关的信息，请联系{contact}。
            """,
        Terms: """
            # 使用条款
            本客服助手由{operator}提供。
            - 助手根据知识库作答，答案可能不完整或已过时；涉及订单、付款、退款、合同等需要确认的事项，请转人工客服。
            - 请勿在对话中发送密码、银行卡号或其他机密信息。
            - 请仅将助手用于客服咨询，合法使用，不得滥用助手或其背后的工作人员。
            - 本服务可能随时变更或停止。
            您的数据如何处理，请见隐私声明（/privacy）。如有疑问，请联系{contact}。
            """);
}
