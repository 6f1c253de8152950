using System.Diagnostics;
using System.Text.Json.Nodes;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>
/// The unmodified npm Direct Line client (botframework-directlinejs 0.15.5, what Web Chat uses)
/// against the running app, in Node: tests/directline-node/talk.js, installed by scripts/install-test-deps.sh.
/// </summary>
public class DirectLineNodeClientTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task The_npm_Direct_Line_client_starts_a_conversation_sends_a_message_and_receives_the_reply(string mode)
    {
        using var app = new AppServer();
        var folder = Path.Combine(RepositoryFolder.Root, "tests", "directline-node");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "botframework-directlinejs")),
            $"npm packages missing in {folder}: run scripts/install-test-deps.sh (or npm ci there).");

        var (exitCode, output, errors) = await RunNodeAsync(folder, "talk.js", $"{app.BaseAddress.ToString().TrimEnd('/')}/v3/directline", mode, "How do I track my order?");

        Assert.True(exitCode == 0, $"node exited {exitCode}: {errors}\n{output}");
        var line = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        var result = JsonNode.Parse(line["RESULT ".Length..])!;
        Assert.Equal(mode == "websocket", (bool)result["webSocket"]!);
        Assert.Equal("How do I track my order?", (string?)result["echo"]!["text"]);
        Assert.Equal("node-1", (string?)result["echo"]!["channelData"]!["clientActivityID"]);
        Assert.Equal((string?)result["postedId"], (string?)result["reply"]!["replyToId"]);
        Assert.Equal("bot", (string?)result["reply"]!["from"]!["role"]);
        // The answer and its question in one activity, as Web Chat gets it through this client.
        var reply = result["reply"]!;
        Assert.Contains("track your order", (string?)reply["text"]);
        Assert.Equal("Did this answer your question?", (string?)reply["attachments"]![0]!["content"]);
        Assert.Equal(["Yes", "No"], reply["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["title"]));
    }

    [Fact]
    public async Task After_its_socket_drops_the_npm_client_reconnects_with_a_fresh_stream_url_and_keeps_talking()
    {
        using var app = new AppServer();
        var folder = Path.Combine(RepositoryFolder.Root, "tests", "directline-node");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "botframework-directlinejs")),
            $"npm packages missing in {folder}: run scripts/install-test-deps.sh (or npm ci there).");

        var (exitCode, output, errors) = await RunNodeAsync(folder, "talk.js", $"{app.BaseAddress.ToString().TrimEnd('/')}/v3/directline", "reconnect", "How do I track my order?");

        Assert.True(exitCode == 0, $"node exited {exitCode}: {errors}\n{output}");
        var result = JsonNode.Parse(output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..])!;
        Assert.Equal("How do I reset my password?", (string?)result["echo"]!["text"]);
        Assert.Equal((string?)result["postedId"], (string?)result["reply"]!["replyToId"]);
        var urls = result["socketUrls"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal(2, urls.Count);
        Assert.NotEqual(urls[0], urls[1]);
        // The bearer token the client holds never travelled in a socket URL (proxies log URLs).
        Assert.All(urls, url => Assert.DoesNotContain((string)result["token"]!, url));
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunNodeAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await errors);
    }
}
