namespace SelfServiceBot.BotFramework.Schema;

/// <summary>
/// The cap on a customer's message text: what agents read, the search looks up and the database keeps is at most this
/// long. Cut rather than refused, because a channel (Teams, Web Chat) cannot show the customer why a message bounced.
/// </summary>
internal static class TextLimit
{
    /// <summary>Cuts <see cref="Activity.Text"/> to <paramref name="maxLength"/> UTF-16 units, never between the halves of a surrogate pair.</summary>
    public static void Apply(Activity activity, int maxLength)
    {
        if (activity.Text is { } text && text.Length > maxLength)
        {
            var end = maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
            activity.Text = text[..end];
        }
    }
}
