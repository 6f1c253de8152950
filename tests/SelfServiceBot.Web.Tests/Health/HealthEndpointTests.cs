using System.Net;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Health;

public class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_answers_200_when_the_app_is_ready()
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("http://127.0.0.1:", app.BaseAddress.ToString());
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "bot.db")));
    }
}
