using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Tests;

/// <summary>The repository's knowledgebase/ folder, found the way the app finds it.</summary>
internal static class SampleKnowledgeBase
{
    public static string Path { get; } =
        new KnowledgeBaseLocator(Options.Create(new KnowledgeOptions())).Resolve(out _)
        ?? throw new InvalidOperationException("knowledgebase/ not found above the test folder");
}
