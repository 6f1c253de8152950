using System.Text;
using SelfServiceBot.Contracts.Localization;
using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.KnowledgeDrafts;

/// <summary>The id a published article gets from its title (the publisher adds -2, -3 ... when it is taken).</summary>
internal static class ArticleSlug
{
    /// <summary>
    /// The title's lower-case ASCII words joined by dashes (at most 60 characters), with "zh-" in front for Chinese
    /// articles as in the sample knowledge base. A title without such words (a Chinese one) keeps the id the caller chose
    /// (<see cref="KnowledgeArticle.Id"/>).
    /// </summary>
    public static string Of(KnowledgeArticle article)
    {
        var words = new StringBuilder();
        foreach (var c in article.Title.ToLowerInvariant())
        {
            words.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }
        var slug = string.Join('-', words.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 60)
        {
            slug = slug[..60].TrimEnd('-');
        }
        if (slug.Length < 3)
        {
            slug = article.Id;
        }
        return Locales.IsChinese(article.Locale) && !slug.StartsWith("zh-", StringComparison.Ordinal) ? "zh-" + slug : slug;
    }
}
