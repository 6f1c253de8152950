using System.Diagnostics;
using System.Net;
using System.Text;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Hosting;

/// <summary>The server started from another folder (a service manager's "/") still runs with its own settings.</summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("ssb-elsewhere-").FullName;

    [Fact]
    public async Task A_server_started_from_a_folder_without_settings_reads_the_appsettings_beside_its_executable()
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _elsewhere, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SelfServiceBot.Web.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__SelfServiceBot"] = $"Data Source={Path.Combine(_elsewhere, "bot.db")}";
        start.Environment["Knowledge__IndexPath"] = Path.Combine(_elsewhere, "index");
        start.Environment["Knowledge__Embeddings__Provider"] = "None"; // a fresh index folder would embed every phrasing
        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            var ready = false;
            for (var attempt = 0; attempt < 240 && !ready && !process.HasExited; attempt++)
            {
                try
                {
                    ready = (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }
            Assert.True(ready, $"the server did not become ready:\n{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = output.ToString();
        Assert.Contains($"Content root path: {AppContext.BaseDirectory}", log);
        // appsettings.json turns EF Core's per-command log off; without it every SQL statement is logged.
        Assert.DoesNotContain("Executed DbCommand", log);
        Assert.False(Directory.Exists(Path.Combine(_elsewhere, "data")), "nothing is written relative to the working directory");
    }

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);
}
