using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Tests.Infrastructure;

/// <summary>
/// A conversation written down as a <c>.transcript</c> file and replayed through a <see cref="TestFlow"/>:
/// <code>
/// # comment                      channel: webchat       locale: zh-CN      (header, before the first step)
/// event: webchat/join            join                   (conversationUpdate adding the user)
/// user: How do I track my order?                        value: {"action":"feedback","helpful":true}
/// bot: exact text      bot: ~contains this      bot: /a regex/      card: ~text inside an Adaptive Card
/// prompt: Did this answer your question?     (the plain-text attachment of the reply just checked; ~ and /regex/ too)
/// actions: Yes | No    (the suggested actions of the reply just checked)          nothing (no further reply)
/// </code>
/// </summary>
public sealed class TranscriptScript
{
    private readonly List<(int Line, string Kind, string Argument)> _steps = [];

    public string Channel { get; private set; } = Channels.Test;
    public string Locale { get; private set; } = "en-US";

    public static TranscriptScript Parse(string text)
    {
        var script = new TranscriptScript();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var kind = colon < 0 ? line : line[..colon].Trim();
            var argument = colon < 0 ? "" : line[(colon + 1)..].Trim();
            switch (kind)
            {
                case "channel" when script._steps.Count == 0: script.Channel = argument; break;
                case "locale" when script._steps.Count == 0: script.Locale = argument; break;
                case "user" or "event" or "value" or "bot" or "card" or "prompt" or "actions" or "join" or "nothing":
                    script._steps.Add((i + 1, kind, argument));
                    break;
                default:
                    throw new FormatException($"line {i + 1}: unknown step '{kind}'");
            }
        }
        return script;
    }

    public TestFlow ApplyTo(TestFlow flow)
    {
        foreach (var (line, kind, argument) in _steps)
        {
            var where = $"transcript line {line}";
            switch (kind)
            {
                case "user": flow.Send(argument); break;
                case "event": flow.SendEvent(argument); break;
                case "join": flow.SendConversationUpdate(); break;
                case "value": flow.SendValue(JsonSerializer.Deserialize<JsonElement>(argument)); break;
                case "nothing": flow.AssertNoReply(); break;
                case "bot": flow.AssertReply(reply => Expect(argument, reply.Text, where), where); break;
                case "card": flow.AssertReply(reply => Expect(argument, CardText(reply), where), where); break;
                case "prompt":
                    flow.Then(() =>
                    {
                        Expect(argument, PlainTextAttachment(flow.LastReply!, where), where);
                        return Task.CompletedTask;
                    });
                    break;
                case "actions":
                    flow.Then(() =>
                    {
                        var expected = argument.Split('|', StringSplitOptions.TrimEntries);
                        Assert.True(expected.SequenceEqual(TestFlow.SuggestedActionTitles(flow.LastReply!)),
                            $"{where}: expected actions [{argument}], got [{string.Join(" | ", TestFlow.SuggestedActionTitles(flow.LastReply!))}]");
                        return Task.CompletedTask;
                    });
                    break;
            }
        }
        return flow;
    }

    private static void Expect(string expected, string? actual, string where)
    {
        actual ??= "";
        if (expected.StartsWith('~'))
        {
            Assert.True(actual.Contains(expected[1..], StringComparison.Ordinal), $"{where}: expected a reply containing '{expected[1..]}', got '{actual}'");
        }
        else if (expected.Length > 1 && expected.StartsWith('/') && expected.EndsWith('/'))
        {
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(actual, expected[1..^1]), $"{where}: expected a reply matching {expected}, got '{actual}'");
        }
        else
        {
            Assert.True(expected == actual, $"{where}: expected '{expected}', got '{actual}'");
        }
    }

    private static string PlainTextAttachment(Activity reply, string where)
    {
        var texts = reply.Attachments?.Where(a => a.ContentType == AttachmentContentTypes.PlainText).ToList() ?? [];
        Assert.True(texts.Count == 1, $"{where}: expected one text/plain attachment on '{reply.Text}', got {texts.Count}");
        return texts[0].Content!.Value.GetString()!;
    }

    // The visible text of an Adaptive Card reply: its TextBlocks and button titles.
    private static string CardText(Activity reply)
    {
        var card = reply.Attachments?.SingleOrDefault(a => a.ContentType == AttachmentContentTypes.AdaptiveCard)?.Content;
        Assert.True(card.HasValue, $"expected an Adaptive Card, got '{reply.Text}'");
        var parts = new List<string>();
        foreach (var section in new[] { "body", "actions" })
        {
            if (card.Value.TryGetProperty(section, out var items))
            {
                parts.AddRange(items.EnumerateArray().Select(i =>
                    i.TryGetProperty("text", out var t) ? t.GetString() : i.TryGetProperty("title", out var ti) ? ti.GetString() : null).OfType<string>());
            }
        }
        return string.Join("\n", parts);
    }
}
