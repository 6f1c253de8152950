using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SelfServiceBot.Web.SignIn.KeyProtection;

/// <summary>Loads the certificates of <see cref="KeyProtectionOptions"/>, saying in a sentence what is wrong with a setting.</summary>
internal static class KeyProtectionCertificates
{
    public static X509Certificate2 Load(CertificateFile file, string setting)
    {
        if (!File.Exists(file.Path))
        {
            throw new InvalidOperationException($"{setting}:Path: no file at '{file.Path}'.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{setting}: '{file.Path}' is not a PKCS#12 (.pfx) file that this password opens ({e.Message}).", e);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{setting}: '{file.Path}' has no RSA private key; keys are encrypted and decrypted with one.");
        }
        return certificate;
    }
}
