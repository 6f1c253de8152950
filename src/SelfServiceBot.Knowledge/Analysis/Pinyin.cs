using System.Runtime.InteropServices;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// Chinese characters as toneless pinyin ("包裹" -> "bao guo"), from ICU's Han-Latin transliterator. ICU is the library
/// .NET itself uses for globalization on Linux, so it is on every machine the app runs on there (the official aspnet
/// images included; libicu 72 here); it is loaded from the system, nothing is copied. Where it cannot be loaded (Windows, invariant
/// globalization), <see cref="IsAvailable"/> is false and <see cref="Of"/> returns null: Chinese homophone typos are
/// then not corrected, and nothing else changes.
/// </summary>
public static class Pinyin
{
    private const string TransliteratorId = "Han-Latin; Latin-ASCII";
    private static readonly Lazy<Icu?> Library = new(Icu.TryLoad);

    public static bool IsAvailable => Library.Value is not null;

    // ICU's transliterator is slow next to a lookup (a Chinese knowledge base has thousands of words to sound out at
    // start), so the sound of each character is asked once. Character by character, a polyphonic character always has
    // the same reading: what matters is that a word and its typo are sounded out the same way.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string> Syllables = new();

    /// <summary>The text's pinyin, lower case, a space between syllables; null when ICU is not available.</summary>
    public static string? Of(string text)
    {
        if (Library.Value is not { } icu)
        {
            return null;
        }
        var syllables = new string[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Syllables.TryGetValue(c, out var syllable))
            {
                syllable = icu.Transliterate(c.ToString()) ?? c.ToString();
                // Bounded by the characters there are; a surrogate half sounds like itself.
                Syllables.TryAdd(c, syllable);
            }
            syllables[i] = syllable;
        }
        return string.Join(' ', syllables);
    }

    /// <summary>Is every character a Han ideograph (CJK Unified Ideographs, Extension A, Compatibility)?</summary>
    public static bool IsHan(string text) =>
        text.Length > 0 && text.All(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF');

    private sealed class Icu
    {
        // UTransliterator* utrans_openU(const UChar* id, int32_t idLength, UTransDirection dir, const UChar* rules,
        //     int32_t rulesLength, UParseError* parseError, UErrorCode* status)
        [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
        private delegate IntPtr OpenU(char[] id, int idLength, int direction, IntPtr rules, int rulesLength, IntPtr parseError, ref int status);

        // void utrans_transUChars(const UTransliterator* trans, UChar* text, int32_t* textLength, int32_t textCapacity,
        //     int32_t start, int32_t* limit, UErrorCode* status)
        [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
        private delegate void TransUChars(IntPtr transliterator, [In, Out] char[] text, ref int textLength, int capacity, int start, ref int limit, ref int status);

        private readonly TransUChars _transliterate;
        private readonly IntPtr _transliterator;
        private readonly Lock _lock = new();

        private Icu(TransUChars transliterate, IntPtr transliterator) => (_transliterate, _transliterator) = (transliterate, transliterator);

        public static Icu? TryLoad()
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }
            // ICU names its exports after its major version (utrans_openU_72); some builds also export the plain names.
            foreach (var version in Enumerable.Range(50, 51).Reverse())
            {
                if (!NativeLibrary.TryLoad($"libicui18n.so.{version}", out var library))
                {
                    continue;
                }
                foreach (var suffix in new[] { $"_{version}", "" })
                {
                    if (NativeLibrary.TryGetExport(library, "utrans_openU" + suffix, out var open)
                        && NativeLibrary.TryGetExport(library, "utrans_transUChars" + suffix, out var transliterate))
                    {
                        var status = 0;
                        var id = TransliteratorId.ToCharArray();
                        var handle = Marshal.GetDelegateForFunctionPointer<OpenU>(open)(id, id.Length, 0, IntPtr.Zero, 0, IntPtr.Zero, ref status);
                        // U_ZERO_ERROR is 0, warnings are negative, errors positive.
                        return status <= 0 && handle != IntPtr.Zero ? new Icu(Marshal.GetDelegateForFunctionPointer<TransUChars>(transliterate), handle) : null;
                    }
                }
            }
            return null;
        }

        // The transliterator is shared; ICU does not promise that one may be used from two threads at once.
        public string? Transliterate(string text)
        {
            var capacity = text.Length * 8 + 16;
            var buffer = new char[capacity];
            text.CopyTo(0, buffer, 0, text.Length);
            var length = text.Length;
            var limit = text.Length;
            var status = 0;
            lock (_lock)
            {
                _transliterate(_transliterator, buffer, ref length, capacity, 0, ref limit, ref status);
            }
            return status > 0 ? null : new string(buffer, 0, length).Trim().ToLowerInvariant();
        }
    }
}
