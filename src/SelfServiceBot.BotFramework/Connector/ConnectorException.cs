using System.Net;

namespace SelfServiceBot.BotFramework.Connector;

/// <summary>A Bot Connector call failed (after retries), or was refused before sending because the serviceUrl is not trusted.</summary>
public sealed class ConnectorException(string message, HttpStatusCode? statusCode = null, string? errorCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The connector's HTTP status; null when nothing was sent.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>error.code from the body, e.g. Teams' "MessageWritesBlocked".</summary>
    public string? ErrorCode { get; } = errorCode;
}
