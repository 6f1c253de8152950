using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfServiceBot.Deploy.Tests.Infrastructure;

/// <summary>
/// nginx (Debian's, installed by scripts/install-test-deps.sh) running deploy/nginx.conf as shipped: only the upstream's
/// server lines (compose's service name becomes loopback addresses) and the listen port are rewritten. The file is a
/// conf.d snippet, so a minimal main configuration includes it, as the nginx image's does.
/// </summary>
public sealed partial class NginxProxy : IDisposable
{
    private const string Executable = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private NginxProxy(string shippedConfig, IReadOnlyList<int> upstreamPorts)
    {
        Port = LoopbackPort.Free();
        _folder = Path.Combine(Path.GetTempPath(), "ssb-tests", "nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "logs"));
        File.WriteAllText(Path.Combine(_folder, "default.conf"), Rewrite(shippedConfig, upstreamPorts, Port));
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            user root;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log {{_folder}}/logs/access.log;
              client_body_temp_path {{_folder}}/client_body;
              proxy_temp_path {{_folder}}/proxy;
              fastcgi_temp_path {{_folder}}/fastcgi;
              uwsgi_temp_path {{_folder}}/uwsgi;
              scgi_temp_path {{_folder}}/scgi;
              include {{_folder}}/default.conf;
            }
            """);
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }
        _process = CapturedProcess.Start(start, _output);
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<NginxProxy> StartAsync(string shippedConfig, IReadOnlyList<int> upstreamPorts)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run scripts/install-test-deps.sh (apt-get install nginx).");
        }
        var proxy = new NginxProxy(shippedConfig, upstreamPorts);
        try
        {
            await proxy.WaitUntilListeningAsync();
            return proxy;
        }
        catch
        {
            proxy.Dispose();
            throw;
        }
    }

    /// <summary>The shipped file with the upstream's server lines and the listen port replaced; nothing else changes.</summary>
    public static string Rewrite(string shipped, IReadOnlyList<int> upstreamPorts, int listenPort)
    {
        var upstream = UpstreamBlock().Match(shipped);
        if (!upstream.Success)
        {
            throw new InvalidOperationException("deploy/nginx.conf has no 'upstream selfservicebot { ... }' block.");
        }
        var servers = string.Concat(upstreamPorts.Select(p => $"\n  server 127.0.0.1:{p};"));
        var block = ServerLine().Replace(upstream.Value, "");
        block = block.Insert(block.LastIndexOf('}'), servers.TrimStart('\n') + "\n");
        var rewritten = shipped.Replace(upstream.Value, block);
        if (ListenLine().Matches(rewritten).Count != 1)
        {
            throw new InvalidOperationException("deploy/nginx.conf should have exactly one 'listen' line.");
        }
        return ListenLine().Replace(rewritten, $"listen 127.0.0.1:{listenPort};");
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                var errors = Path.Combine(_folder, "logs", "error.log");
                return _output + (File.Exists(errors) ? File.ReadAllText(errors) : "");
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
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

    [GeneratedRegex(@"upstream\s+selfservicebot\s*\{[^}]*\}")]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"^[ \t]*server\s+[^;\n]+;[ \t]*\n?", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"(?<=^[ \t]*)listen\s+[^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex ListenLine();
}
