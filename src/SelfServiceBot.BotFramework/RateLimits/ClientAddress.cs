using System.Net;
using Microsoft.AspNetCore.Http;

namespace SelfServiceBot.BotFramework.RateLimits;

/// <summary>Who "one client" is for a per-address limit.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The caller's address as a partition key: IPv4 as is, IPv6 by its /64 (one subscriber gets a whole /64, so a
    /// per-address limit on single IPv6 addresses limits nothing). Behind a proxy this is the forwarded address only when
    /// forwarded headers are on (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true); otherwise every client is the proxy.
    /// </summary>
    public static string PartitionKey(HttpContext context)
    {
        if (Of(context) is not { } address)
        {
            return "unknown";
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>True when the caller is on this machine (behind a proxy: the forwarded address, so the proxy is not).</summary>
    public static bool IsThisMachine(HttpContext context) => Of(context) is { } address && IPAddress.IsLoopback(address);

    /// <summary>The caller's address, an IPv4-mapped IPv6 one as the IPv4 address it is.</summary>
    private static IPAddress? Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
}
