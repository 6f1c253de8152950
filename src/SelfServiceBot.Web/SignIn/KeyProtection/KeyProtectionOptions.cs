namespace SelfServiceBot.Web.SignIn.KeyProtection;

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the data-protection keys (which encrypt sign-in
/// cookies and anti-forgery tokens) where they are stored, in the database. Without one they are stored unencrypted.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Encrypts new keys and decrypts them. A PKCS#12 (.pfx) file with its RSA private key.</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Certificates that encrypted keys before <see cref="Certificate"/> replaced them: they only decrypt.</summary>
    public List<CertificateFile> PreviousCertificates { get; set; } = [];
}

/// <summary>A .pfx file and its password (from a secret store or the environment, never from a file in the repository).</summary>
public sealed class CertificateFile
{
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}
