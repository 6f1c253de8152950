using Microsoft.Extensions.Options;

namespace SelfServiceBot.Web.Hosting;

/// <summary>The <c>Hosting</c> section: how the process stops.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// After SIGTERM (a deploy, a scale-in, docker stop), how long the server may take to finish the turns in flight
    /// while it takes no new requests; turns still running at 80% of it are cancelled (TurnShutdown). Keep it below the
    /// orchestrator's own grace period (docker stop: 10 s unless stop_grace_period says more; Kubernetes and Container
    /// Apps: 30 s), or the process is killed first.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}

internal static class GracefulShutdown
{
    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.SectionName)
            .Validate(o => o.ShutdownTimeoutSeconds is > 0 and <= 3600, "Hosting:ShutdownTimeoutSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(hosting.Value.ShutdownTimeoutSeconds));
        return builder;
    }
}
