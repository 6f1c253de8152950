using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>Who a token was issued for: one conversation and one user.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, string? UserName);

public sealed record DirectLineIssuedToken(string Token, int ExpiresIn);

/// <summary>
/// Issues and checks the HS256 JWTs clients send as <c>Authorization: Bearer</c>. Every instance
/// sharing the database signs with the same key, so a token from one is accepted by all.
/// Web Chat reads the <c>user</c> claim as its user id.
/// </summary>
public sealed class DirectLineTokens(IDirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Issuer = "SelfServiceBot.DirectLine";
    private const string SigningKeyName = "DirectLine:TokenSigningKey";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private SymmetricSecurityKey? _key;

    public async Task<DirectLineIssuedToken> IssueAsync(DirectLineTokenClaims claims, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.TokenLifetime;
        var values = new Dictionary<string, object> { ["conv"] = claims.ConversationId, ["user"] = claims.UserId };
        if (!string.IsNullOrEmpty(claims.UserName))
        {
            values["name"] = claims.UserName;
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = values,
            SigningCredentials = new SigningCredentials(await KeyAsync(cancellationToken), SecurityAlgorithms.HmacSha256),
        });
        return new DirectLineIssuedToken(token, (int)Math.Ceiling(lifetime.TotalSeconds));
    }

    /// <summary>The token's claims, or null when it is malformed, forged or expired.</summary>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = await KeyAsync(cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            // Checked against the injected clock rather than the wall clock, with no skew: one issuer, one clock.
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > clock.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid
            || !result.Claims.TryGetValue("conv", out var conv) || conv is not string conversationId
            || !result.Claims.TryGetValue("user", out var user) || user is not string userId)
        {
            return null;
        }
        var name = result.Claims.TryGetValue("name", out var n) ? n as string : null;
        return new DirectLineTokenClaims(conversationId, userId, name);
    }

    /// <summary>True when a secret is configured and <paramref name="bearer"/> is it (compared in constant time).</summary>
    public bool IsSecret(string? bearer)
    {
        var secret = options.Value.Secret;
        return !string.IsNullOrEmpty(secret) && bearer is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(secret));
    }

    private async Task<SymmetricSecurityKey> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
        {
            return key;
        }
        await _keyLock.WaitAsync(cancellationToken);
        try
        {
            return _key ??= new SymmetricSecurityKey(await LoadKeyAsync(cancellationToken));
        }
        finally
        {
            _keyLock.Release();
        }
    }

    // With a configured secret every instance derives the same key; without one the first instance
    // generates a key and stores it in the shared database for the others.
    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Secret is { Length: > 0 } secret)
        {
            return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "SelfServiceBot.DirectLine.TokenSigning"u8);
        }
        var stored = await store.GetOrAddAppSecretAsync(SigningKeyName,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        return Convert.FromBase64String(stored);
    }
}
