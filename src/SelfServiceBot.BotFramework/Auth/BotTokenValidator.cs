using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>
/// Checks the bearer token of a POST /api/messages as the Bot Connector service expects a bot to:
/// channel tokens (issuer api.botframework.com, key endorsed for the activity's channel, serviceurl claim equal to
/// the activity's) and Emulator tokens (AAD issuers, appid/azp = our app id). RS256 only, 5 minutes clock skew (lifetimes are checked against the system clock).
/// Every failure, including unreachable key endpoints, is a rejection, never an exception.
/// </summary>
public sealed class BotTokenValidator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotAuthOptions _auth;
    private readonly bool _allowEmulator;
    private readonly IReadOnlySet<string> _emulatorIssuers;
    private readonly OpenIdKeyCache _channelKeys;
    private readonly OpenIdKeyCache _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(
        IOptions<BotAuthOptions> auth, IOptions<BotEndpointOptions> endpoints, IHttpClientFactory httpClients,
        TimeProvider clock, ILogger<BotTokenValidator> logger)
    {
        _auth = auth.Value;
        _emulatorIssuers = BotTokenIssuers.Emulator(_auth);
        var e = endpoints.Value;
        _allowEmulator = e.AllowEmulatorTokens;
        _channelKeys = new OpenIdKeyCache(e.ChannelOpenIdMetadataUrl, httpClients, e, clock, logger);
        _emulatorKeys = new OpenIdKeyCache(e.EmulatorOpenIdMetadataUrl, httpClients, e, clock, logger);
    }

    public async Task<BotAuthResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (_auth.IsLocalMode)
        {
            return BotAuthResult.LocalMode;
        }
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail("no bearer token");
        }
        var token = authorization["Bearer ".Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return BotAuthResult.Fail("malformed token");
        }
        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return BotAuthResult.Fail("token names no signing key");
        }

        var fromEmulator = _emulatorIssuers.Contains(unverified.Issuer);
        if (fromEmulator && EmulatorRefusal(activity) is { } refusal)
        {
            return BotAuthResult.Fail(refusal);
        }
        var keys = fromEmulator ? _emulatorKeys : _channelKeys;
        SigningKey? key;
        try
        {
            key = await keys.FindAsync(unverified.Kid, cancellationToken);
        }
        catch (SigningKeysUnavailableException ex)
        {
            return BotAuthResult.Fail(ex.Message);
        }
        if (key is null)
        {
            return BotAuthResult.Fail($"unknown signing key {unverified.Kid} for {keys.MetadataUrl}");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(key, fromEmulator));
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return BotAuthResult.Fail($"invalid token: {result.Exception?.GetType().Name}");
        }
        var failure = fromEmulator ? CheckEmulatorClaims(jwt) : CheckChannelClaims(jwt, key, activity);
        return failure is not null
            ? BotAuthResult.Fail(failure)
            : new BotAuthResult { Succeeded = true, Identity = result.ClaimsIdentity, FromEmulator = fromEmulator };
    }

    private TokenValidationParameters Parameters(SigningKey key, bool fromEmulator) => new()
    {
        ValidIssuers = fromEmulator ? _emulatorIssuers : [BotTokenIssuers.Channel],
        // Emulator tokens are checked by appid/azp instead, as in the SDK.
        ValidateAudience = !fromEmulator,
        ValidAudience = _auth.AppId,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
    };

    private static string? CheckChannelClaims(JsonWebToken jwt, SigningKey key, Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || !key.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return $"signing key {key.KeyId} is not endorsed for channel '{activity.ChannelId}'";
        }
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
        {
            return "token has no serviceurl claim";
        }
        return string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : "serviceurl claim does not match the activity's serviceUrl";
    }

    // An Emulator token says which app it is for, not where replies go: a serviceUrl it brings can only be this machine,
    // or anyone holding such a token could make the bot send its Bot Connector token to a host of their choosing.
    private string? EmulatorRefusal(Activity activity)
    {
        if (!_allowEmulator)
        {
            return "Emulator tokens are turned off (BotFramework:AllowEmulatorTokens=false)";
        }
        return ServiceUrls.Normalize(activity.ServiceUrl) is { } url && new Uri(url).IsLoopback
            ? null
            : "an Emulator token may only come with a loopback serviceUrl";
    }

    private string? CheckEmulatorClaims(JsonWebToken jwt)
    {
        jwt.TryGetPayloadValue<string>("ver", out var version);
        var claim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (claim is null)
        {
            return $"emulator token has unknown version '{version}'";
        }
        return jwt.TryGetPayloadValue<string>(claim, out var appId) && string.Equals(appId, _auth.AppId, StringComparison.Ordinal)
            ? null
            : $"emulator token's {claim} is not this bot's app id";
    }
}
