using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SelfServiceBot.Benchmarks;

/// <summary>The product as it runs for real: its own process, Release build, a fresh SQLite file, local mode.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private AppProcess(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the app has used so far (all its threads): unlike wall time, hardly skewed by other work on the machine.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<AppProcess> StartAsync(BenchOptions options, bool echoBot = false)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var data = Path.Combine(Path.GetTempPath(), "ssb-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var info = new ProcessStartInfo("dotnet", [options.WebDll])
        {
            WorkingDirectory = Path.GetDirectoryName(options.WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__SelfServiceBot"] = $"Data Source={Path.Combine(data, "bot.db")}";
        info.Environment["Diagnostics__EchoEndpoint"] = "true";
        info.Environment["Diagnostics__EchoBot"] = echoBot ? "true" : "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every simulated customer comes from this one address, hundreds of conversations a second: the per-address and
        // per-conversation rate limits (docs/direct-line.md, "Limits") would measure the limiter, not the bot.
        info.Environment["DirectLine__Limits__StartsPerAddress"] = "0";
        info.Environment["DirectLine__Limits__PostsPerConversation"] = "0";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync($"{baseUrl}/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new AppProcess(process, baseUrl, data);
                }
            }
            catch (HttpRequestException) { }
            if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode}");
            await Task.Delay(100);
        }
        throw new TimeoutException("the app did not become healthy in 60 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>How many methods the app's JIT has compiled so far (tiered recompilations included).</summary>
    public async Task<long> CompiledMethodsAsync()
    {
        using var response = await Questions.Http.GetAsync($"{BaseUrl}/api/echo/jit");
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("compiledMethods").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
