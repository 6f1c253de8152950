using System.Net;
using System.Text.Json;
using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    // A Teams channel thread id and message id: ':', ';', '@' and '=' must arrive escaped as one path segment each.
    private const string TeamsConversation = "19:abc@thread.tacv2;messageid=1700000000000";
    private const string TeamsActivityId = "1:1xyz";
    private readonly ConnectorHarness _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task A_reply_is_posted_to_the_escaped_reply_path_with_the_bot_token()
    {
        using var services = _h.Services();
        await _h.TrustAsync(services);

        var response = await ConnectorHarness.Client(services).ReplyToActivityAsync(
            _h.Connector.ServiceUrl, TeamsConversation, TeamsActivityId, Activities.Reply(_h.Connector.ServiceUrl, TeamsConversation), default);

        var request = Assert.Single(_h.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1%3A1xyz", request.Path);
        Assert.Equal("Bearer " + Infrastructure.TokenStandIn.AccessToken, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("hi there", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
        Assert.Equal("activity-1", response.Id);
    }

    [Fact]
    public async Task The_token_comes_from_the_botframework_tenant_with_client_credentials_and_is_cached()
    {
        using var services = _h.Services();
        await _h.TrustAsync(services);
        var client = ConnectorHarness.Client(services);

        await client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", new Activity { Type = "message", Text = "one" }, default);
        await client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", new Activity { Type = "message", Text = "two" }, default);

        var token = Assert.Single(_h.Tokens.Requests);
        Assert.Equal("botframework.com", token.Tenant);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
        Assert.Equal(ConnectorHarness.AppId, token.Form["client_id"]);
        Assert.Equal("client-secret", token.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", token.Form["scope"]);
        Assert.Equal(2, _h.Connector.Requests.Count);
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_its_token_from_its_own_tenant()
    {
        using var services = _h.Services(appType: "SingleTenant");
        await _h.TrustAsync(services);

        await ConnectorHarness.Client(services).SendToConversationAsync(_h.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default);

        Assert.Equal(ConnectorHarness.Tenant, Assert.Single(_h.Tokens.Requests).Tenant);
    }

    [Fact]
    public async Task A_throttled_call_is_retried_after_the_retry_after_delay()
    {
        using var services = _h.Services();
        await _h.TrustAsync(services);
        _h.Connector.EnqueueAnswer(429, retryAfter: "0");
        _h.Connector.EnqueueAnswer(503);

        var response = await ConnectorHarness.Client(services).SendToConversationAsync(
            _h.Connector.ServiceUrl, "c1", new Activity { Type = "message", Text = "x" }, default);

        Assert.Equal(3, _h.Connector.Requests.Count);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task A_teams_403_is_not_retried_and_reports_the_error_code()
    {
        using var services = _h.Services();
        await _h.TrustAsync(services);
        _h.Connector.EnqueueAnswer(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => ConnectorHarness.Client(services).SendToConversationAsync(
            _h.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Single(_h.Connector.Requests);
    }

    [Fact]
    public async Task No_token_is_sent_to_a_service_url_that_no_authenticated_activity_named()
    {
        using var services = _h.Services();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => ConnectorHarness.Client(services).SendToConversationAsync(
            _h.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default));

        Assert.Null(error.StatusCode);
        Assert.Empty(_h.Connector.Requests);
        Assert.Empty(_h.Tokens.Requests);
    }

    [Fact]
    public async Task A_service_url_saved_by_another_instance_is_trusted()
    {
        using var services = _h.Services();
        await _h.References.SaveAsync(Activities.Inbound(_h.Connector.ServiceUrl, "c9").GetConversationReference(), default);

        await ConnectorHarness.Client(services).SendToConversationAsync(_h.Connector.ServiceUrl, "c9", new Activity { Type = "message" }, default);

        Assert.Equal("Bearer " + Infrastructure.TokenStandIn.AccessToken, Assert.Single(_h.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task A_host_outside_the_allow_list_gets_nothing_even_after_an_authenticated_activity()
    {
        using var services = _h.Services(extra: ("BotFramework:AllowedServiceUrlHosts:0", "*.trafficmanager.net"));
        await _h.TrustAsync(services);

        await Assert.ThrowsAsync<ConnectorException>(() => ConnectorHarness.Client(services).SendToConversationAsync(
            _h.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default));

        Assert.Empty(_h.Connector.Requests);
    }

    [Fact]
    public async Task In_local_mode_calls_go_out_without_a_token()
    {
        using var services = _h.Services(appId: "");

        await ConnectorHarness.Client(services).SendToConversationAsync(_h.Connector.ServiceUrl, "c1", new Activity { Type = "message" }, default);

        Assert.Null(Assert.Single(_h.Connector.Requests).Authorization);
        Assert.Empty(_h.Tokens.Requests);
    }

    [Fact]
    public async Task In_local_mode_without_an_allow_list_nothing_goes_to_another_machine()
    {
        using var services = _h.Services(appId: "");

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => ConnectorHarness.Client(services)
            .SendToConversationAsync("https://attacker.example/", "c1", new Activity { Type = "message" }, default));

        Assert.Contains("Local mode", refused.Message);
    }

    [Fact]
    public async Task Update_delete_and_create_conversation_use_the_connector_routes()
    {
        using var services = _h.Services();
        await _h.TrustAsync(services);
        var client = ConnectorHarness.Client(services);
        var url = _h.Connector.ServiceUrl;

        await client.UpdateActivityAsync(url, TeamsConversation, TeamsActivityId, new Activity { Type = "message", Text = "edited" }, default);
        await client.DeleteActivityAsync(url, TeamsConversation, TeamsActivityId, default);
        var created = await client.CreateConversationAsync(url, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" }, Members = [new ChannelAccount { Id = "29:user" }], IsGroup = false, TenantId = "t",
        }, default);

        var requests = _h.Connector.Requests;
        const string activityPath = "/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1%3A1xyz";
        Assert.Equal(("PUT", activityPath), (requests[0].Method, requests[0].Path));
        Assert.Equal(("DELETE", activityPath), (requests[1].Method, requests[1].Path));
        Assert.Equal(("POST", "/v3/conversations"), (requests[2].Method, requests[2].Path));
        Assert.Equal("29:user", JsonDocument.Parse(requests[2].Body).RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("new-conversation", created.Id);
    }
}
