using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.BotFramework.Tests.Pipeline;

public class TurnShutdownTests
{
    [Fact]
    public void Turns_are_not_cancelled_when_the_host_starts_stopping_only_when_most_of_the_shutdown_timeout_has_passed()
    {
        var clock = new FakeTimeProvider();
        var lifetime = new Lifetime();
        var timeout = TimeSpan.FromSeconds(30);
        using var shutdown = new TurnShutdown(lifetime, Options.Create(new HostOptions { ShutdownTimeout = timeout }), clock);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(shutdown.Token.IsCancellationRequested);
        lifetime.StopApplication();
        Assert.False(shutdown.Token.IsCancellationRequested);
        clock.Advance(timeout * TurnShutdown.GraceShare - TimeSpan.FromMilliseconds(1));
        Assert.False(shutdown.Token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(shutdown.Token.IsCancellationRequested);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
