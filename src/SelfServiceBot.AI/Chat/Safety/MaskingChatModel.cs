using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.AI.Chat.Safety;

/// <summary>
/// Masks card numbers, e-mail addresses, phone and ID numbers in every customer or agent turn before it leaves. System
/// turns hold our instructions and knowledge-base articles (never customer text, by the prompt shape every feature
/// follows), so they go as written: masking them could only damage an article's phone number for the shop.
/// </summary>
internal sealed class MaskingChatModel(IChatModel inner, IOutboundTextMasker masker) : IChatModel
{
    public string Model => inner.Model;

    public Task<ChatModelReply> CompleteAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken) =>
        inner.CompleteAsync(messages.Select(Mask).ToList(), cancellationToken);

    private ChatTurn Mask(ChatTurn turn) => turn.Role == ChatRole.System ? turn : turn with { Text = masker.Mask(turn.Text) };
}
