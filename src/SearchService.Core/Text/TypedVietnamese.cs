using System.Text;

namespace SearchService.Core.Text;

/// <summary>
/// Decodes a query word typed in Telex or VNI with the input method switched off
/// ("quyeets", "quye61t" → "quyết"), and recognises well-formed Vietnamese syllables.
/// </summary>
/// <remarks>
/// A word decodes only when it holds a key that changes something and the result is a syllable
/// <see cref="IsSyllable"/> accepts, so English words and symbols stay as typed. Tones are numbered
/// as VNI numbers them: 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. Output is in the form of
/// <see cref="VietnameseText.Normalize"/> ("hoà", "thuỷ").
/// </remarks>
public static partial class TypedVietnamese
{
    private const string Vowels = "aăâeêioôơuưy";
    private const string MarkedVowels = "ăâêôơư";
    private const string Letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    private const string Circumflex = "aâeêoô";
    private const string TelexTones = "sfrxj";
    private const string VniTones = "12345";
    private const int MaxWordLength = 16;
    private const int MaxDeferredMarks = 2;

    // Onsets, longest first so that "ngh" wins over "ng" and "ng" over "n".
    private static readonly string[] Onsets =
    [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ];

    // Vowel nucleus: the finals it takes ("-" for none). A rhyme is a nucleus and one of its finals.
    private static readonly string[] RhymeTable =
    [
        "a: - c ch m n ng nh p t i o u y", "ă: c m n ng p t", "â: c m n ng p t u y",
        "e: - c m n ng p t o", "ê: - ch m n nh p t u", "i: - ch m n nh p t u",
        "o: - c m n ng p t i", "oo: c ng", "ô: - c m n ng p t i", "ơ: - m n p t i",
        "u: - c m n ng p t i", "ư: - c ng t i u", "y: -",
        "ia: -", "iê: c m n ng p t u", "yê: m n t u", "ua: -", "uô: c m n ng t i", "ưa: -",
        "ươ: c m n ng p t i u", "oa: - c ch m n ng nh p t i y", "oă: c m n ng t", "oe: - n t o",
        "uâ: n ng t y", "uê: - ch n nh", "uơ: -", "uy: - ch n nh p t u", "uya: -", "uyê: n t",
    ];

    // Keys that put a mark on a vowel, as from-to pairs. Telex also doubles a vowel for a circumflex.
    private static readonly Dictionary<char, string> TelexMarks = new() { ['w'] = "aăoơuư" };
    private static readonly Dictionary<char, string> VniMarks = new() { ['6'] = Circumflex, ['7'] = "oơuư", ['8'] = "aă" };

    private static readonly HashSet<string> Rhymes = BuildRhymes();
    private static readonly Dictionary<char, (char Base, int Tone)> ToneOf = [];
    private static readonly Dictionary<char, string> TonedForms = BuildTonedForms();

