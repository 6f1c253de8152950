using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.AI.FollowUps;
using SelfServiceBot.AI.Tests.Chat.Safety;
using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.AI.Tests.Chat;

public sealed class ChatOptionsTests
{
    [Fact]
    public void None_is_the_default_needs_nothing_else_and_switches_every_feature_off()
    {
        var options = new ChatOptions();

        Assert.Equal(ChatProvider.None, options.Provider);
        Assert.Empty(options.Problems());
        Assert.All(Enum.GetValues<ChatFeature>(), f => Assert.False(options.Enabled(f)));
    }

    [Fact]
    public void A_provider_switches_every_feature_on_and_each_can_be_turned_off()
    {
        var options = new ChatOptions { Provider = ChatProvider.OpenAICompatible, Endpoint = "http://localhost:11434/v1", Model = "llama3.1", FollowUps = false };

        Assert.Empty(options.Problems());
        Assert.Equal([true, false, true, true], Enum.GetValues<ChatFeature>().Select(options.Enabled));
    }

    public static TheoryData<ChatOptions, string> Invalid => new()
    {
        { new ChatOptions { Provider = ChatProvider.OpenAI, ApiKey = "k" }, "AI:Chat:Model is required for Provider OpenAI" },
        { new ChatOptions { Provider = ChatProvider.OpenAI, Model = "gpt-4o-mini" }, "AI:Chat:ApiKey is required for Provider OpenAI" },
        { new ChatOptions { Provider = ChatProvider.AzureOpenAI, Model = "chat", ApiKey = "k" }, "AI:Chat:Endpoint is required for Provider AzureOpenAI" },
        { new ChatOptions { Provider = ChatProvider.AzureOpenAI, Endpoint = "https://r.openai.azure.com", ApiKey = "k" }, "deployment's name" },
        { new ChatOptions { Provider = ChatProvider.OpenAICompatible, Model = "m" }, "AI:Chat:Endpoint is required for Provider OpenAICompatible" },
        { new ChatOptions { Provider = ChatProvider.OpenAICompatible, Model = "m", Endpoint = "localhost:11434" }, "absolute http(s) address" },
        { new ChatOptions { Provider = ChatProvider.OpenAICompatible, Model = "m", Endpoint = "http://h/v1", TimeoutSeconds = 0 }, "TimeoutSeconds must be between 1 and 300 (got 0)" },
        { new ChatOptions { Provider = ChatProvider.OpenAICompatible, Model = "m", Endpoint = "http://h/v1", MaxOutputTokens = 0 }, "MaxOutputTokens must be between 1 and 100000 (got 0)" },
        { new ChatOptions { Provider = (ChatProvider)42 }, "must be None, OpenAI, AzureOpenAI or OpenAICompatible" },
        { new ChatOptions { Provider = ChatProvider.OpenAICompatible, Model = "m", Endpoint = "http://h/v1", CircuitBreaker = new() { Failures = -1 } }, "CircuitBreaker:Failures must be between 0 (off) and 1000 (got -1)" },
        { new ChatOptions { Provider = ChatProvider.OpenAICompatible, Model = "m", Endpoint = "http://h/v1", CircuitBreaker = new() { BreakSeconds = 0 } }, "CircuitBreaker:BreakSeconds must be between 1 and 86400 (got 0)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_wrong_section_is_refused_with_a_message_that_says_what_to_set(ChatOptions options, string expected) =>
        Assert.Contains(options.Problems(), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void The_app_refuses_to_start_with_a_wrong_section_and_names_the_setting()
    {
        using var services = Services(new() { ["AI:Chat:Provider"] = "AzureOpenAI", ["AI:Chat:Model"] = "chat" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChatOptions>>().Value);

        Assert.Contains("AI:Chat:Endpoint is required for Provider AzureOpenAI", error.Message, StringComparison.Ordinal);
        Assert.Contains("AI:Chat:ApiKey is required for Provider AzureOpenAI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_breaker_and_prompt_logging_are_bound_from_the_section_with_safe_defaults()
    {
        var defaults = new ChatOptions();
        using var services = Services(new()
        {
            ["AI:Chat:CircuitBreaker:Failures"] = "7", ["AI:Chat:CircuitBreaker:BreakSeconds"] = "120", ["AI:Chat:LogPrompts"] = "true",
        });

        var options = services.GetRequiredService<IOptions<ChatOptions>>().Value;

        Assert.Equal((5, 60, false), (defaults.CircuitBreaker.Failures, defaults.CircuitBreaker.BreakSeconds, defaults.LogPrompts));
        Assert.Equal((7, 120, true), (options.CircuitBreaker.Failures, options.CircuitBreaker.BreakSeconds, options.LogPrompts));
    }

    [Fact]
    public void A_model_in_a_host_without_an_outbound_masker_refuses_to_start()
    {
        using var services = Services(new()
        {
            ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = "http://127.0.0.1:9/v1", ["AI:Chat:Model"] = "qwen2.5",
        }, masker: false);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChatOptions>>().Value);

        Assert.Contains("no IOutboundTextMasker is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_ups_are_rewritten_only_with_a_model_and_the_switch_on()
    {
        Dictionary<string, string?> model = new()
        {
            ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = "http://127.0.0.1:9/v1", ["AI:Chat:Model"] = "qwen2.5",
        };
        using var none = Services([]);
        using var on = Services(model);
        using var off = Services(new(model) { ["AI:Chat:FollowUps"] = "false" });

        Assert.Null(none.GetService<FollowUpRewriter>());
        Assert.Equal("qwen2.5", on.GetRequiredService<FollowUpRewriter>().Model);
        Assert.Null(off.GetService<FollowUpRewriter>());
    }

    [Fact]
    public void None_registers_no_model()
    {
        using var services = Services([]);

        Assert.Null(services.GetService<IChatModel>());
    }

    [Fact]
    public void A_provider_registers_the_configured_model()
    {
        using var services = Services(new()
        {
            ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = "http://127.0.0.1:9/v1", ["AI:Chat:Model"] = "qwen2.5",
        });

        Assert.Equal("qwen2.5", services.GetRequiredService<IChatModel>().Model);
    }

    internal static ServiceProvider Services(Dictionary<string, string?> settings, bool masker = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        if (masker)
        {
            services.AddSingleton<IOutboundTextMasker, DigitMasker>();
        }
        services.AddAI();
        return services.BuildServiceProvider();
    }
}
