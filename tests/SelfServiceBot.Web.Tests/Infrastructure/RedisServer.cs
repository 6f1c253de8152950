using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>
/// A private redis-server for one test: a free loopback port, its own temporary folder, no persistence, stopped and
/// removed at the end. Without redis-server the test fails with the fix (scripts/install-test-deps.sh), it is never skipped.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
    private readonly Process _process;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssb-tests", "redis-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();

    private RedisServer(int port)
    {
        Port = port;
        Directory.CreateDirectory(_folder);
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--dir", _folder, "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }
        _process = CapturedProcess.Start(start, _output);
    }

    public int Port { get; }

    /// <summary>For <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(LoopbackPort.Free());
        try
        {
            await server.WaitForPongAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static string Executable() =>
        Candidates.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "redis-server is not installed, and this test needs a real Redis for the SignalR backplane: run scripts/install-test-deps.sh " +
            "(or apt-get install redis-server).");

    private async Task WaitForPongAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}: {Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING within 20 s: {Output}");
            }
            await Task.Delay(100);
        }
    }

    private string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
