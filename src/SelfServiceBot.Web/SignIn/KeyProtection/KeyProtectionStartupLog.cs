using System.Security.Cryptography.X509Certificates;

namespace SelfServiceBot.Web.SignIn.KeyProtection;

/// <summary>Says at start whether the keys that encrypt cookies are encrypted where they are stored.</summary>
internal sealed class KeyProtectionStartupLog(X509Certificate2? certificate, IHostEnvironment environment, ILogger<KeyProtectionStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (certificate is not null)
        {
            logger.LogInformation("Data-protection keys are encrypted with certificate {Thumbprint}, which expires {NotAfter:yyyy-MM-dd}",
                certificate.Thumbprint, certificate.NotAfter);
        }
        else if (!environment.IsDevelopment())
        {
            logger.LogWarning(
                "No DataProtection:Certificate: the keys that encrypt sign-in cookies are stored unencrypted in the database, and whoever " +
                "can read it can forge a staff sign-in. Set DataProtection:Certificate:Path and :Password (docs/sign-in.md).");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
