using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Conversations;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>
/// Decides which serviceUrls may receive the bot's token: those that arrived in an authenticated activity
/// (this instance's memory, else any saved conversation reference, which other instances wrote), and only on
/// allowed hosts. Also records conversation references, skipping the write when nothing changed.
/// </summary>
public sealed class TrustedServiceUrls(
    IConversationReferenceStore references, IOptions<BotEndpointOptions> endpoints, ILogger<TrustedServiceUrls> logger)
{
    // Memory is only a cache of what the store holds; the cap keeps a long-running instance bounded.
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, bool> _trusted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _saved = new(StringComparer.Ordinal);

    public bool IsHostAllowed(Uri serviceUrl) => ServiceUrls.IsHostAllowed(serviceUrl, endpoints.Value.AllowedServiceUrlHosts);

    /// <summary>
    /// Where local mode (no app id, nothing authenticated) may send replies: the allow-list when one is set,
    /// else only this machine (the Emulator, tests). Otherwise anyone reaching /api/messages could make the
    /// bot POST to any address they name.
    /// </summary>
    public bool IsLocalModeTargetAllowed(Uri serviceUrl) =>
        endpoints.Value.AllowedServiceUrlHosts.Count > 0 ? IsHostAllowed(serviceUrl) : serviceUrl.IsLoopback;

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var normalized = ServiceUrls.Normalize(serviceUrl);
        if (normalized is null || !IsHostAllowed(new Uri(normalized)))
        {
            return false;
        }
        if (_trusted.ContainsKey(normalized))
        {
            return true;
        }
        if (!await references.IsKnownServiceUrlAsync(normalized, cancellationToken))
        {
            return false;
        }
        Remember(_trusted, normalized, true);
        return true;
    }

    /// <summary>Called after the activity's token was validated: its serviceUrl is trusted and its reference saved.</summary>
    public async Task RecordAuthenticatedAsync(Activity activity, CancellationToken cancellationToken)
    {
        var normalized = ServiceUrls.Normalize(activity.ServiceUrl);
        if (normalized is null || string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return;
        }
        if (!IsHostAllowed(new Uri(normalized)))
        {
            logger.LogWarning("serviceUrl host of {ServiceUrl} is not in BotFramework:AllowedServiceUrlHosts; replies will fail", normalized);
            return;
        }
        Remember(_trusted, normalized, true);

        var reference = activity.GetConversationReference();
        var key = new ConversationKey(activity.ChannelId, activity.Conversation.Id).ToString();
        var fingerprint = $"{normalized}|{reference.User?.Id}|{reference.Bot?.Id}|{reference.Locale}";
        if (_saved.TryGetValue(key, out var saved) && saved == fingerprint)
        {
            return;
        }
        await references.SaveAsync(reference, cancellationToken);
        Remember(_saved, key, fingerprint);
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string key, T value)
    {
        if (cache.Count >= MaxRemembered)
        {
            cache.Clear();
        }
        cache[key] = value;
    }
}
