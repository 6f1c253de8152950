using System.Globalization;
using System.Text;
using CsCheck;

namespace SelfServiceBot.Web.Tests.Inputs;

/// <summary>
/// Generators of JSON text as clients could send it: activities and start requests whose fields have the right type or
/// any other, strings with lone surrogates (written as <c>\uD800</c> escapes, as JavaScript's JSON.stringify does),
/// control characters, emoji and Chinese, numbers no .NET type holds, deep nesting, and over-long text.
/// </summary>
internal static class JsonTextGen
{
    private static readonly string[] Samples =
    [
        "", " ", "hi", "How do I track my order?", "我的订单在哪里？", "😀", "\u202Eevil", "\0", "=HYPERLINK(\"http://x\")",
        "<script>alert(1)</script>", "\ud800", "\udc00", "\ud83d\ude00", "a\ud800b", "\uffff", "\u2028\u2029", "null", "[]",
    ];

    /// <summary>Any string; one in twenty is longer than the text cap.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(Samples.Select(Gen.Const).ToArray())),
        (12, Gen.String[Gen.Char['a', 'z'], 0, 40]),
        (1, Gen.String[0, 40]),
        (2, Gen.Select(Gen.OneOf(Samples.Select(Gen.Const).ToArray()), Gen.String[0, 8], (a, b) => a + b + a)),
        (1, Gen.Select(Gen.Char, Gen.Int[3_000, 20_000], (c, n) => new string(c, n))));

    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0"),
        Gen.OneOf(Gen.Const("1e400"), Gen.Const("-0"), Gen.Const("123456789012345678901234567890"), Gen.Const("1.0e-400")));

    /// <summary>Any JSON value, nested a few levels.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (5, Scalar),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Text, self).Array[0, 4].Select(Object))));

    private static Gen<string> Scalar => Gen.Frequency(
        (4, Text.Select(Quote)), (2, Number), (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"))));

    private static readonly string[] ActivityTypes =
        ["message", "event", "invoke", "typing", "conversationUpdate", "endOfConversation", "handoff", "installationUpdate", "messageReaction", "", "MESSAGE"];

    /// <summary>An activity: known fields, each with the type it should have or another, and unknown ones.</summary>
    public static readonly Gen<string> Activity = Gen.Select(
        Gen.Frequency((8, Gen.OneOf(ActivityTypes.Select(Gen.Const).ToArray()).Select(Quote)), (2, Value)),
        Field("text", Text.Select(Quote)),
        Field("from", Gen.Select(Text, Text, (id, name) => Object([("id", Quote(id)), ("name", Quote(name))]))),
        Field("channelData", Gen.Select(Text, Value, (id, v) => Object([("clientActivityID", Quote(id)), ("x", v)]))),
        Field("value", Value),
        Field("attachments", Gen.Select(Text, Value, (type, content) => "[" + Object([("contentType", Quote(type)), ("content", content)]) + "]")),
        Gen.Select(Text, Value, (name, value) => (name, value)).Array[0, 6],
        (type, text, from, channelData, value, attachments, extra) =>
            Object([("type", type), .. new[] { text, from, channelData, value, attachments }.OfType<(string, string)>(), .. extra]));

    /// <summary>The body of tokens/generate or POST conversations.</summary>
    public static readonly Gen<string> StartRequest = Gen.Select(
        Field("user", Gen.Select(Text, Text, (id, name) => Object([("id", Quote(id)), ("name", Quote(name))]))),
        Field("locale", Gen.OneOf(Gen.Const("en-US"), Gen.Const("zh-CN"), Text).Select(Quote)),
        (user, locale) => Object(new[] { user, locale }.OfType<(string, string)>().ToArray()));

    /// <summary>Null or the field with the value it should have, or with any value.</summary>
    private static Gen<(string, string)?> Field(string name, Gen<string> right) =>
        Gen.Frequency((2, Gen.Const(((string, string)?)null)), (8, right.Select(v => ((string, string)?)(name, v))), (1, Value.Select(v => ((string, string)?)(name, v))));

    public static string Object((string Name, string Value)[] members) =>
        "{" + string.Join(",", members.Select(m => Quote(m.Name) + ":" + m.Value)) + "}";

    /// <summary>A JSON string literal; surrogates and control characters as \u escapes, so lone ones reach the server as escapes.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                _ when c < ' ' || char.IsSurrogate(c) => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }
        return json.Append('"').ToString();
    }
}
