using System.Diagnostics;
using System.Text;

namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>Starts a server process a test runs (the product, redis-server, nginx) with stdout and stderr kept for failure messages.</summary>
internal static class CapturedProcess
{
    /// <param name="output">Receives both streams, interleaved; lock it to read.</param>
    public static Process Start(ProcessStartInfo start, StringBuilder output)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
