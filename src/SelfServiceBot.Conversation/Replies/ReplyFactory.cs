using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Replies;

/// <summary>
/// Shapes replies for the channel: Teams gets Adaptive Cards with Action.Submit; Web Chat, Direct
/// Line, the Emulator and tests get Markdown text with suggested actions (imBack).
/// </summary>
internal static class ReplyFactory
{
    public static bool UsesCards(string? channelId) => channelId == Channels.MsTeams;

    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown };

    /// <summary>
    /// An answer with its question (e.g. "Did this answer your question?") and choices, as one message: one connector call
    /// per answer, and in Teams one card rather than two. Elsewhere the text is the answer alone, so whatever reads a
    /// transcript sees the clean answer; the question follows as a plain-text attachment, which Web Chat shows in a bubble
    /// under the answer, and the choices are suggested actions.
    /// </summary>
    public static Activity Answer(string? channelId, string title, string answer, string prompt, IReadOnlyList<Choice> choices)
    {
        if (UsesCards(channelId))
        {
            return new Activity
            {
                Type = ActivityTypes.Message,
                Attachments =
                [
                    AdaptiveCards.Create([AdaptiveCards.TextBlock(title, heading: true), AdaptiveCards.TextBlock(answer), AdaptiveCards.TextBlock(prompt, separator: true)], choices),
                ],
            };
        }
        var reply = Text(answer);
        reply.Attachments = [new Attachment { ContentType = AttachmentContentTypes.PlainText, Content = JsonSerializer.SerializeToElement(prompt) }];
        return Suggesting(reply, choices);
    }

    /// <summary>
    /// A generated answer with the sources it cites, then the same question and choices as <see cref="Answer"/>. Teams: one
    /// card with a Sources part listing "[n] Title"; Web Chat: the text ends with the Markdown link definitions it lists
    /// as citations. Both carry the citation entity (<see cref="Citations"/>).
    /// </summary>
    public static Activity GeneratedAnswer(string? channelId, string answer, IReadOnlyList<CitedArticle> cited, string sourcesLabel, string prompt, IReadOnlyList<Choice> choices)
    {
        Activity reply;
        if (UsesCards(channelId))
        {
            object[] sources = [AdaptiveCards.TextBlock(sourcesLabel, separator: true, subtle: true), .. Citations.Lines(cited).Select(l => AdaptiveCards.TextBlock(l, subtle: true))];
            reply = new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [AdaptiveCards.Create([AdaptiveCards.TextBlock(answer), .. sources, AdaptiveCards.TextBlock(prompt, separator: true)], choices)],
            };
        }
        else
        {
            reply = Suggesting(Text(answer + "\n" + Citations.LinkDefinitions(cited)), choices);
            reply.Attachments = [new Attachment { ContentType = AttachmentContentTypes.PlainText, Content = JsonSerializer.SerializeToElement(prompt) }];
        }
        reply.Entities = [Citations.Entity(cited)];
        return reply;
    }

    public static Activity Choices(string? channelId, string prompt, IReadOnlyList<Choice> choices) => UsesCards(channelId)
        ? new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [AdaptiveCards.Create([AdaptiveCards.TextBlock(prompt)], choices)],
        }
        : Suggesting(Text(prompt), choices);

    public static Activity Typing() => new() { Type = ActivityTypes.Typing };

    private static Activity Suggesting(Activity reply, IReadOnlyList<Choice> choices)
    {
        reply.InputHint = InputHints.ExpectingInput;
        reply.SuggestedActions = new SuggestedActions { Actions = choices.Select(c => CardAction.ImBack(c.Title, c.Title)).ToList() };
        return reply;
    }
}
