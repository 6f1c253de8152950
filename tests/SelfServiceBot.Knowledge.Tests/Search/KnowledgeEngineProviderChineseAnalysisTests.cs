using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Tests.Search;

public sealed class KnowledgeEngineProviderChineseAnalysisTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-provider-zh-").FullName;

    [Fact]
    public async Task The_server_builds_its_index_with_the_configured_Chinese_analysis()
    {
        var folder = Path.Combine(_root, "kb", "zh-CN", "orders");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "zh-return.md"), "---\nid: zh-return\ntitle: 如何退货？\nquestions:\n  - 我想退货\n  - 申请退货怎么操作\n---\n七天内可以退货。\n");
        File.WriteAllText(Path.Combine(folder, "zh-track.md"), "---\nid: zh-track\ntitle: 我的快递到哪了？\nquestions:\n  - 快递单号在哪里查询\n---\n在订单页查看物流。\n");

        var (bigramsStamp, bigramsBest) = await OpenAsync(ChineseAnalysis.Bigrams);
        var (wordsStamp, wordsBest) = await OpenAsync(ChineseAnalysis.Words);

        Assert.NotEqual(bigramsStamp, wordsStamp);
        Assert.Equal("zh-return", bigramsBest);
        Assert.Equal("zh-return", wordsBest);
    }

    private async Task<(string? Stamp, string? Best)> OpenAsync(ChineseAnalysis mode)
    {
        var options = new KnowledgeOptions
        {
            KnowledgeBasePath = Path.Combine(_root, "kb"), IndexPath = Path.Combine(_root, "index"), ChineseAnalysis = mode,
        };
        using var provider = new KnowledgeEngineProvider(Options.Create(options), new KnowledgeBaseLocator(Options.Create(options)),
            NullLogger<KnowledgeEngineProvider>.Instance);
        var engine = await provider.GetAsync(CancellationToken.None);
        return (provider.Stamp, engine?.Rank("申请退货", "zh-CN").Articles[0].Article.Id);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
