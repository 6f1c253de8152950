using System.Net;
using System.Net.Sockets;

namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on now, for a process a test starts itself (redis-server, the product).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
