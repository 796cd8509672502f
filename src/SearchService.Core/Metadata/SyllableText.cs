using SearchService.Core.Text;

namespace SearchService.Core.Metadata;

/// <summary>
/// A text cut into syllables for diacritic-insensitive matching: the NFC text with one tone placement,
/// its key (lower case, folded, same length) and the start and end of each run of letters or digits.
/// </summary>
internal sealed class SyllableText
{
    private readonly string[] _syllables;

    private SyllableText(string text, string key, int[] starts, int[] ends)
    {
        Text = text;
        Key = key;
        Starts = starts;
        Ends = ends;
        _syllables = new string[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            _syllables[i] = key[starts[i]..ends[i]];
        }
    }

    /// <summary>The normalized text (NFC, one tone placement); offsets below point into it.</summary>
    public string Text { get; }

    /// <summary>Lower-case folded copy of <see cref="Text"/>, same length.</summary>
    public string Key { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    public int Count => Starts.Length;

    public static SyllableText Of(string text)
    {
        var normalized = VietnameseText.Normalize(text ?? "");
        var key = VietnameseText.Key(normalized);
        var starts = new List<int>();
        var ends = new List<int>();
        var i = 0;
        while (i < key.Length)
        {
            if (!char.IsLetterOrDigit(key[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < key.Length && char.IsLetterOrDigit(key[i]))
            {
                i++;
            }

            starts.Add(start);
            ends.Add(i);
        }

        return new SyllableText(normalized, key, [.. starts], [.. ends]);
    }

    /// <summary>The key of syllable <paramref name="index"/> ("phuong").</summary>
    public string Syllable(int index) => _syllables[index];

    /// <summary>True when syllable <paramref name="index"/> exists and its key is <paramref name="value"/>.</summary>
    public bool Is(int index, string value)
        => index >= 0 && index < Count && Ends[index] - Starts[index] == value.Length
            && string.CompareOrdinal(Key, Starts[index], value, 0, value.Length) == 0;

    /// <summary>The keys of <paramref name="length"/> syllables from <paramref name="index"/>, joined by one space.</summary>
    public string Joined(int index, int length) => length == 1 ? _syllables[index] : string.Join(" ", _syllables, index, length);

    /// <summary>
    /// True when syllables index .. index+length-1 could be <paramref name="spelling"/> (lower case,
    /// <see cref="VietnameseText.Normalize"/>d, syllables separated by single spaces): each syllable is
    /// either typed without any marks or with exactly the marks of the spelling, so "buoi" and "bưởi"
    /// fit "bưởi" but "buổi" does not.
    /// </summary>
    public bool Fits(int index, int length, string spelling)
    {
        var parts = spelling.Split(' ');
        if (parts.Length != length)
        {
            return false;
        }

        for (var k = 0; k < length; k++)
        {
            var typed = Text.AsSpan(Starts[index + k], Ends[index + k] - Starts[index + k]);
            if (!VietnameseText.HasDiacritics(typed))
            {
                continue;
            }

            if (!VietnameseText.ToLower(typed.ToString()).Equals(parts[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every syllable from index on starts with a capital letter or a digit (a proper name).</summary>
    public bool IsProperName(int index, int length)
    {
        for (var k = index; k < index + length; k++)
        {
            var first = Text[Starts[k]];
            if (!char.IsUpper(first) && !char.IsDigit(first))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The characters between syllable <paramref name="index"/> and the next one.</summary>
    public ReadOnlySpan<char> GapAfter(int index)
        => index + 1 < Count ? Key.AsSpan(Ends[index], Starts[index + 1] - Ends[index]) : Key.AsSpan(Ends[index]);

    /// <summary>True when the syllables from <paramref name="index"/> on are separated by blanks only (one name).</summary>
    public bool IsContiguous(int index, int length) => IsJoined(index, length, allowDashAndComma: false);

    /// <summary>
    /// True when the syllables from <paramref name="index"/> on are separated by blanks, and with
    /// <paramref name="allowDashAndComma"/> also dashes and commas ("xanh - sạch - đẹp", "kiểm tra, giám sát"),
    /// but never by the end of a sentence or a line.
    /// </summary>
    public bool IsJoined(int index, int length, bool allowDashAndComma)
    {
        for (var k = index; k < index + length - 1; k++)
        {
            foreach (var c in GapAfter(k))
            {
                var ok = c is ' ' or '\u00A0' or '\t' || (allowDashAndComma && c is '-' or '–' or '—' or ',');
                if (!ok)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when the original syllable starts with a capital letter.</summary>
    public bool IsCapitalized(int index) => char.IsUpper(Text[Starts[index]]);

    /// <summary>The original text of syllables index .. index+length-1.</summary>
    public string Original(int index, int length) => Text[Starts[index]..Ends[index + length - 1]];
}
