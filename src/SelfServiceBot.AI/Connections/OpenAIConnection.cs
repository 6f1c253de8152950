using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace SelfServiceBot.AI.Connections;

/// <summary>
/// The one way the product reaches a model service (chat here, embeddings in the knowledge engine): OpenAI, any
/// OpenAI-compatible server, or Azure OpenAI through its v1 endpoint (the same API under <c>/openai/v1/</c>, the
/// deployment's name as the model, the key in an <c>api-key</c> header rather than a bearer token).
/// </summary>
public static class OpenAIConnection
{
    /// <param name="endpoint">Empty for api.openai.com; a compatible server's <c>.../v1</c>; Azure's resource URL.</param>
    /// <param name="apiKey">Empty for a compatible server without keys (no key header is sent then).</param>
    /// <param name="retries">The client's retry policy; null keeps the client's default.</param>
    public static OpenAIClient Client(bool azure, string? endpoint, string? apiKey, TimeSpan networkTimeout, ClientRetryPolicy? retries = null)
    {
        var client = new OpenAIClientOptions { NetworkTimeout = networkTimeout };
        if (retries is not null)
        {
            client.RetryPolicy = retries;
        }
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var url = endpoint.TrimEnd('/');
            if (azure && !url.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
            {
                url += "/openai/v1";
            }
            client.Endpoint = new Uri(url + "/");
        }
        if (azure || string.IsNullOrWhiteSpace(apiKey))
        {
            client.AddPolicy(new KeyHeaderPolicy(azure ? apiKey : null), PipelinePosition.BeforeTransport);
        }
        // A compatible server without keys still needs a credential for the client to be built; its header is removed above.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? "none" : apiKey), client);
    }
}
