using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Localization;
using SelfServiceBot.Conversation.State;

namespace SelfServiceBot.Conversation.Input;

internal enum IntentKind
{
    Question,
    Restart,
    Greeting,
    Helpful,
    NotHelpful,
    PickArticle,
    NoneOfThese,
    /// <summary>The "Talk to a person" button offered after No or after no match.</summary>
    AcceptHandoff,
    AskSomethingElse,
    /// <summary>The customer asked for a person in their own words.</summary>
    RequestHandoff,
}

internal sealed record Intent(IntentKind Kind, ClarifyOption? Article = null)
{
    /// <summary>The name events store (customer_message's intent), written out per kind so renaming a member changes nothing stored.</summary>
    public string EventName => EventNameOf(Kind);

    public static string EventNameOf(IntentKind kind) => kind switch
    {
        IntentKind.Question => CustomerMessageIntents.Question,
        IntentKind.Restart => CustomerMessageIntents.Restart,
        IntentKind.Greeting => CustomerMessageIntents.Greeting,
        IntentKind.Helpful => CustomerMessageIntents.Helpful,
        IntentKind.NotHelpful => CustomerMessageIntents.NotHelpful,
        IntentKind.PickArticle => CustomerMessageIntents.PickArticle,
        IntentKind.NoneOfThese => CustomerMessageIntents.NoneOfThese,
        IntentKind.AcceptHandoff => CustomerMessageIntents.AcceptHandoff,
        IntentKind.AskSomethingElse => CustomerMessageIntents.AskSomethingElse,
        IntentKind.RequestHandoff => CustomerMessageIntents.RequestHandoff,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An intent without a persisted name: add it to CustomerMessageIntents."),
    };
}

/// <summary>
/// Decides what a message means given where the conversation is. Buttons count only where they
/// were offered (a stray "No" is a question, not feedback); both languages' labels are accepted,
/// since a customer may switch. Restart and requests for a person work everywhere.
/// </summary>
internal static class IntentInterpreter
{
    public static Intent Interpret(UserInput input, DialogState state)
    {
        if (input.CardAction is { } action)
        {
            return FromCard(action, input, state);
        }
        var text = input.Text;
        if (Phrases.Matches(Phrases.Restart, text))
        {
            return new Intent(IntentKind.Restart);
        }
        switch (state.Stage)
        {
            case DialogStage.AwaitingFeedback when Phrases.Matches(Phrases.Yes, text):
                return new Intent(IntentKind.Helpful);
            case DialogStage.AwaitingFeedback when Phrases.Matches(Phrases.No, text):
                return new Intent(IntentKind.NotHelpful);
            case DialogStage.AwaitingClarification when IsLabel(text, t => t.NoneOfThese):
                return new Intent(IntentKind.NoneOfThese);
            case DialogStage.AwaitingClarification when FindOption(state, text) is { } picked:
                return new Intent(IntentKind.PickArticle, picked);
            case DialogStage.AwaitingHandoffChoice when IsLabel(text, t => t.TalkToPerson):
                return new Intent(IntentKind.AcceptHandoff);
            case DialogStage.AwaitingHandoffChoice when IsLabel(text, t => t.AskSomethingElse):
                return new Intent(IntentKind.AskSomethingElse);
        }
        if (HandoffPhrases.IsRequest(text))
        {
            return new Intent(IntentKind.RequestHandoff);
        }
        if (Phrases.Matches(Phrases.Greeting, text))
        {
            return new Intent(IntentKind.Greeting);
        }
        return new Intent(IntentKind.Question);
    }

    private static Intent FromCard(string action, UserInput input, DialogState state) => action switch
    {
        CardActions.Feedback => new Intent(input.ValueBool("helpful") == true ? IntentKind.Helpful : IntentKind.NotHelpful),
        CardActions.Clarify when state.ClarifyOptions.FirstOrDefault(o => o.ArticleId == input.ValueString("articleId")) is { } option
            => new Intent(IntentKind.PickArticle, option),
        CardActions.Clarify or CardActions.ClarifyNone => new Intent(IntentKind.NoneOfThese),
        CardActions.Handoff => new Intent(IntentKind.AcceptHandoff),
        CardActions.AskElse => new Intent(IntentKind.AskSomethingElse),
        // A card from an older version of the bot: nothing sensible to do but ask again.
        _ => new Intent(IntentKind.AskSomethingElse),
    };

    private static bool IsLabel(string text, Func<BotTexts, string> label) =>
        Phrases.Normalize(text) is var n && (n == Phrases.Normalize(label(BotTexts.English)) || n == Phrases.Normalize(label(BotTexts.Chinese)));

    private static ClarifyOption? FindOption(DialogState state, string text)
    {
        var normalized = Phrases.Normalize(text);
        return state.ClarifyOptions.FirstOrDefault(o => Phrases.Normalize(o.Title) == normalized);
    }
}
