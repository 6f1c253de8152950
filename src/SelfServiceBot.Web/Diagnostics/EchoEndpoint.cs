namespace SelfServiceBot.Web.Diagnostics;

/// <summary>
/// A trivial endpoint that returns what it is sent: the baseline the turn benchmark compares
/// /api/messages and Direct Line against (same server, same run). Off unless
/// <c>Diagnostics:EchoEndpoint=true</c>.
/// </summary>
public static class EchoEndpoint
{
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
