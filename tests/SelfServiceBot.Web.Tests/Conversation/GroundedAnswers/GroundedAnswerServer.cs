using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Conversation.GroundedAnswers;

/// <summary>The app with the sample knowledge base and an OpenAI-compatible model: the local chat stub over real HTTP.</summary>
internal static class GroundedAnswerServer
{
    public const string Model = "support-chat";

    /// <summary>What the sample knowledge base answers "How do I track my order?" with, as today.</summary>
    public const string TrackOrderArticle = "track-order";
    public const string TrackOrderTitle = "How do I track my order?";
    public const string TrackOrderAnswerText = "You can track your order at any time";

    public static AppServer Start(ChatCompletionsStub stub, int timeoutSeconds = 8, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AI:Chat:Provider"] = "OpenAICompatible",
            ["AI:Chat:Endpoint"] = stub.Address + "/v1",
            ["AI:Chat:Model"] = Model,
            ["AI:Chat:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new AppServer(settings);
    }

    public static async Task<List<ConversationEventRecord>> EventsAsync(AppServer app, string conversationId, string type)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return await db.ConversationEvents.Where(e => e.ConversationId == conversationId && e.Type == type).OrderBy(e => e.Id).ToListAsync();
    }

    public static JsonElement DataOf(ConversationEventRecord record) => JsonDocument.Parse(record.DataJson ?? "{}").RootElement;
}
