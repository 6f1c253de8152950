using System.Diagnostics;
using System.Text;

namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>
/// The product as an operator runs it: <c>dotnet SelfServiceBot.Web.dll</c> (copied next to the tests, or a published
/// folder) in a process of its own, on a free loopback port, configured by environment variables. For what an in-process
/// host cannot show: two processes racing at start, SIGTERM, SIGKILL, the exit code.
/// </summary>
internal sealed class ProductProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProductProcess(IReadOnlyDictionary<string, string> environment, string dataDirectory, string? appFolder)
    {
        Port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(appFolder ?? AppContext.BaseDirectory, "SelfServiceBot.Web.dll"));
        if (appFolder is not null)
        {
            // As a container runs it: from its folder, whose appsettings.json is then the content root's.
            start.WorkingDirectory = appFolder;
        }
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        // Each instance its own index folder, as each container has; the database is what they share.
        start.Environment["Knowledge__IndexPath"] = Path.Combine(dataDirectory, $"index-{Port}");
        start.Environment["MicrosoftAppId"] = "";
        // Its own index folder would embed every phrasing again at each start; the encoder is tested in process.
        start.Environment["Knowledge__Embeddings__Provider"] = "None";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        _process = CapturedProcess.Start(start, _output);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote so far (stdout and stderr, interleaved), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="dataDirectory">Where its index folder goes (one per instance).</param>
    /// <param name="appFolder">A published app's folder; null: the build copied next to the tests.</param>
    public static ProductProcess Start(IReadOnlyDictionary<string, string> environment, string dataDirectory, string? appFolder = null) =>
        new(environment, dataDirectory, appFolder);

    /// <summary>Polls /healthz until 200; false when the process exits first or <paramref name="timeout"/> passes.</summary>
    public async Task<bool> WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>What a container runtime sends to stop it (docker stop, a rolling deploy, a scale-in).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed (exit {kill.ExitCode}).");
        }
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>SIGKILL: no shutdown, no flushing, as when a host dies.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>
    /// Open TCP connections to its port (from /proc/net/tcp). A proxy that keeps no idle connections to its upstreams (as
    /// deploy/nginx.conf) leaves, at a quiet moment, the long-lived ones: Direct Line streams and agent consoles.
    /// </summary>
    public int EstablishedConnections()
    {
        const string established = "01";
        var local = $"0100007F:{Port:X4}";
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[1] == local && fields[3] == established);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
