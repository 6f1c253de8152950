using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.Tests.Costs;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>The knowledge gaps' draft endpoint over real HTTP: roles, anti-forgery, one draft per open gap, languages.</summary>
public class DraftsApiTests
{
    [Fact]
    public async Task Only_report_roles_with_the_anti_forgery_token_create_a_draft_and_a_second_press_returns_the_same_draft()
    {
        using var app = new AppServer();
        var anonymous = await StaffSessions.ApiClientAsync(app, null);
        var agent = await StaffSessions.ApiClientAsync(app, "Agent");
        var manager = await StaffSessions.ApiClientAsync(app, "Manager");
        var supervisor = await StaffSessions.ApiClientAsync(app, "Supervisor");
        var gap = new { question = "Can I pay with <b>cryptocurrency</b>?", category = "payment" };

        var withoutSignIn = await anonymous.PostAsJsonAsync("/api/kb/drafts/from-gap", gap);
        var asAgent = await agent.GetAsync("/api/kb/drafts/antiforgery");
        var withoutToken = await manager.PostAsJsonAsync("/api/kb/drafts/from-gap", gap);
        var first = await PostGapAsync(manager, gap);
        var second = await PostGapAsync(supervisor, gap);
        var draft = (await app.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync((long)first.Body["id"]!, default))!;

        Assert.Equal(HttpStatusCode.Unauthorized, withoutSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.False((bool)first.Body["canReview"]!);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(((long)first.Body["id"]!, true, true), ((long)second.Body["id"]!, (bool)second.Body["canReview"]!, (bool)second.Body["existing"]!));
        Assert.Equal($"/agent/drafts/{draft.Id}", (string)second.Body["reviewUrl"]!);
        Assert.Equal(("Can I pay with <b>cryptocurrency</b>?", "en", "payment", KnowledgeDraftSources.KnowledgeGap, "manager@example.com", KnowledgeDraftStatus.Draft, ""),
            (draft.Title, draft.Locale, draft.Category, draft.Source, draft.CreatedBy, draft.Status, draft.Answer));
    }

    [Fact]
    public async Task A_Chinese_gap_makes_a_Chinese_draft_and_a_gap_without_a_question_is_refused_with_the_reason()
    {
        using var app = new AppServer();
        var manager = await StaffSessions.ApiClientAsync(app, "Manager");

        var chinese = await PostGapAsync(manager, new { question = "可以用数字货币付款吗？", category = (string?)null });
        var empty = await PostGapAsync(manager, new { question = "  ", category = (string?)"payment" });
        var badCategory = await PostGapAsync(manager, new { question = "Where is my parcel?", category = (string?)"../secrets" });
        var draft = (await app.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync((long)chinese.Body["id"]!, default))!;

        Assert.Equal(("zh-CN", "general"), (draft.Locale, draft.Category));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("Give the article a title.", (string)empty.Body["detail"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.Status);
        Assert.Contains("'../secrets' is not a category name", (string)badCategory.Body["detail"]!);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostGapAsync(HttpClient client, object gap)
    {
        var token = await client.GetFromJsonAsync<JsonObject>("/api/kb/drafts/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kb/drafts/from-gap") { Content = JsonContent.Create(gap) };
        request.Headers.Add((string)token!["headerName"]!, (string)token["token"]!);
        var response = await client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}
