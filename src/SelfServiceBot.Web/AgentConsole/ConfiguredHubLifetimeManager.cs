using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// SignalR's hub lifetime manager, chosen when the hub is first used rather than while the app is being composed: Redis
/// (the backplane, so messages reach consoles on every instance) when <c>Redis:Configuration</c> is set, the in-process
/// one otherwise. Choosing late lets configuration added after composition (a test host's settings, for instance) count,
/// as it does for the database connection.
/// </summary>
internal sealed class ConfiguredHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable where THub : Hub
{
    public const string ConfigurationKey = "Redis:Configuration";

    private readonly HubLifetimeManager<THub> _inner;

    public ConfiguredHubLifetimeManager(IServiceProvider services, IConfiguration configuration)
    {
        _inner = IsRedisConfigured(configuration)
            ? new RedisHubLifetimeManager<THub>(
                services.GetRequiredService<ILogger<RedisHubLifetimeManager<THub>>>(),
                services.GetRequiredService<IOptions<RedisOptions>>(),
                services.GetRequiredService<IHubProtocolResolver>(),
                services.GetRequiredService<IOptions<HubOptions>>(),
                services.GetRequiredService<IOptions<HubOptions<THub>>>())
            : new DefaultHubLifetimeManager<THub>(services.GetRequiredService<ILogger<DefaultHubLifetimeManager<THub>>>());
    }

    public static bool IsRedisConfigured(IConfiguration configuration) => configuration[ConfigurationKey] is { Length: > 0 };

    /// <summary>Redis or in-process, for logs and tests.</summary>
    public string Kind => _inner is RedisHubLifetimeManager<THub> ? "redis" : "in-process";

    public override Task OnConnectedAsync(HubConnectionContext connection) => _inner.OnConnectedAsync(connection);
    public override Task OnDisconnectedAsync(HubConnectionContext connection) => _inner.OnDisconnectedAsync(connection);
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendAllAsync(methodName, args, cancellationToken);
    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        _inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);
    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendGroupAsync(groupName, methodName, args, cancellationToken);
    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendGroupsAsync(groupNames, methodName, args, cancellationToken);
    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        _inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendUserAsync(userId, methodName, args, cancellationToken);
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendUsersAsync(userIds, methodName, args, cancellationToken);
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        _inner.AddToGroupAsync(connectionId, groupName, cancellationToken);
    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        _inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);
    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => _inner.SetConnectionResultAsync(connectionId, result);
    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _inner.TryGetReturnType(invocationId, out type);

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
