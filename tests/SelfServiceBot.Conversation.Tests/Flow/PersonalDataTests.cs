using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Handoff;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>
/// Card numbers, e-mail addresses and phone numbers a customer types are masked where the text enters the bot: in events,
/// transcript lines, dialog state and hand-off messages; the offline ticket keeps the contact details as typed.
/// </summary>
public sealed class PersonalDataTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private const string Card = "4111 1111 1111 1111";
    private const string MaskedCard = "•••• •••• •••• 1111";

    private ConversationTestHost Host => fixture.Host;

    [Fact]
    public async Task A_card_number_and_an_e_mail_address_in_a_question_are_stored_masked_and_the_question_is_still_answered()
    {
        var plain = Host.Flow();
        await plain.Send("I was charged twice for my order").AssertReplyMatches(".").StartTestAsync();
        var flow = Host.Flow();
        await flow.Send($"I was charged twice for my order, card {Card}, mail jane.doe@example.com").AssertReplyMatches(".").StartTestAsync();

        // The same answer as without the card and the address: masking only takes characters away.
        Assert.Equal(plain.LastReply!.Text, flow.LastReply!.Text);
        var message = Assert.Single(await Host.EventsAsync(flow.ConversationId), e => e.Type == "customer_message");
        Assert.Equal($"I was charged twice for my order, card {MaskedCard}, mail j•••@•••.com", message.Text);
        var stored = await StoredTextsAsync(flow.ConversationId);
        Assert.Contains(stored, s => s.Contains(MaskedCard));
        Assert.DoesNotContain(stored, s => s.Contains(Card) || s.Contains("jane.doe@example.com"));
    }

    [Fact]
    public async Task The_offline_ticket_keeps_the_contact_details_as_typed_while_events_and_transcript_have_them_masked()
    {
        var flow = Host.Flow();
        await flow.Send("talk to a person").AssertReplyMatches("^No one is available")
            .Send("jane.doe@example.com or +44 20 7946 0958").AssertReplyContains("jane.doe@example.com or +44 20 7946 0958")
            .StartTestAsync();

        var ticket = Assert.Single(await Host.HandoffsAsync(flow.ConversationId));
        Assert.Equal("jane.doe@example.com or +44 20 7946 0958", ticket.ContactDetails);
        var stored = await StoredTextsAsync(flow.ConversationId);
        Assert.Contains(stored, s => s.Contains("j•••@•••.com or +•• •• •••• 0958"));
        Assert.DoesNotContain(stored, s => s.Contains("jane.doe@example.com") || s.Contains("7946 0958"));
    }

    [Fact]
    public async Task What_a_customer_writes_to_an_agent_is_stored_and_passed_on_masked()
    {
        await using var host = await ConversationTestHost.StartAsync(s => s.Configure<HandoffOptions>(o => o.AutoAssign = false));
        var agents = host.Services.GetRequiredService<AgentDirectory>();
        await agents.EnsureAsync("anna", "Anna", default);
        await agents.SetPresenceAsync("anna", AgentPresence.Online, default);
        var desk = host.Services.GetRequiredService<HandoffDesk>();
        var flow = host.Flow(Channels.WebChat);
        await flow.Send("talk to a human").AssertReplyMatches("connecting you").Send($"my card is {Card}").AssertReplyMatches("next in line").StartTestAsync();
        var handoff = Assert.Single(await host.HandoffsAsync(flow.ConversationId));
        Assert.True(await desk.ClaimAsync(handoff.Id, "anna", default));
        await flow.Send("call me on 13812345678").AssertNoReply().StartTestAsync();

        Assert.Equal([$"my card is {MaskedCard}", "call me on •••••••5678"], (await desk.MessagesAsync(handoff.Id, default)).Where(m => m.From == "customer").Select(m => m.Text));
    }

    // Every text the database keeps for the conversation: events, transcript lines, the dialog state, hand-offs and their chat.
    private async Task<List<string>> StoredTextsAsync(string conversationId)
    {
        await using var db = Host.CreateDbContext();
        var texts = new List<string>();
        texts.AddRange((await db.ConversationEvents.Where(e => e.ConversationId == conversationId).ToListAsync()).Select(e => e.Text + " " + e.DataJson));
        texts.AddRange(await db.ConversationTranscriptLines().Where(l => l.ConversationKey.EndsWith(conversationId)).Select(l => l.Text).ToListAsync());
        texts.AddRange(await db.ConversationStates().Where(s => s.ConversationKey.EndsWith(conversationId)).Select(s => s.Json).ToListAsync());
        texts.AddRange((await db.HandoffRequests().Where(h => h.ConversationId == conversationId).ToListAsync())
            .Select(h => h.LastCustomerText + " " + h.TranscriptJson));
        return texts;
    }
}
