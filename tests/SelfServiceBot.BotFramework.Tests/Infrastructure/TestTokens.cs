using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>Mints the tokens a channel, the Emulator or an attacker would send.</summary>
public static class TestTokens
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    public static string Channel(TestSigningKey key, string audience, string? serviceUrl, string issuer = ChannelIssuer,
        DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        return Create(key, issuer, audience, claims, expires);
    }

    /// <summary>A v1.0 (appid, sts.windows.net issuer) or v2.0 (azp, login.microsoftonline.com issuer) AAD token.</summary>
    public static string Emulator(TestSigningKey key, string appId, string version = "1.0", string tenant = EmulatorTenant)
    {
        var v1 = version == "1.0";
        var issuer = v1 ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0";
        var claims = new Dictionary<string, object> { ["ver"] = version, [v1 ? "appid" : "azp"] = appId };
        return Create(key, issuer, audience: appId, claims, expires: null);
    }

    /// <summary>An unsigned token ("alg":"none") naming a real key id.</summary>
    public static string Unsigned(string keyId, string audience, string serviceUrl)
    {
        var header = Json($$"""{"alg":"none","typ":"JWT","kid":"{{keyId}}"}""");
        var payload = Json(Payload(audience, serviceUrl));
        return $"{header}.{payload}.";
    }

    /// <summary>An HS256 token whose secret is the text of the public key id: the "algorithm confusion" attack.</summary>
    public static string SymmetricallySigned(string keyId, string audience, string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(keyId.PadRight(64, 'x'))) { KeyId = keyId };
        var descriptor = Descriptor(ChannelIssuer, audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, null);
        descriptor.SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Create(TestSigningKey key, string issuer, string audience, Dictionary<string, object> claims, DateTime? expires)
    {
        var descriptor = Descriptor(issuer, audience, claims, expires);
        descriptor.SigningCredentials = key.Credentials;
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static SecurityTokenDescriptor Descriptor(string issuer, string audience, Dictionary<string, object> claims, DateTime? expires)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            Subject = new ClaimsIdentity(),
        };
    }

    private static string Payload(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$"""{"iss":"{{ChannelIssuer}}","aud":"{{audience}}","serviceurl":"{{serviceUrl}}","nbf":{{now - 60}},"exp":{{now + 1800}}}""";
    }

    private static string Json(string json) => Base64UrlEncoder.Encode(json);
}
