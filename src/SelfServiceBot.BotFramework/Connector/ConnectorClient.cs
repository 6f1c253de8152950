using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Connector;

/// <summary>
/// Bot Connector v3 over the <see cref="BotHttpClients.Connector"/> client (retries are in its handler).
/// With an app id every call carries the bot's token and goes only to a trusted serviceUrl; in local mode
/// (no app id, e.g. the Emulator) calls go out without a token.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients, IBotTokenProvider tokens, TrustedServiceUrls trust, IOptions<BotAuthOptions> auth,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Id(conversationId)}/activities/{Id(replyToId)}", activity, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Id(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Id(conversationId)}/activities/{Id(activityId)}", activity, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Id(conversationId)}/activities/{Id(activityId)}", null, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);

    // Teams ids contain ':', ';' and '@': each id is one escaped path segment.
    private static string Id(string id) => Uri.EscapeDataString(id);

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
        where T : new()
    {
        var baseUrl = ServiceUrls.Normalize(serviceUrl) ?? throw new ConnectorException($"'{serviceUrl}' is not an http(s) serviceUrl.");
        using var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl), path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options));
            request.Content.Headers.ContentType = Json;
        }
        await AuthorizeAsync(request, baseUrl, cancellationToken);

        using var response = await httpClients.CreateClient(BotHttpClients.Connector).SendAsync(request, cancellationToken);
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryRead<ConnectorErrorResponse>(content)?.Error;
            logger.LogWarning("Connector {Method} {Url} failed with {StatusCode} {ErrorCode}: {ErrorMessage}",
                method, request.RequestUri, (int)response.StatusCode, error?.Code, error?.Message);
            throw new ConnectorException(
                $"The connector answered {(int)response.StatusCode} to {method} {path}: {error?.Code} {error?.Message}".TrimEnd(),
                response.StatusCode, error?.Code);
        }
        return TryRead<T>(content) ?? new T();
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, string baseUrl, CancellationToken cancellationToken)
    {
        if (auth.Value.IsLocalMode)
        {
            if (!trust.IsLocalModeTargetAllowed(new Uri(baseUrl)))
            {
                throw new ConnectorException(
                    $"Local mode (no MicrosoftAppId) replies only to this machine or to BotFramework:AllowedServiceUrlHosts; {baseUrl} is neither.");
            }
            return;
        }
        // Spec: the token goes only where an authenticated activity said the channel lives.
        if (!await trust.IsTrustedAsync(baseUrl, cancellationToken))
        {
            throw new ConnectorException($"{baseUrl} did not arrive in an authenticated activity (or its host is not allowed); no token is sent there.");
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
    }

    private static T? TryRead<T>(string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(content, BotJson.Options);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
