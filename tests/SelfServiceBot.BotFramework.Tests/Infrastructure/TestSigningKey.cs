using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>An RSA key generated for the test run, published as a JWK by <see cref="OpenIdTestServer"/>.</summary>
public sealed class TestSigningKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string? keyId = null)
    {
        KeyId = keyId ?? "test-" + Guid.NewGuid().ToString("N")[..8];
    }

    public string KeyId { get; }

    public SigningCredentials Credentials => new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    public Dictionary<string, object> ToJwk(params string[] endorsements)
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = endorsements;
        }
        return jwk;
    }
}
