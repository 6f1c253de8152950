namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>What writing system a piece of text uses, as far as analysis cares.</summary>
public static class ScriptOf
{
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool HasHan(string text) => text.Any(IsHan);
}
