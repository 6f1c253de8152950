using SelfServiceBot.Data.Entities;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

internal static class DraftRecords
{
    /// <summary>A stored draft as its review form would send it back unchanged.</summary>
    public static DraftContent ContentOf(KnowledgeDraftRecord draft) =>
        new(draft.Title, KnowledgeDraftStore.QuestionsOf(draft), draft.Answer, draft.Locale, draft.Category);
}
