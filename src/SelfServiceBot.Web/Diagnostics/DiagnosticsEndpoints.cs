using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.Web.Diagnostics;

/// <summary>
/// Baselines for the turn benchmark, all off by default: <c>Diagnostics:EchoEndpoint=true</c> maps
/// <c>POST /api/echo</c>, which returns what it is sent (bare HTTP on the same server);
/// <c>Diagnostics:EchoBot=true</c> replaces the bot with <see cref="EchoBot"/>.
/// </summary>
public static class DiagnosticsEndpoints
{
    public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Diagnostics:EchoBot"))
        {
            builder.Services.AddSingleton<IBot, EchoBot>();
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
    }
}