    /// <summary>
    /// Decodes one raw query word typed in Telex ("truwowngf") or VNI ("tru7o7ng2") to the lower-case,
    /// normalized syllable it stands for ("trường"). False, with <paramref name="decoded"/> the word
    /// unchanged, unless the word is ASCII letters (VNI: and digits 1–9 after the first letter), holds
    /// at least one key that changes something, and decodes to a syllable <see cref="IsSyllable"/> accepts.
    /// </summary>
    public static bool TryDecode(string word, out string decoded)
    {
        ArgumentNullException.ThrowIfNull(word);
        decoded = word;
        if (word.Length is 0 or > MaxWordLength || !char.IsAsciiLetter(word[0]))
        {
            return false;
        }

        var vni = false;
        foreach (var c in word)
        {
            if (c is >= '1' and <= '9')
            {
                vni = true;
            }
            else if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        var result = Decode(word.ToLowerInvariant(), vni);
        if (result is null)
        {
            return false;
        }

        decoded = result;
        return true;
    }

    private static string? Decode(string word, bool vni)
    {
        // The onset is the leading consonants; tone keys only count after it ("sao", "trường").
        var start = 0;
        while (start < word.Length && (IsConsonant(word[start], vni) || (vni && start == 1 && word[start] == '9')))
        {
            start++;
        }

        var onset = word[..start];
        var changed = onset.StartsWith("dd", StringComparison.Ordinal) || onset.StartsWith("d9", StringComparison.Ordinal);
        onset = changed ? "đ" + onset[2..] : onset;
        var marks = vni ? VniMarks : TelexMarks;
        var tones = vni ? VniTones : TelexTones;
        var body = new StringBuilder();
        var deferred = new List<string>();
        var tone = 0;
        foreach (var c in word.AsSpan(start))
        {
            var hasVowel = HasVowel(body);
            var last = body.Length > 0 ? body[^1] : '\0';
            if (tones.Contains(c) || (!vni && c == 'z'))
            {
                var key = tones.IndexOf(c) + 1;
                if (!hasVowel || (key != 0 && key == tone))
                {
                    return null; // a tone before the vowel, or pressed twice (which types the key itself)
                }

                tone = key;
            }
            else if (marks.TryGetValue(c, out var map))
            {
                var from = MarkIndex(map, last);
                if (from >= 0)
                {
                    body[^1] = map[from + 1];
                    if (map.Contains('ư') && last == 'o' && body.Length > 1 && body[^2] == 'u')
                    {
                        body[^2] = 'ư'; // "uow" → "ươ"
                    }
                }
                else if (!hasVowel && !vni)
                {
                    body.Append('ư'); // "w" alone is a vowel: "tw" → "tư"
                }
                else if (!hasVowel || MarkIndex(map[1..], last) >= 0 || deferred.Count == MaxDeferredMarks)
                {
                    return null; // no vowel to mark, or pressed twice ("ww" types "w")
                }
                else
                {
                    deferred.Add(map); // after the final ("nguoiwf"): applies to the vowels
                }

                changed = true;
            }
            else if (!vni && last == c && MarkIndex(Circumflex, c) >= 0)
            {
                body[^1] = Circumflex[MarkIndex(Circumflex, c) + 1];
                changed = true;
            }
            else if (vni && c == '9')
            {
                if (onset != "d")
                {
                    return null;
                }

                (onset, changed) = ("đ", true);
            }
            else
            {
                body.Append(c);
            }
        }

        if (!changed && tone == 0)
        {
            return null;
        }

        IEnumerable<string> bodies = [body.ToString()];
        foreach (var map in deferred)
        {
            bodies = bodies.SelectMany(b => ApplyMark(b, map)).ToList();
        }

        foreach (var candidate in bodies.SelectMany(Variants))
        {
            var syllable = PlaceTone(onset + candidate, tone);
            if (syllable is not null && IsSyllable(syllable))
            {
                return VietnameseText.Normalize(syllable);
            }
        }

        return null;
    }

    // A mark typed after the final: "uo" takes a horn on both, else any vowel the key marks, last first.
    private static IEnumerable<string> ApplyMark(string body, string map)
    {
        var uo = body.IndexOf("uo", StringComparison.Ordinal);
        if (map.Contains('ư') && uo >= 0)
        {
            yield return string.Concat(body.AsSpan(0, uo), "ươ", body.AsSpan(uo + 2));
        }

        for (var i = body.Length - 1; i >= 0; i--)
        {
            var from = MarkIndex(map, body[i]);
            if (from >= 0)
            {
                yield return string.Concat(body.AsSpan(0, i), map[from + 1].ToString(), body.AsSpan(i + 1));
            }
        }
    }

    // "ưo" is how "uwo" or "u7o" comes out, meaning "ươ"; "ươ" without a final is "uơ" ("thuở").
    private static IEnumerable<string> Variants(string body)
    {
        yield return body;
        yield return body.Replace("ưo", "ươ", StringComparison.Ordinal);
        yield return body.Replace("ươ", "uơ", StringComparison.Ordinal);
    }

    private static bool IsConsonant(char c, bool vni) => char.IsAsciiLetter(c) && !Vowels.Contains(c) && (vni || c != 'w');

    private static bool HasVowel(StringBuilder body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (Vowels.Contains(body[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int MarkIndex(string map, char c)
    {
        for (var i = 0; i < map.Length; i += 2)
        {
            if (map[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    // The tone goes on the marked vowel (the ơ of ươ), else on the last vowel before a final consonant,
    // else the middle of three, the second of oa/oe/uy, or the first of two.
    private static string? PlaceTone(string plain, int tone)
    {
        var start = OnsetLength(plain);
        var end = start;
        while (end < plain.Length && Vowels.Contains(plain[end]))
        {
            end++;
        }

        var vowels = plain[start..end];
        if (vowels.Length == 0)
        {
            return null;
        }

        if (tone == 0)
        {
            return plain;
        }

        var marked = vowels.LastIndexOfAny(MarkedVowels.ToCharArray());
        var at = vowels.Length == 1 ? 0
            : marked >= 0 ? marked
            : end < plain.Length ? vowels.Length - 1
            : vowels.Length == 3 ? 1
            : vowels is "oa" or "oe" or "uy" ? 1 : 0;
        var chars = plain.ToCharArray();
        chars[start + at] = TonedForms[chars[start + at]][tone - 1];
        return new string(chars);
    }
}
