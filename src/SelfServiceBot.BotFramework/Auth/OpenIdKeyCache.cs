using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>Thrown when no signing keys could ever be fetched: the request is then rejected (401), never a 500.</summary>
internal sealed class SigningKeysUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The signing keys behind one OpenID metadata URL: fetched on first use, refetched after
/// <see cref="BotEndpointOptions.SigningKeyCacheDuration"/>, and on an unknown kid (key rotation) at most once per
/// <see cref="BotEndpointOptions.SigningKeyRefreshInterval"/>. One fetch at a time; requests waiting on it share its result.
/// When a refetch fails, the keys already known stay in use.
/// </summary>
internal sealed class OpenIdKeyCache(
    string metadataUrl, IHttpClientFactory httpClients, BotEndpointOptions options, TimeProvider clock, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SigningKeySet? _keys;
    private long _attempts;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public string MetadataUrl => metadataUrl;

    /// <summary>The key with this id, or null when the issuer does not publish it.</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is null || clock.GetUtcNow() - keys.FetchedAt >= options.SigningKeyCacheDuration)
        {
            keys = await RefreshAsync(Interlocked.Read(ref _attempts), cancellationToken);
        }
        if (keys.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }
        if (clock.GetUtcNow() - _lastAttempt < options.SigningKeyRefreshInterval)
        {
            return null;
        }
        keys = await RefreshAsync(Interlocked.Read(ref _attempts), cancellationToken);
        return keys.Keys.GetValueOrDefault(keyId);
    }

    private async Task<SigningKeySet> RefreshAsync(long attemptsSeen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another request fetched (or failed to) while this one waited: use its outcome.
            if (Interlocked.Read(ref _attempts) == attemptsSeen)
            {
                Interlocked.Increment(ref _attempts);
                _lastAttempt = clock.GetUtcNow();
                try
                {
                    _keys = await FetchAsync(cancellationToken);
                    logger.LogInformation("Loaded {Count} signing keys from {MetadataUrl}", _keys.Keys.Count, metadataUrl);
                }
                catch (Exception ex) when (IsFetchFailure(ex, cancellationToken))
                {
                    logger.LogWarning(ex, "Could not load signing keys from {MetadataUrl}; {Fallback}", metadataUrl,
                        _keys is null ? "tokens are rejected until it answers" : "keeping the keys loaded before");
                }
            }
            return _keys ?? throw new SigningKeysUnavailableException($"No signing keys could be loaded from {metadataUrl}.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.MetadataTimeout);
        var http = httpClients.CreateClient(BotHttpClients.OpenIdMetadata);

        using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl, timeout.Token));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;
        if (!Uri.TryCreate(new Uri(metadataUrl), jwksUri, out var jwks))
        {
            throw new InvalidDataException($"The OpenID metadata at {metadataUrl} has no usable jwks_uri.");
        }
        var keys = SigningKeySet.Parse(await http.GetStringAsync(jwks, timeout.Token), clock.GetUtcNow());
        return keys.Keys.Count > 0 ? keys : throw new InvalidDataException($"{jwks} lists no RSA signing keys.");
    }

    // Anything the network or a broken document can throw; a cancelled request is not a fetch failure.
    private static bool IsFetchFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or JsonException or InvalidDataException or ArgumentException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
