using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Data;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>
/// Two running apps on one database, as behind a load balancer: a supervisor publishes a draft through one, a customer
/// asks through the other, which answers once its background poll saw the new revision (each has its own copy of the
/// files, as each container has the image's: nothing is shared but the database).
/// </summary>
public class PublishingMultiInstanceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Question = "Can I bring my dog into the store?";
    private const string Answer = "Yes: dogs on a lead are welcome in all our stores, and assistance dogs are always welcome.";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_published_through_one_instance_is_answered_through_the_other_after_its_poll(DatabaseProvider provider)
    {
        // Each instance its own copy of the shipped files, as each container has the image's.
        using var kbA = new TempKnowledgeBase();
        using var kbB = new TempKnowledgeBase();
        await using var database = await TestDatabase.CreateAsync(provider);
        using var a = new AppServer(Settings(kbA, database));
        using var b = new AppServer(Settings(kbB, database));
        await StaffClient.CreateUserAsync(a, "lee@example.com", "Correct-horse-9", StaffRoles.Supervisor);
        using var lee = new StaffClient(a);
        await lee.SignInAsync("lee@example.com", "Correct-horse-9");
        var draft = await a.Services.GetRequiredService<KnowledgeDraftStore>().CreateAsync(new DraftContent(Question, [], Answer, "en", "store"),
            new DraftSource(KnowledgeDraftSources.Conversation, "H-TEST1", "conv-1", 1), "anna@example.com", default);
        var before = await KnowledgeDraftsBrowserTests.AskAsync(b, Question);

        var published = await lee.PostFormAsync($"/agent/drafts/{draft.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = "0", ["Input.Title"] = Question, ["Input.Questions"] = "", ["Input.Answer"] = Answer,
            ["Input.Locale"] = "en", ["Input.Category"] = "store",
        }, $"/agent/drafts/{draft.Id}?handler=Publish");
        var onA = await KnowledgeDraftsBrowserTests.AskAsync(a, Question);
        // B has no file event and no call from A: only its poll (every second here, 10 s by default) brings the article.
        var waited = Stopwatch.StartNew();
        string onB;
        while (true)
        {
            onB = await KnowledgeDraftsBrowserTests.AskAsync(b, Question);
            if (onB.StartsWith(Answer, StringComparison.Ordinal) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.DoesNotContain("dogs on a lead", before);
        Assert.StartsWith(Answer, onA);
        Assert.StartsWith(Answer, onB);
    }

    private static Dictionary<string, string?> Settings(TempKnowledgeBase kb, TestDatabase database) =>
        new(kb.Settings.Concat(database.Settings)) { ["Knowledge:SharedPollSeconds"] = "1" };
}
