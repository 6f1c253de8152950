using Microsoft.AspNetCore.DataProtection;

namespace SelfServiceBot.Web.SignIn.KeyProtection;

/// <summary>
/// Encrypts the data-protection keys at rest with a certificate when <c>DataProtection:Certificate</c> is set
/// (ProtectKeysWithCertificate, from configuration). The files are loaded as the app is composed: a missing file, a wrong
/// password or a certificate without its private key stops the start with a sentence saying so, not the first sign-in.
/// Keys stored before (unencrypted, or under a certificate listed in <c>PreviousCertificates</c>) still decrypt.
/// </summary>
internal static class KeyProtectionExtensions
{
    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        var current = options.Certificate is { Path.Length: > 0 } file ? KeyProtectionCertificates.Load(file, "DataProtection:Certificate") : null;
        var previous = options.PreviousCertificates.Select((p, i) => KeyProtectionCertificates.Load(p, $"DataProtection:PreviousCertificates:{i}")).ToList();
        if (current is not null)
        {
            builder.ProtectKeysWithCertificate(current);
        }
        if (previous.Count > 0)
        {
            builder.UnprotectKeysWithAnyCertificate([.. previous]);
        }
        builder.Services.AddHostedService(sp => new KeyProtectionStartupLog(
            current, sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<KeyProtectionStartupLog>>()));
        return builder;
    }
}
