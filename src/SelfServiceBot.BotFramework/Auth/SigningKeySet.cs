using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>A signing key with the channels that endorse it (Bot Framework keys list them; AAD keys do not).</summary>
internal sealed record SigningKey(string KeyId, JsonWebKey Key, IReadOnlyList<string> Endorsements);

internal sealed class SigningKeySet(IReadOnlyDictionary<string, SigningKey> keys, DateTimeOffset fetchedAt)
{
    public IReadOnlyDictionary<string, SigningKey> Keys { get; } = keys;

    public DateTimeOffset FetchedAt { get; } = fetchedAt;

    /// <summary>
    /// Reads a JWKS document. Only RSA keys with a kid are kept: tokens must be RS256 and name their key.
    /// The endorsements are read here because JsonWebKey does not model them.
    /// </summary>
    public static SigningKeySet Parse(string jwksJson, DateTimeOffset fetchedAt)
    {
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The JWKS document has no keys array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var element in keys.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || StringProperty(element, "kid") is not { Length: > 0 } kid
                || StringProperty(element, "kty") != "RSA")
            {
                continue;
            }
            var endorsements = element.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
                : [];
            result[kid] = new SigningKey(kid, new JsonWebKey(element.GetRawText()), endorsements);
        }
        return new SigningKeySet(result, fetchedAt);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
