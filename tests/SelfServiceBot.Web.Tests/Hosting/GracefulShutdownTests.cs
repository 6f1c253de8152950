using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Hosting;

/// <summary>
/// SIGTERM (a deploy, a scale-in, docker stop) while turns are in flight: the real app, as a process, must stop taking
/// requests, finish and store every turn it began, and exit 0 in time. Before, Direct Line turns ran under
/// ApplicationStopping and were cut off the moment the signal came: the customer's message was stored, its answer never.
/// </summary>
public class GracefulShutdownTests
{
    private const int Messages = 40;

    [Fact]
    public async Task On_sigterm_every_turn_in_flight_finishes_and_is_stored_and_the_process_exits_0()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ssb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "bot.db");
        try
        {
            using var app = ProductProcess.Start(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__SelfServiceBot"] = $"Data Source={database}",
                ["Hosting__ShutdownTimeoutSeconds"] = "30",
            }, folder);
            Assert.True(await app.WaitHealthyAsync(TimeSpan.FromSeconds(90)), app.Output);
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseAddress, "v3/directline/"), Timeout = TimeSpan.FromSeconds(60) };
            var (conversation, token) = await StartConversationAsync(http);

            // One conversation's turns run one at a time, so most of these wait in the server while the first runs.
            var posts = Enumerable.Range(1, Messages).Select(i => PostAsync(http, conversation, token, $"How do I track my order? ({i})")).ToList();
            await Task.WhenAny(posts);
            var answeredBeforeSignal = posts.Count(p => p.IsCompleted);
            app.Terminate();
            var results = await Task.WhenAll(posts);
            await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

            Assert.True(app.ExitCode == 0, $"exit code {app.ExitCode}:\n{app.Output}");
            var log = ReadLog(database, conversation);
            var stored = log.Where(a => (string?)a["from"]?["role"] == "user" && (string?)a["type"] == "message").Select(a => (string)a["id"]!).ToList();
            var answered = log.Where(a => (string?)a["from"]?["role"] == "bot").Select(a => (string?)a["replyToId"]).ToHashSet();
            // The signal came while turns were still waiting or running, or the test showed nothing.
            Assert.True(stored.Count > answeredBeforeSignal, $"{stored.Count} messages stored, {answeredBeforeSignal} answered before SIGTERM");
            // Every post the server acknowledged is stored; every message it stored (a turn it began) got its answer.
            Assert.All(results.Where(r => r.Status == HttpStatusCode.OK), r => Assert.Contains(r.Id, stored));
            Assert.All(stored, id => Assert.True(answered.Contains(id), $"message {id} was stored but never answered:\n{app.Output}"));
            Assert.Equal(stored.Count, results.Count(r => r.Status == HttpStatusCode.OK));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(string Conversation, string Token)> StartConversationAsync(HttpClient http)
    {
        using var response = await http.PostAsync("conversations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)started["conversationId"]!, (string)started["token"]!);
    }

    /// <summary>The post's status and, when acknowledged, the id the server gave the message; a refused connection is no acknowledgement.</summary>
    private static async Task<(HttpStatusCode? Status, string? Id)> PostAsync(HttpClient http, string conversation, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversation}/activities")
        {
            Content = new StringContent(new JsonObject
            {
                ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = "customer" },
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.IsSuccessStatusCode ? (string?)JsonNode.Parse(body)!["id"] : null);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }
    }

    private static List<JsonObject> ReadLog(string database, string conversation)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Json FROM DirectLineActivities WHERE ConversationId = $c ORDER BY Sequence";
        command.Parameters.AddWithValue("$c", conversation);
        using var reader = command.ExecuteReader();
        var log = new List<JsonObject>();
        while (reader.Read())
        {
            log.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
        }
        return log;
    }
}
