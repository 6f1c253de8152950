using Microsoft.AspNetCore.SignalR;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// Checks every hub call against the caller's standing now (<see cref="ConsoleAccess"/>), not the roles in the cookie the
/// connection was opened with: a removed, locked-out or signed-out-everywhere user is disconnected at their next call, and
/// a demoted supervisor is treated as an agent. The hub reads the result through <see cref="IsSupervisor"/>.
/// </summary>
internal sealed class AgentHubAccessFilter(ConsoleAccess access, TimeProvider clock, ILogger<AgentHubAccessFilter> logger) : IHubFilter
{
    private const string SupervisorItem = "ssb:supervisor";

    public static bool IsSupervisor(HubCallerContext context) => context.Items.TryGetValue(SupervisorItem, out var value) && value is true;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        await CheckAsync(invocation.Context);
        return await next(invocation);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await CheckAsync(context.Context);
        await next(context);
    }

    private async Task CheckAsync(HubCallerContext context)
    {
        var standing = await access.CheckAsync(context.User!, clock.GetUtcNow(), context.ConnectionAborted);
        if (standing is null)
        {
            logger.LogWarning("Closing the agent console connection of user {UserId}: no longer allowed (role, lockout or sign-out)", context.UserIdentifier);
            context.Abort();
            throw new HubException("Your access to the agent console has ended. Sign in again.");
        }
        context.Items[SupervisorItem] = standing.Supervisor;
    }
}
