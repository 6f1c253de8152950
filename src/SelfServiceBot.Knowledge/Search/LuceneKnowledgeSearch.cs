using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Decisions;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// The conversation's view of the knowledge engine: rank in the conversation's language, decide with
/// that locale's thresholds, and when nothing matches try the other languages (a customer may write
/// in another language than their browser's).
/// </summary>
public sealed class LuceneKnowledgeSearch(KnowledgeEngineProvider provider, IOptionsMonitor<KnowledgeOptions> options) : IKnowledgeSearch
{
    public async Task<KnowledgeResult> SearchAsync(string text, string locale, CancellationToken cancellationToken)
    {
        var engine = await provider.GetAsync(cancellationToken);
        if (engine is null)
        {
            return KnowledgeResult.NoMatch;
        }
        var settings = options.CurrentValue;
        var result = KnowledgeDecisionPolicy.Decide(engine.Rank(text, locale), settings.ThresholdsFor(locale));
        foreach (var other in engine.OtherLanguages(locale))
        {
            if (result.Decision != KnowledgeDecision.NoMatch)
            {
                break;
            }
            // Only a message written in the other language's script: an English "return" must not be
            // answered by a Chinese article that happens to mention the English word.
            if (ScriptOf.HasHan(text) != (other == "zh"))
            {
                continue;
            }
            result = KnowledgeDecisionPolicy.Decide(engine.Rank(text, other), settings.ThresholdsFor(other));
        }
        return result;
    }
}
