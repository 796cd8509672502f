using System.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>VNI: decoding the letters and following marks of VNI fonts, and encoding into them (for tests and samples).</summary>
public static partial class LegacyVietnamese
{
    // VNI: letters carry their marks as following characters (read as Windows-1252).
    private static readonly Dictionary<char, string> VniLetters = new()
    {
        ['ñ'] = "đ", ['Ñ'] = "Đ", ['ö'] = "ư", ['Ö'] = "Ư", ['ô'] = "ơ", ['Ô'] = "Ơ",
        ['ò'] = "ị", ['Ò'] = "Ị", ['æ'] = "ỉ", ['Æ'] = "Ỉ", ['ó'] = "ĩ", ['Ó'] = "Ĩ",
        ['î'] = "ỵ", ['Î'] = "Ỵ", ['í'] = "í", ['Í'] = "Í", ['ì'] = "ì", ['Ì'] = "Ì",
    };

    private static readonly Dictionary<char, string> VniMarks = new()
    {
        ['ù'] = "\u0301", ['Ù'] = "\u0301", ['ø'] = "\u0300", ['Ø'] = "\u0300", ['û'] = "\u0309", ['Û'] = "\u0309",
        ['õ'] = "\u0303", ['Õ'] = "\u0303", ['ï'] = "\u0323", ['Ï'] = "\u0323",
        ['â'] = "\u0302", ['Â'] = "\u0302", ['ê'] = "\u0306", ['Ê'] = "\u0306",
        ['á'] = "\u0302\u0301", ['Á'] = "\u0302\u0301", ['à'] = "\u0302\u0300", ['À'] = "\u0302\u0300",
        ['å'] = "\u0302\u0309", ['Å'] = "\u0302\u0309", ['ã'] = "\u0302\u0303", ['Ã'] = "\u0302\u0303",
        ['ä'] = "\u0302\u0323", ['Ä'] = "\u0302\u0323",
        ['é'] = "\u0306\u0301", ['É'] = "\u0306\u0301", ['è'] = "\u0306\u0300", ['È'] = "\u0306\u0300",
        ['ú'] = "\u0306\u0309", ['Ú'] = "\u0306\u0309", ['ü'] = "\u0306\u0303", ['Ü'] = "\u0306\u0303",
        ['ë'] = "\u0306\u0323", ['Ë'] = "\u0306\u0323",
    };

    private static string DecodeVni(string chars)
    {
        var result = new StringBuilder(chars.Length);
        var lastBase = '\0';
        var marksOnLast = 0;
        foreach (var c in chars)
        {
            if (lastBase != '\0' && VniMarks.TryGetValue(c, out var marks) && CanTake(lastBase, marks, marksOnLast))
            {
                result.Append(marks);
                marksOnLast += marks.Length;
                continue;
            }

            if (VniLetters.TryGetValue(c, out var letter))
            {
                result.Append(letter);
                lastBase = letter[0] is 'ư' or 'Ư' or 'ơ' or 'Ơ' ? letter[0] : '\0';
                marksOnLast = 0;
                continue;
            }

            result.Append(c);
            lastBase = "aeiouyAEIOUY".Contains(c) ? c : '\0';
            marksOnLast = 0;
        }

        return result.ToString();
    }

    // A circumflex goes on a, e, o; a breve on a; a tone on any vowel, once.
    private static bool CanTake(char vowel, string marks, int marksBefore)
    {
        var lower = char.ToLowerInvariant(vowel);
        if (marks[0] == '\u0302')
        {
            return marksBefore == 0 && lower is 'a' or 'e' or 'o';
        }

        if (marks[0] == '\u0306')
        {
            return marksBefore == 0 && lower == 'a';
        }

        return marksBefore == 0 || marksBefore == 1;
    }

    private static byte[]? EncodeVni(string nfc)
    {
        var output = new StringBuilder();
        foreach (var c in nfc)
        {
            if (c < 0x80)
            {
                output.Append(c);
                continue;
            }

            var upper = char.IsUpper(c);
            var (baseLetter, modifier, tone) = Split(c);
            string? piece = (char.ToLowerInvariant(c), modifier, tone) switch
            {
                ('đ', _, _) => "ñ",
                (_, '\u031B', _) when char.ToLowerInvariant(baseLetter) == 'u' => "ö" + ToneMark(tone),
                (_, '\u031B', _) when char.ToLowerInvariant(baseLetter) == 'o' => "ô" + ToneMark(tone),
                (_, '\0', _) when char.ToLowerInvariant(baseLetter) == 'i' => tone switch
                {
                    '\u0301' => "í", '\u0300' => "ì", '\u0309' => "æ", '\u0303' => "ó", '\u0323' => "ò", _ => null,
                },
                (_, '\0', '\u0323') when char.ToLowerInvariant(baseLetter) == 'y' => "î",
                (_, '\0', not '\0') when "aeouy".Contains(char.ToLowerInvariant(baseLetter)) => char.ToLowerInvariant(baseLetter) + ToneMark(tone),
                (_, '\u0302', _) => char.ToLowerInvariant(baseLetter) + tone switch
                {
                    '\0' => "â", '\u0301' => "á", '\u0300' => "à", '\u0309' => "å", '\u0303' => "ã", _ => "ä",
                },
                (_, '\u0306', _) => "a" + tone switch
                {
                    '\0' => "ê", '\u0301' => "é", '\u0300' => "è", '\u0309' => "ú", '\u0303' => "ü", _ => "ë",
                },
                _ => null,
            };
            if (piece is null)
            {
                if (c <= 0xFF && !VniLetters.ContainsKey(c) && !VniMarks.ContainsKey(c))
                {
                    output.Append(c);
                    continue;
                }

                return null;
            }

            output.Append(upper ? piece.ToUpperInvariant() : piece);
        }

        var strict = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return strict.GetBytes(output.ToString());
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A letter's base, its modifier (circumflex, breve, horn) and its tone, each '\0' when absent.</summary>
    private static (char Letter, char Modifier, char Tone) Split(char c)
    {
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        var modifier = '\0';
        var tone = '\0';
        foreach (var mark in d.AsSpan(1))
        {
            if (mark is '\u0302' or '\u0306' or '\u031B')
            {
                modifier = mark;
            }
            else if (mark is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                tone = mark;
            }
        }

        return (d[0], modifier, tone);
    }

    private static string ToneMark(char tone) => tone switch
    {
        '\u0301' => "ù",
        '\u0300' => "ø",
        '\u0309' => "û",
        '\u0303' => "õ",
        '\u0323' => "ï",
        _ => "",
    };
}
