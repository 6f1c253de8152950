namespace SelfServiceBot.Conversation.Localization;

/// <summary>
/// Everything the bot says, per language. The welcome, feedback and "didn't help" texts and their
/// button labels are agreed with the end-to-end tests: change them together.
/// </summary>
internal sealed record BotTexts
{
    public required string Welcome { get; init; }
    public required string AnswerPrompt { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string Thanks { get; init; }
    public required string NotHelpful { get; init; }
    public required string TalkToPerson { get; init; }
    public required string AskSomethingElse { get; init; }
    public required string AskAway { get; init; }
    public required string DidYouMean { get; init; }
    public required string NoneOfThese { get; init; }
    public required string NoMatch { get; init; }
    public required string NoneOfTheseReply { get; init; }
    public required string Error { get; init; }

    public static BotTexts For(string language) => language == Language.Chinese ? Chinese : English;

    public static readonly BotTexts English = new()
    {
        Welcome = "Hi! I'm the SelfService support assistant. Ask me about orders, delivery, returns, payment or your account.",
        AnswerPrompt = "Did this answer your question?",
        Yes = "Yes",
        No = "No",
        Thanks = "Great, glad I could help! Is there anything else you'd like to know?",
        NotHelpful = "Sorry that didn't help. Would you like to talk to a person?",
        TalkToPerson = "Talk to a person",
        AskSomethingElse = "Ask something else",
        AskAway = "Sure, what would you like to know?",
        DidYouMean = "I'm not sure I understood. Did you mean one of these?",
        NoneOfThese = "None of these",
        NoMatch = "Sorry, I couldn't find an answer to that. You can rephrase your question, or I can pass you to a person.",
        NoneOfTheseReply = "Sorry I couldn't find the right answer. You can rephrase your question, or I can pass you to a person.",
        Error = "Sorry, something went wrong on my side. Let's start again: what would you like to ask?",
    };

    public static readonly BotTexts Chinese = new()
    {
        Welcome = "您好！我是自助客服助手。您可以问我订单、配送、退货、支付或账户方面的问题。",
        AnswerPrompt = "这个回答解决您的问题了吗？",
        Yes = "是",
        No = "否",
        Thanks = "太好了，很高兴能帮到您！还有其他问题吗？",
        NotHelpful = "抱歉没能帮到您。需要转人工客服吗？",
        TalkToPerson = "转人工",
        AskSomethingElse = "换个问题",
        AskAway = "好的，请问您还想了解什么？",
        DidYouMean = "我不太确定您的意思。您是想问以下哪个问题？",
        NoneOfThese = "都不是",
        NoMatch = "抱歉，我没有找到相关答案。您可以换个说法再问，或者由我为您转人工客服。",
        NoneOfTheseReply = "抱歉没有找到您要的内容。您可以换个说法再问，或者由我为您转人工客服。",
        Error = "抱歉，我这边出了点问题。我们重新开始吧：请问有什么可以帮您？",
    };
}
