using System.ClientModel.Primitives;

namespace SelfServiceBot.AI.Connections;

/// <summary>Azure's key goes in <c>api-key</c> rather than a bearer token; a server without keys gets no header.</summary>
internal sealed class KeyHeaderPolicy(string? azureKey) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        message.Request.Headers.Remove("Authorization");
        if (azureKey is not null)
        {
            message.Request.Headers.Set("api-key", azureKey);
        }
    }
}
