using Microsoft.Extensions.Logging;

namespace SelfServiceBot.AI.Chat.Safety;

/// <summary>
/// With <c>AI:Chat:LogPrompts</c> only: logs each prompt as sent (after masking) and its reply, at Information. Without
/// the setting it is not in the chain at all, so no code path can log customer text by accident.
/// </summary>
internal sealed partial class PromptLoggingChatModel(IChatModel inner, ILogger logger) : IChatModel
{
    public string Model => inner.Model;

    public async Task<ChatModelReply> CompleteAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken)
    {
        LogPrompt(Model, string.Join("\n", messages.Select(m => $"[{m.Role}] {m.Text}")));
        var reply = await inner.CompleteAsync(messages, cancellationToken);
        LogCompletion(Model, reply.Outcome, reply.Text);
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prompt to {Model}:\n{Prompt}")]
    private partial void LogPrompt(string model, string prompt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Completion from {Model} ({Outcome}):\n{Completion}")]
    private partial void LogCompletion(string model, ChatOutcome outcome, string completion);
}
