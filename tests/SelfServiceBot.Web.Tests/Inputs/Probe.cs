using System.Text;
using CsCheck;

namespace SelfServiceBot.Web.Tests.Inputs;

/// <summary>Every route a customer's client can reach: /api/messages and each Direct Line endpoint, the socket included.</summary>
internal enum ProbeRoute { Messages, Generate, Refresh, Start, Reconnect, ListActivities, PostActivity, Upload, StreamGet, StreamSocket }

/// <summary>What the Authorization header (or the streamUrl's t) carries.</summary>
internal enum ProbeAuth { None, Token, StreamToken, OtherConversationsToken, Garbage, BearerOnly, Oversized }

/// <summary>Which conversation id goes into the path.</summary>
internal enum ProbeTarget { Own, Other, Random, Long }

/// <summary>One generated request: where it goes, as whom, and the exact bytes of its body.</summary>
internal sealed record Probe(ProbeRoute Route, string Method, ProbeAuth Auth, int Slot, ProbeTarget Target, string RandomId, string? Watermark, byte[] Body, string? ContentType)
{
    public override string ToString()
    {
        var body = Body.Length > 300 ? $"{Body.Length} bytes starting {Convert.ToHexString(Body, 0, 64)}" : Encoding.UTF8.GetString(Body).ReplaceLineEndings(" ");
        return $"{Method} {Route} auth={Auth} slot={Slot} target={Target} id='{RandomId}' watermark='{Watermark}' type='{ContentType}' body: {body}";
    }
}

/// <summary>The generator of probes: mostly well-aimed (the right method and a valid token), with bodies from <see cref="JsonTextGen"/> broken in byte-level ways.</summary>
internal static class ProbeGen
{
    private static readonly Gen<string> Watermark = Gen.OneOf(
        Gen.Const(""), Gen.Const("-1"), Gen.Const("abc"), Gen.Const("99999999999999999999999"), Gen.Const(" 1"), Gen.Const("1.5"), Gen.Const("0x10"),
        Gen.Long[0, 20].Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        JsonTextGen.Text.Select(t => t.Length > 50 ? t[..50] : t));

    private static readonly Gen<string> Method = Gen.Frequency((19, Gen.Const("")), (1, Gen.OneOf(Gen.Const("PUT"), Gen.Const("DELETE"), Gen.Const("PATCH"), Gen.Const("GET"), Gen.Const("POST"))));

    private static readonly Gen<string?> ContentType = Gen.OneOf(
        Gen.Const<string?>("application/json"), Gen.Const<string?>("application/json; charset=utf-16"), Gen.Const<string?>("text/plain"),
        Gen.Const((string?)null), Gen.Const<string?>("multipart/form-data; boundary=x"));

    public static readonly Gen<Probe> All = Gen.Select(
        Gen.Enum<ProbeRoute>().SelectMany(route => Body(route).Select(body => (route, body))),
        Method,
        Gen.Frequency((6, Gen.Const(ProbeAuth.Token)), (4, Gen.Enum<ProbeAuth>())),
        Gen.Select(Gen.Int[0, ProbeSession.Slots - 1], Gen.Frequency((8, Gen.Const(ProbeTarget.Own)), (2, Gen.Enum<ProbeTarget>())), (slot, target) => (slot, target)),
        JsonTextGen.Text.Select(t => t.Length > 40 ? t[..40] : t),
        Gen.Frequency((1, Gen.Const((string?)null)), (2, Watermark.Select(w => (string?)w))),
        ContentType,
        (aimed, method, auth, at, randomId, watermark, contentType) =>
            new Probe(aimed.route, method, auth, at.slot, at.target, randomId, watermark, aimed.body, contentType));

    // Mostly the body the route expects (an activity, or a token / start request), sometimes the other one.
    private static Gen<byte[]> Body(ProbeRoute route)
    {
        var expected = route is ProbeRoute.Messages or ProbeRoute.PostActivity or ProbeRoute.Upload ? JsonTextGen.Activity : JsonTextGen.StartRequest;
        var other = expected == JsonTextGen.Activity ? JsonTextGen.StartRequest : JsonTextGen.Activity;
        return Gen.Frequency((9, expected), (1, other)).SelectMany(Mutate);
    }

    /// <summary>The JSON as it is (most often), or cut, spliced with bytes that are not UTF-8, padded past the caps, nested too deep, replaced by another JSON value or emptied.</summary>
    private static Gen<byte[]> Mutate(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return Gen.Frequency(
            (12, Gen.Const(bytes)),
            (2, Gen.Int[0, bytes.Length].Select(n => bytes[..n])),
            (2, Gen.Select(Gen.Int[0, bytes.Length], Gen.Byte.Array[1, 4], (at, junk) => (byte[])[.. bytes[..at], .. junk, .. bytes[at..]])),
            (1, Gen.Int[100_000, 1_200_000].Select(n => Encoding.UTF8.GetBytes(json.Length > 1 && json[0] == '{'
                ? "{\"type\":\"message\",\"pad\":\"" + new string('p', n) + "\"," + json[1..] : new string(' ', n) + json))),
            (1, Gen.Int[10, 3_000].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))),
            (1, Gen.OneOf(Gen.Const("null"u8.ToArray()), Gen.Const("[]"u8.ToArray()), Gen.Const("42"u8.ToArray()), Gen.Const("\"text\""u8.ToArray()), Gen.Const(Array.Empty<byte>()))),
            (1, Gen.Byte.Array[0, 200]));
    }
}
