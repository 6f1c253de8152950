using Microsoft.Extensions.Options;

namespace SelfServiceBot.AI.Chat;

/// <summary>Stops the app at start with every problem of <c>AI:Chat</c> spelled out.</summary>
internal sealed class ChatOptionsValidation : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
