using System.Net;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;
using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityTraceId = System.Diagnostics.ActivityTraceId;
using Span = System.Diagnostics.Activity;

namespace SelfServiceBot.Web.Tests.Observability;

/// <summary>A real turn through /api/messages, seen through the in-memory exporter: its spans in one trace, and the counters.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TurnTelemetryTests
{
    [Fact]
    public async Task A_question_answered_is_one_turn_span_with_claim_state_read_search_reply_send_and_write_beneath_it()
    {
        var telemetry = new TelemetryCapture();
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(TelemetryCapture.Settings(), telemetry.AddTo);
        using var client = app.CreateHttpClient();
        var activity = ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator);

        var trace = await PostInTraceAsync(client, activity);

        var spans = telemetry.SpansOf(app.Services, trace);
        var turn = Assert.Single(spans, s => s.OperationName == "ssb.turn");
        Assert.Equal("emulator", turn.GetTagItem("ssb.channel"));
        Assert.Equal("message", turn.GetTagItem("ssb.activity.type"));
        Assert.Equal("processed", turn.GetTagItem("ssb.turn.outcome"));
        var beneath = spans.Where(s => IsBeneath(s, turn, spans)).ToList();
        var claim = Assert.Single(beneath, s => s.OperationName == "ssb.turn.claim");
        Assert.Equal(true, claim.GetTagItem("ssb.claim.acquired"));
        Assert.Single(beneath, s => s.OperationName == "ssb.turn.state_read");
        var search = Assert.Single(beneath, s => s.OperationName == "ssb.knowledge.search");
        Assert.Equal("answer", search.GetTagItem("ssb.knowledge.decision"));
        Assert.InRange(Assert.IsType<int>(search.GetTagItem("ssb.knowledge.confidence")), 50, 100);
        Assert.Equal("en", search.GetTagItem("ssb.locale"));
        Assert.False(string.IsNullOrEmpty(search.GetTagItem("ssb.knowledge.article_id") as string));
        Assert.Contains(beneath, s => s.OperationName == "ssb.turn.reply_send" && (string?)s.GetTagItem("ssb.activity.type") == "message");
        var write = Assert.Single(beneath, s => s.OperationName == "ssb.turn.write");
        Assert.True(Assert.IsType<int>(write.GetTagItem("ssb.turn.events")) >= 2, "the customer's message and the answer shown");
        // In the order the turn does them.
        Assert.True(claim.StartTimeUtc <= search.StartTimeUtc && search.StartTimeUtc <= write.StartTimeUtc);
        // The reply went out to the connector inside the turn: HttpClient's span is beneath it too.
        Assert.Contains(beneath, s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.StartsWith(connector.ServiceUrl, StringComparison.Ordinal));
        // No customer text in any attribute.
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value is string text && text.Contains("track my order", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_turn_and_answer_counters_count_each_turn_by_channel_and_each_question_by_decision()
    {
        var telemetry = new TelemetryCapture();
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(TelemetryCapture.Settings(), telemetry.AddTo);
        using var client = app.CreateHttpClient();
        var conversation = "a:" + Guid.NewGuid().ToString("N");

        foreach (var text in new[] { "How do I track my order?", "How do I track my order?", "xylophone quantum zebra" })
        {
            var response = await ChannelRequests.PostAsync(client, ChannelRequests.Message(connector.ServiceUrl, text, Channels.Emulator, conversation), token: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var repeated = ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator, conversation);
        await ChannelRequests.PostAsync(client, repeated, token: null);
        await ChannelRequests.PostAsync(client, repeated, token: null);

        Assert.Equal(4, telemetry.Sum(app.Services, "ssb.turns", ("ssb.channel", "emulator"), ("ssb.turn.outcome", "processed")));
        Assert.Equal(1, telemetry.Sum(app.Services, "ssb.turns", ("ssb.channel", "emulator"), ("ssb.turn.outcome", "duplicate")));
        Assert.Equal(3, telemetry.Sum(app.Services, "ssb.answers", ("ssb.knowledge.decision", "answer"), ("ssb.locale", "en")));
        Assert.Equal(1, telemetry.Sum(app.Services, "ssb.answers", ("ssb.knowledge.decision", "no_match")));
        var latency = telemetry.Metric(app.Services, "ssb.knowledge.search.duration");
        Assert.NotNull(latency);
        Assert.Equal("ms", latency.Unit);
        Assert.Equal(4, latency.MetricPoints.Sum(p => p.GetHistogramCount()));
    }

    [Fact]
    public async Task Asking_for_a_person_counts_a_handoff_by_reason_and_traces_the_request_beneath_the_turn()
    {
        var telemetry = new TelemetryCapture();
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(TelemetryCapture.Settings(), telemetry.AddTo);
        using var client = app.CreateHttpClient();

        var trace = await PostInTraceAsync(client, ChannelRequests.Message(connector.ServiceUrl, "talk to a human", Channels.Emulator));

        // Nobody is online: an offline ticket.
        Assert.Equal(1, telemetry.Sum(app.Services, "ssb.handoffs", ("ssb.handoff.reason", "explicit_request"), ("ssb.handoff.status", "offline")));
        Assert.Equal(0, telemetry.Sum(app.Services, "ssb.handoffs", ("ssb.handoff.reason", "low_confidence")));
        var spans = telemetry.SpansOf(app.Services, trace);
        var turn = Assert.Single(spans, s => s.OperationName == "ssb.turn");
        var request = Assert.Single(spans, s => s.OperationName == "ssb.handoff.request");
        Assert.True(IsBeneath(request, turn, spans));
        Assert.Equal("explicit_request", request.GetTagItem("ssb.handoff.reason"));
        Assert.Equal("offline", request.GetTagItem("ssb.handoff.status"));
    }

    [Fact]
    public async Task A_Direct_Line_post_is_a_span_with_the_turn_and_its_claim_beneath_it()
    {
        var telemetry = new TelemetryCapture();
        using var app = new AppServer(TelemetryCapture.Settings(), telemetry.AddTo);
        using var client = new DirectLine.DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        ActivityTraceId trace;
        using (var test = new Span("test").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start())
        {
            test.ActivityTraceFlags = System.Diagnostics.ActivityTraceFlags.Recorded;
            await client.PostMessageAsync(conversationId, token, "How do I track my order?");
            trace = test.TraceId;
        }

        var spans = telemetry.SpansOf(app.Services, trace);
        var post = Assert.Single(spans, s => s.OperationName == "ssb.directline.post_activity");
        Assert.Equal("message", post.GetTagItem("ssb.activity.type"));
        var turn = Assert.Single(spans, s => s.OperationName == "ssb.turn");
        Assert.True(IsBeneath(turn, post, spans));
        Assert.Equal("directline", turn.GetTagItem("ssb.channel"));
        // Web Chat's posts carry a clientActivityID and a client retries them after a lost answer: the turn takes a claim
        // on it, so the retry is answered once (docs/reliability.md).
        Assert.Contains(spans, s => s.OperationName == "ssb.turn.claim" && IsBeneath(s, post, spans));
        Assert.Contains(spans, s => s.OperationName == "ssb.turn.reply_flush" && IsBeneath(s, turn, spans));
    }

    [Fact]
    public async Task A_Direct_Line_stream_is_a_span_as_long_as_the_socket_and_its_token_is_in_no_attribute()
    {
        var telemetry = new TelemetryCapture();
        using var app = new AppServer(TelemetryCapture.Settings(), telemetry.AddTo);
        using var client = new DirectLine.DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        Assert.Contains("t=", streamUrl);

        using (var socket = await DirectLine.DirectLineTestClient.ConnectAsync(streamUrl))
        {
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, default);
        }
        // The server ends the request once it saw the close: wait for its spans rather than for a clock.
        IReadOnlyList<Span> spans = [];
        for (var i = 0; i < 100 && !spans.Any(IsStreamRequest); i++)
        {
            await Task.Delay(100);
            spans = telemetry.AllSpans(app.Services);
        }

        var request = Assert.Single(spans, IsStreamRequest);
        var stream = Assert.Single(spans, s => s.OperationName == "ssb.directline.stream" && s.ParentSpanId == request.SpanId);
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Unset, stream.Status);
        Assert.DoesNotContain(spans.Where(s => s.TraceId == request.TraceId).SelectMany(s => s.TagObjects),
            t => t.Value is string text && text.Contains(token, StringComparison.Ordinal));

        bool IsStreamRequest(Span s) => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path
            && path.Contains(conversationId, StringComparison.Ordinal) && path.EndsWith("/stream", StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts the activity inside a trace the test starts (HttpClient sends it on as traceparent), and returns that trace's
    /// id: the spans of other tests' hosts in this process are in other traces.
    /// </summary>
    internal static async Task<ActivityTraceId> PostInTraceAsync(HttpClient client, Activity activity)
    {
        using var test = new Span("test").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        // Sampled: the app's parent-based sampler records what a sampled parent asks for.
        test.ActivityTraceFlags = System.Diagnostics.ActivityTraceFlags.Recorded;
        var response = await ChannelRequests.PostAsync(client, activity, token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return test.TraceId;
    }

    internal static bool IsBeneath(Span span, Span ancestor, IReadOnlyList<Span> spans)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            if (next.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }
}
