using System.Security.Claims;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>The outcome of checking an inbound request's bearer token.</summary>
public sealed record BotAuthResult
{
    public required bool Succeeded { get; init; }

    /// <summary>True when a token was validated; false in local mode, where nothing is checked.</summary>
    public bool IsAuthenticated => Identity is not null;

    /// <summary>Why the request was rejected (for the log, never for the caller).</summary>
    public string? FailureReason { get; init; }

    public ClaimsIdentity? Identity { get; init; }

    /// <summary>The token came from the Bot Framework Emulator (an AAD token for our app), not a channel.</summary>
    public bool FromEmulator { get; init; }

    public static BotAuthResult LocalMode { get; } = new() { Succeeded = true };

    public static BotAuthResult Fail(string reason) => new() { Succeeded = false, FailureReason = reason };
}
