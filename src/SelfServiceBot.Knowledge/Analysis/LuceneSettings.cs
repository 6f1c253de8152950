using Lucene.Net.Util;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// The one place the Lucene match version is pinned (the package version is pinned in
/// Directory.Packages.props). Changing either means rebuilding every index: the index stamp includes it.
/// </summary>
public static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
