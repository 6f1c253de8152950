using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SelfServiceBot.Web.Health;

/// <summary>
/// {"status":"Unhealthy","checks":{"database":{"status":"Healthy","durationMs":3},"knowledge":{...}}}. Descriptions only:
/// exception messages can name hosts and users, and the probes need no sign-in.
/// </summary>
internal static class HealthJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var checks = report.Entries.ToDictionary(e => e.Key, e => new CheckJson(
            e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)));
        var body = new ReportJson(report.Status.ToString(), Math.Round(report.TotalDuration.TotalMilliseconds, 1), checks);
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Options, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record ReportJson(string Status, double DurationMs, IReadOnlyDictionary<string, CheckJson> Checks);

    private sealed record CheckJson(string Status, string? Description, double DurationMs);
}
