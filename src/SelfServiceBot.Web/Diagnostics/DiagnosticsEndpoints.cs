using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.Web.Diagnostics;

/// <summary>
/// Baselines for the turn benchmark, all off by default: <c>Diagnostics:EchoEndpoint=true</c> maps
/// <c>POST /api/echo</c>, which returns what it is sent (bare HTTP on the same server), and
/// <c>GET /api/echo/jit</c>, how many methods the JIT has compiled so far (the benchmark warms up until it stops);
/// <c>Diagnostics:EchoBot=true</c> replaces the bot with <see cref="EchoBot"/>.
/// </summary>
public static class DiagnosticsEndpoints
{
    public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Diagnostics:EchoBot"))
        {
            // Replaces AddConversation's bot, so the host adds this after it.
            builder.Services.Replace(ServiceDescriptor.Singleton<IBot, EchoBot>());
        }
        return builder;
    }

    public static void MapEchoEndpoint(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Diagnostics:EchoEndpoint"))
        {
            return;
        }
        app.MapPost("/api/echo", async (HttpRequest request, HttpResponse response) =>
        {
            response.ContentType = request.ContentType ?? "application/json";
            await request.Body.CopyToAsync(response.Body);
        });
        // Tiered compilation keeps recompiling hot methods for a while after start: measured before it settles, a turn
        // costs more than it will for the rest of the process's life.
        app.MapGet("/api/echo/jit", () => Results.Json(new { compiledMethods = System.Runtime.JitInfo.GetCompiledMethodCount() }));
    }
}
