using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>The data-protection keys (they encrypt staff cookies) encrypted in the database with a configured certificate.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "Correct-horse-9";
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-key-protection-").FullName;

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_only_an_instance_with_it_accepts_the_cookies()
    {
        var certificate = Certificate("current", "pfx-password");
        using var first = new AppServer(Settings(certificate, "pfx-password"));
        var database = Database(first);
        using var onFirst = await SignedInAsync(first);

        var keys = await StoredKeysAsync(first);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<EncryptedData", xml));
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml));

        using (var sameCertificate = new AppServer(Settings(certificate, "pfx-password").Concat(database).ToDictionary()))
        {
            Assert.Equal(HttpStatusCode.OK, (await WithCookiesOf(onFirst, first, sameCertificate).GetAsync("/staff")).StatusCode);
        }
        // Without the certificate the stored key does not decrypt, so the cookie is not accepted: the key really was encrypted.
        using var withoutCertificate = new AppServer(database);
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookiesOf(onFirst, first, withoutCertificate).GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task After_a_new_certificate_replaces_the_old_one_keys_of_the_old_one_still_decrypt_when_it_is_listed_as_previous()
    {
        var old = Certificate("old", "old-password");
        var replacement = Certificate("new", "new-password");
        using var before = new AppServer(Settings(old, "old-password"));
        using var signedIn = await SignedInAsync(before);
        var after = new Dictionary<string, string?>(Settings(replacement, "new-password"))
        {
            ["DataProtection:PreviousCertificates:0:Path"] = old,
            ["DataProtection:PreviousCertificates:0:Password"] = "old-password",
        };

        using (var rotated = new AppServer(after.Concat(Database(before)).ToDictionary()))
        {
            Assert.Equal(HttpStatusCode.OK, (await WithCookiesOf(signedIn, before, rotated).GetAsync("/staff")).StatusCode);
        }
        using var oldOneForgotten = new AppServer(Settings(replacement, "new-password").Concat(Database(before)).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookiesOf(signedIn, before, oldOneForgotten).GetAsync("/staff")).StatusCode);
    }

    [Theory]
    [InlineData("missing", "pfx-password", "DataProtection:Certificate:Path: no file at")]
    [InlineData("current", "wrong-password", "is not a PKCS#12 (.pfx) file that this password opens")]
    [InlineData("public-only", null, "has no RSA private key")]
    public void A_certificate_that_cannot_be_used_stops_the_start_with_a_sentence_saying_why(string name, string? password, string message)
    {
        Certificate("current", "pfx-password");
        var path = Path.Combine(_folder, name + ".pfx");
        if (name == "public-only")
        {
            using var withKey = X509CertificateLoader.LoadPkcs12FromFile(Certificate("full", "x"), "x");
            File.WriteAllBytes(path, X509CertificateLoader.LoadCertificate(withKey.RawData).Export(X509ContentType.Pkcs12));
        }

        var error = Record.Exception(() => new AppServer(Settings(path, password)).Dispose());

        Assert.NotNull(error);
        Assert.Contains(message, Flatten(error));
    }

    private static Dictionary<string, string?> Settings(string certificatePath, string? password) => new()
    {
        ["DataProtection:Certificate:Path"] = certificatePath,
        ["DataProtection:Certificate:Password"] = password,
    };

    private static Dictionary<string, string?> Database(AppServer app) => new()
    {
        ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(app.DataDirectory, "bot.db")}",
    };

    private static async Task<StaffClient> SignedInAsync(AppServer app)
    {
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        var client = new StaffClient(app);
        await client.SignInAsync("anna@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
        return client;
    }

    private static StaffClient WithCookiesOf(StaffClient signedIn, AppServer from, AppServer to)
    {
        var client = new StaffClient(to);
        foreach (Cookie cookie in signedIn.Cookies.GetCookies(from.BaseAddress))
        {
            client.Cookies.Add(to.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        }
        return client;
    }

    private static async Task<List<string>> StoredKeysAsync(AppServer app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
    }

    /// <summary>A self-signed RSA certificate with its private key in a .pfx file; returns the path.</summary>
    private string Certificate(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=SelfServiceBot key protection {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
