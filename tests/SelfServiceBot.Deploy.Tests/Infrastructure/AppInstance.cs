using System.Diagnostics;
using System.Text;

namespace SelfServiceBot.Deploy.Tests.Infrastructure;

/// <summary>
/// One instance of the published app as its own process (<c>dotnet SelfServiceBot.Web.dll</c>) on a loopback port,
/// configured only through environment variables, as a container is. Its log is kept for the failure message.
/// </summary>
public sealed class AppInstance : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppInstance(string name, string folder, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        var start = Command(folder, environment);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public bool HasExited => _process.HasExited;

    public string Log
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    public static AppInstance Start(string name, string folder, IReadOnlyDictionary<string, string> environment) =>
        new(name, folder, LoopbackPort.Free(), environment);

    /// <summary>Runs a CLI verb of the same executable with the same settings (e.g. <c>users add</c>).</summary>
    public static async Task<(int Exit, string Output)> RunVerbAsync(string folder, IReadOnlyDictionary<string, string> environment,
        string? standardInput, params string[] args)
    {
        var start = Command(folder, environment, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until <c>/healthz</c> answers 200; fails with the instance's log if it exits or takes too long.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not healthy within {timeout}:\n{Log}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Open TCP connections to this instance's port (from /proc/net/tcp). nginx keeps no idle connections to its upstreams,
    /// so at a quiet moment these are the long-lived ones: Direct Line streams and agent consoles.
    /// </summary>
    public int EstablishedConnections()
    {
        const string established = "01";
        var local = $"0100007F:{Port:X4}";
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[1] == local && fields[3] == established);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when a host dies.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private static ProcessStartInfo Command(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(folder, "SelfServiceBot.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log) { _log.AppendLine(line); }
        }
    }
}
