using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Who a token was issued for: one conversation and one user. <paramref name="FirstIssuedAt"/> is when the first token of
/// that line of refreshes was issued (null for a new one); refreshes carry it on, so no token outlives
/// <see cref="DirectLineOptions.MaxTokenAge"/> after it.
/// </summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, string? UserName, DateTimeOffset? FirstIssuedAt = null);

public sealed record DirectLineIssuedToken(string Token, int ExpiresIn);

/// <summary>
/// Issues and checks the HS256 JWTs clients send as <c>Authorization: Bearer</c>, and the short-lived stream tokens of
/// streamUrls (claim <c>scope</c> = <c>stream</c>: they open that conversation's socket and nothing else, and the bearer
/// token does not open sockets through the URL). Every instance sharing the database signs with the same key, so a token
/// from one is accepted by all. Web Chat reads the <c>user</c> claim as its user id.
/// </summary>
public sealed class DirectLineTokens(IDirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Issuer = "SelfServiceBot.DirectLine";
    private const string SigningKeyName = "DirectLine:TokenSigningKey";
    private const string FirstIssuedClaim = "first";
    private const string ScopeClaim = "scope";
    private const string StreamScope = "stream";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private SymmetricSecurityKey? _key;

    /// <summary>A bearer token valid for <see cref="DirectLineOptions.TokenLifetime"/>; null once the line of refreshes reached <see cref="DirectLineOptions.MaxTokenAge"/>.</summary>
    public Task<DirectLineIssuedToken?> IssueAsync(DirectLineTokenClaims claims, CancellationToken cancellationToken) =>
        IssueAsync(claims, options.Value.TokenLifetime, scope: null, cancellationToken);

    /// <summary>A token for a streamUrl's <c>t</c> query: opens that conversation's socket, for <see cref="DirectLineOptions.StreamTokenLifetime"/>.</summary>
    public Task<DirectLineIssuedToken?> IssueStreamTokenAsync(DirectLineTokenClaims claims, CancellationToken cancellationToken) =>
        IssueAsync(claims, options.Value.StreamTokenLifetime, StreamScope, cancellationToken);

    private async Task<DirectLineIssuedToken?> IssueAsync(DirectLineTokenClaims claims, TimeSpan lifetime, string? scope, CancellationToken cancellationToken)
    {
        // JWT times are whole seconds: round now down, so a token never claims to be issued after it was.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var first = claims.FirstIssuedAt ?? now;
        // A stream token lives minutes and opens one socket: bounding it too could leave a reconnect with none.
        var expires = scope is null ? Min(now + lifetime, first + options.Value.MaxTokenAge) : now + lifetime;
        if (expires <= now)
        {
            return null;
        }
        var values = new Dictionary<string, object>
        {
            ["conv"] = claims.ConversationId, ["user"] = claims.UserId, [FirstIssuedClaim] = first.ToUnixTimeSeconds(),
        };
        if (!string.IsNullOrEmpty(claims.UserName))
        {
            values["name"] = claims.UserName;
        }
        if (scope is not null)
        {
            values[ScopeClaim] = scope;
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = values,
            SigningCredentials = new SigningCredentials(await KeyAsync(cancellationToken), SecurityAlgorithms.HmacSha256),
        });
        return new DirectLineIssuedToken(token, (int)Math.Ceiling((expires - now).TotalSeconds));
    }

    /// <summary>A bearer token's claims, or null when it is malformed, forged, expired or a stream token.</summary>
    public Task<DirectLineTokenClaims?> ValidateAsync(string token, CancellationToken cancellationToken) =>
        ValidateAsync(token, scope: null, cancellationToken);

    /// <summary>A stream token's claims, or null when it is malformed, forged, expired or not a stream token.</summary>
    public Task<DirectLineTokenClaims?> ValidateStreamAsync(string token, CancellationToken cancellationToken) =>
        ValidateAsync(token, StreamScope, cancellationToken);

    private async Task<DirectLineTokenClaims?> ValidateAsync(string token, string? scope, CancellationToken cancellationToken)
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
            || !result.Claims.TryGetValue("user", out var user) || user is not string userId
            || (result.Claims.TryGetValue(ScopeClaim, out var s) ? s as string : null) != scope)
        {
            return null;
        }
        var name = result.Claims.TryGetValue("name", out var n) ? n as string : null;
        // Tokens from before the bound carry no first-issued time: their line starts now.
        DateTimeOffset? first = result.Claims.TryGetValue(FirstIssuedClaim, out var f) && f is long or int
            ? DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture)) : null;
        return new DirectLineTokenClaims(conversationId, userId, name, first);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

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
