using System.Text;

namespace SearchService.Core.Text;

/// <summary>The syllable inventory the decoding checks its readings against: onsets, rhymes, tones and the spelling rules.</summary>
public static partial class TypedVietnamese
{
    /// <summary>
    /// True when a lower-case NFC string is one well-formed Vietnamese syllable: an onset, a rhyme
    /// from the inventory, at most one tone, the spelling rules of c/k, g/gh, ng/ngh, and only sắc
    /// or nặng on a rhyme closed by c, ch, p or t. Either tone placement ("hòa", "hoà") is accepted.
    /// </summary>
    public static bool IsSyllable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bases = new char[text.Length];
        var tone = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (ToneOf.TryGetValue(text[i], out var toned))
            {
                if (tone != 0)
                {
                    return false;
                }

                (bases[i], tone) = toned;
            }
            else if (Letters.Contains(text[i]))
            {
                bases[i] = text[i];
            }
            else
            {
                return false;
            }
        }

        var plain = new string(bases);
        var onset = plain[..OnsetLength(plain)];
        var rhyme = plain[onset.Length..];
        if (onset == "gi" && rhyme.StartsWith('ê'))
        {
            rhyme = "i" + rhyme; // "giếng" is gi + iêng with one i written
        }

        if (!Rhymes.Contains(rhyme) || !FitsOnset(onset, rhyme))
        {
            return false;
        }

        var stopFinal = rhyme[^1] is 'c' or 'p' or 't' || rhyme.EndsWith("ch", StringComparison.Ordinal);
        return !stopFinal || tone is 1 or 5;
    }

    private static int OnsetLength(string plain)
    {
        foreach (var onset in Onsets)
        {
            if (plain.StartsWith(onset, StringComparison.Ordinal))
            {
                // "gì", "gìn": with no vowel after "gi", its i is the vowel.
                return onset == "gi" && (plain.Length == 2 || !Vowels.Contains(plain[2])) ? 1 : onset.Length;
            }
        }

        return 0;
    }

    // Spelling rules: k/gh/ngh before e ê i (y), c/g/ng elsewhere; qu before a vowel other than o u ư;
    // yê with no onset (or qu), iê after one.
    private static bool FitsOnset(string onset, string rhyme)
    {
        var first = rhyme[0];
        var front = first is 'e' or 'ê' or 'i';
        return onset switch
        {
            "c" when front || first == 'y' => false,
            "k" when !front && first != 'y' => false,
            "g" when first is 'e' or 'ê' => false,
            "gh" or "ngh" when !front => false,
            "ng" when front => false,
            "qu" when first is 'o' or 'u' or 'ư' => false,
            _ when rhyme.StartsWith("yê", StringComparison.Ordinal) => onset is "" or "qu",
            _ when rhyme.StartsWith("iê", StringComparison.Ordinal) => onset.Length > 0,
            _ => true,
        };
    }

    private static HashSet<string> BuildRhymes()
    {
        var rhymes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in RhymeTable)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var nucleus = parts[0].TrimEnd(':');
            foreach (var final in parts.Skip(1))
            {
                rhymes.Add(final == "-" ? nucleus : nucleus + final);
            }
        }

        return rhymes;
    }

    // Each vowel with sắc, huyền, hỏi, ngã, nặng, composed from combining marks so the forms are NFC.
    private static Dictionary<char, string> BuildTonedForms()
    {
        const string marks = "\u0301\u0300\u0309\u0303\u0323";
        var forms = new Dictionary<char, string>();
        foreach (var vowel in Vowels)
        {
            var toned = new char[marks.Length];
            for (var t = 0; t < marks.Length; t++)
            {
                toned[t] = string.Concat(vowel.ToString(), marks[t].ToString()).Normalize(NormalizationForm.FormC)[0];
                ToneOf[toned[t]] = (vowel, t + 1);
            }

            forms[vowel] = new string(toned);
        }

        return forms;
    }
}
