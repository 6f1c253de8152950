using SelfServiceBot.BotFramework.Auth;

namespace SelfServiceBot.BotFramework.Tests.Auth;

public sealed class ServiceUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/")]
    [InlineData(" https://webchat.botframework.com/?x=1#y ", "https://webchat.botframework.com/")]
    [InlineData("http://localhost:52000", "http://localhost:52000/")]
    [InlineData("ftp://example.com/", null)]
    [InlineData("/relative", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Service_urls_are_compared_in_one_normal_form(string? input, string? expected)
    {
        Assert.Equal(expected, ServiceUrls.Normalize(input));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://example.com/", false)]
    public void Hosts_are_matched_exactly_or_by_wildcard_sub_domain(string url, bool allowed)
    {
        string[] list = ["smba.trafficmanager.net", "*.botframework.com"];

        Assert.Equal(allowed, ServiceUrls.IsHostAllowed(new Uri(url), list));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://webchat.botframework.com/", true)]
    [InlineData("https://europe.directline.botframework.com/v3/directline/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams/", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams/", true)]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams/", true)]
    [InlineData("https://webchat.botframework.azure.cn/", true)]
    [InlineData("http://localhost:52000/", true)]
    [InlineData("http://127.0.0.1:3978/", true)]
    [InlineData("https://anything.example/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("http://10.0.0.5/", false)]
    public void An_empty_allow_list_means_the_bot_connector_hosts_and_this_machine(string url, bool allowed)
    {
        Assert.Equal(allowed, ServiceUrls.IsHostAllowed(new Uri(url), []));
    }
}
