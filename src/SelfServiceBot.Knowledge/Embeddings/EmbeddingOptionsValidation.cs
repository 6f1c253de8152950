using Microsoft.Extensions.Options;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>Stops the app at start with every problem of <c>Knowledge:Embeddings</c> spelled out.</summary>
internal sealed class EmbeddingOptionsValidation : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
