using System.Globalization;
using System.Text;

namespace SearchService.Core.Text;

/// <summary>
/// Character-level Vietnamese text operations shared by analysis, metadata extraction and the
/// mention extractor: Unicode NFC, one tone-mark placement, and diacritic folding.
/// </summary>
/// <remarks>
/// Tone placement: in the open diphthongs "oa", "oe" and "uy" the tone mark is written either on
/// the first vowel ("hòa", "khóa", "ủy") or on the second ("hoà", "khoá", "uỷ"). Both occur in the
/// archive, often in one report. We fold to the second-vowel form, which is also the form of the
/// word list in the shared lexicon, so dictionary look-ups work on normalized text.
/// Every operation here keeps the length of an NFC string, so offsets survive it.
/// </remarks>
public static class VietnameseText
{
    private const string ToneO = "òóỏõọ";
    private const string ToneOUpper = "ÒÓỎÕỌ";
    private const string ToneU = "ùúủũụ";
    private const string ToneUUpper = "ÙÚỦŨỤ";
    private const string ToneA = "àáảãạ";
    private const string ToneAUpper = "ÀÁẢÃẠ";
    private const string ToneE = "èéẻẽẹ";
    private const string ToneEUpper = "ÈÉẺẼẸ";
    private const string ToneY = "ỳýỷỹỵ";
    private const string ToneYUpper = "ỲÝỶỸỴ";

    // Folding table for the Latin ranges Vietnamese uses; other characters map to themselves.
    private static readonly char[] FoldTable = BuildFoldTable();

    // Invariant lower case of the ranges Vietnamese text lives in (Latin, Latin Extended Additional,
    // punctuation): char.ToLowerInvariant goes through ICU for every non-ASCII letter, which made
    // lower-casing a quarter of the ingest time.
    private static readonly char[] LowerTable = BuildLowerTable();

    /// <summary>NFC, then the tone placement of this archive. Length-preserving once in NFC.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (!NeedsToneNormalization(nfc))
        {
            return nfc;
        }

        var chars = nfc.ToCharArray();
        NormalizeToneInPlace(chars);
        return new string(chars);
    }

    /// <summary>Moves the tone mark of "oa", "oe", "uy" onto the second vowel, in place (NFC input).</summary>
    public static void NormalizeToneInPlace(Span<char> text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var c = text[i];
            var next = text[i + 1];
            int tone;
            if ((tone = ToneO.IndexOf(c)) >= 0 || (tone = ToneOUpper.IndexOf(c)) >= 0)
            {
                var upper = char.IsUpper(c);
                if (next is 'a' or 'A')
                {
                    text[i] = upper ? 'O' : 'o';
                    text[i + 1] = next == 'a' ? ToneA[tone] : ToneAUpper[tone];
                }
                else if (next is 'e' or 'E')
                {
                    text[i] = upper ? 'O' : 'o';
                    text[i + 1] = next == 'e' ? ToneE[tone] : ToneEUpper[tone];
                }
            }
            else if ((tone = ToneU.IndexOf(c)) >= 0 || (tone = ToneUUpper.IndexOf(c)) >= 0)
            {
                if (next is 'y' or 'Y' && !IsVowelAfter(text, i + 2))
                {
                    var upper = char.IsUpper(c);
                    text[i] = upper ? 'U' : 'u';
                    text[i + 1] = next == 'y' ? ToneY[tone] : ToneYUpper[tone];
                }
            }
        }
    }

    /// <summary>True when the text has a toned o/u before a/e/y, that is, a placement to fold.</summary>
    public static bool NeedsToneNormalization(ReadOnlySpan<char> text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00C0')
            {
                continue;
            }

            if ((ToneO.Contains(c) || ToneOUpper.Contains(c)) && text[i + 1] is 'a' or 'A' or 'e' or 'E')
            {
                return true;
            }

            if ((ToneU.Contains(c) || ToneUUpper.Contains(c)) && text[i + 1] is 'y' or 'Y')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The letter without tone or vowel marks, "đ" as "d"; case is kept.</summary>
    public static char Fold(char c) => c < FoldTable.Length ? FoldTable[c] : c;

    /// <summary>Removes tone and vowel marks and maps đ to d, in place. Expects NFC.</summary>
    public static void FoldInPlace(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u00C0' && c < FoldTable.Length)
            {
                text[i] = FoldTable[c];
            }
        }
    }

    /// <summary>Folded copy of an NFC string ("Chỉ thị" → "Chi thi").</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasDiacritics(text))
        {
            return text;
        }

        var chars = text.ToCharArray();
        FoldInPlace(chars);
        return new string(chars);
    }

    /// <summary>True when any character would change under <see cref="Fold(char)"/>.</summary>
    public static bool HasDiacritics(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00C0' && c < FoldTable.Length && FoldTable[c] != c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lower-cases Vietnamese correctly (Đ → đ, Ử → ử) independent of the current culture; the same result
    /// as <see cref="string.ToLowerInvariant"/>, length-preserving.
    /// </summary>
    public static string ToLower(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && ToLower(text[i]) == text[i] && !char.IsSurrogate(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        ToLowerInPlace(chars.AsSpan(i));
        return new string(chars);
    }

    /// <summary>Invariant lower case of one UTF-16 unit (surrogates unchanged).</summary>
    public static char ToLower(char c) => c < LowerTable.Length ? LowerTable[c] : char.ToLowerInvariant(c);

    /// <summary>As <see cref="ToLower(string)"/>, in place; surrogate pairs are lower-cased as code points.</summary>
    public static void ToLowerInPlace(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < LowerTable.Length)
            {
                text[i] = LowerTable[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Span<char> pair = [c, text[i + 1]];
                pair.ToLowerInvariant(text.Slice(i, 2));
                i++;
            }
            else if (!char.IsSurrogate(c))
            {
                text[i] = char.ToLowerInvariant(c);
            }
        }
    }

    /// <summary>NFC, tone placement, lower case and folding: the key two spellings of a name share.</summary>
    public static string Key(string text)
    {
        var chars = Normalize(text).ToCharArray();
        ToLowerInPlace(chars);
        FoldInPlace(chars);
        return new string(chars);
    }

    private static bool IsVowelAfter(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return false;
        }

        var folded = char.ToLowerInvariant(Fold(text[index]));
        return folded is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
    }

    private static char[] BuildLowerTable()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = char.ToLowerInvariant((char)i);
        }

        return table;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        for (var i = 0xC0; i < table.Length; i++)
        {
            if (i is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var decomposed = ((char)i).ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed[0];
            if (decomposed.Length > 1 && baseChar < 0x80 && char.IsLetter(baseChar)
                && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark)
            {
                table[i] = baseChar;
            }
        }

        table['đ'] = 'd';
        table['Đ'] = 'D';
        return table;
    }
}
