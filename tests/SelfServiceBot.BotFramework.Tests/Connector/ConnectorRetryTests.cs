using System.Net;
using System.Net.Http.Headers;
using Polly;
using SelfServiceBot.BotFramework.Connector;

namespace SelfServiceBot.BotFramework.Tests.Connector;

public sealed class ConnectorRetryTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    private static HttpResponseMessage Answer(HttpStatusCode status, RetryConditionHeaderValue? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void Only_throttling_and_server_errors_are_retried(HttpStatusCode status, bool retried)
    {
        Assert.Equal(retried, ConnectorRetry.ShouldRetry(Outcome.FromResult(Answer(status))));
    }

    [Fact]
    public void Network_errors_are_retried()
    {
        Assert.True(ConnectorRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
    }

    [Fact]
    public void Retry_after_seconds_set_the_delay()
    {
        var delay = ConnectorRetry.RetryAfter(Answer(HttpStatusCode.TooManyRequests, new(TimeSpan.FromSeconds(7))), Cap, TimeProvider.System);

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void A_retry_after_longer_than_the_cap_is_cut_to_the_cap()
    {
        var delay = ConnectorRetry.RetryAfter(Answer(HttpStatusCode.TooManyRequests, new(TimeSpan.FromMinutes(5))), Cap, TimeProvider.System);

        Assert.Equal(Cap, delay);
    }

    [Fact]
    public void A_retry_after_date_in_the_past_means_retry_now()
    {
        var past = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal(TimeSpan.Zero, ConnectorRetry.RetryAfter(Answer(HttpStatusCode.ServiceUnavailable, past), Cap, TimeProvider.System));
    }

    [Fact]
    public void Without_retry_after_the_exponential_backoff_applies()
    {
        Assert.Null(ConnectorRetry.RetryAfter(Answer(HttpStatusCode.ServiceUnavailable), Cap, TimeProvider.System));
    }
}
