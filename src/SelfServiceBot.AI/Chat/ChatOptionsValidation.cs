using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.AI.Chat;

/// <summary>
/// Stops the app at start with every problem of <c>AI:Chat</c> spelled out, including a model configured in a host that
/// registered no outbound masker (customer text would leave unmasked).
/// </summary>
internal sealed class ChatOptionsValidation(IServiceProvider services) : IValidateOptions<ChatOptions>
{
    public const string NoMasker =
        "AI:Chat:Provider is set but no IOutboundTextMasker is registered (SelfServiceBot.Data's AddPrivacy()): customer text would reach the model unmasked.";

    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var problems = options.Problems().ToList();
        if (options.Provider != ChatProvider.None && Enum.IsDefined(options.Provider) && services.GetService<IOutboundTextMasker>() is null)
        {
            problems.Add(NoMasker);
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
