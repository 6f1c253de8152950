using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SelfServiceBot.BotFramework.Messages;

public static class BotMessagesEndpoint
{
    public const string Path = "/api/messages";

    /// <summary>The Bot Framework messaging endpoint that Azure Bot Service (and the Emulator) posts activities to.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (HttpContext http, BotMessageHandler handler) => handler.HandleAsync(http.Request, http.RequestAborted))
            .DisableAntiforgery()
            .WithName("BotMessages");
}
