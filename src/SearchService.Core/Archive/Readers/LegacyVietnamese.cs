using System.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>The pre-Unicode Vietnamese encodings still found in archived documents.</summary>
public enum LegacyEncoding
{
    /// <summary>TCVN 5712:1993 VN3, "ABC": the .VnTime fonts (.VnTimeH and the other -H fonts show capitals).</summary>
    Tcvn3,

    /// <summary>VNI Windows: ASCII letters followed by mark bytes, the VNI-Times fonts.</summary>
    Vni,

    /// <summary>VISCII (RFC 1456).</summary>
    Viscii,

    /// <summary>Windows code page 1258, tones as separate combining bytes.</summary>
    Windows1258,
}

/// <summary>
/// Decodes the legacy Vietnamese encodings and recognises them: by font name where the format has one,
/// otherwise by decoding with each candidate and keeping the one whose words are Vietnamese syllables.
/// Generic charset detectors read TCVN3 and VNI as Western European text; this does not use them.
/// </summary>
public static partial class LegacyVietnamese
{
    /// <summary>Least share of Vietnamese syllables among the words for a decoding to win.</summary>
    public const double WinningShare = 0.6;

    /// <summary>How much better than the text as it is a decoding must score to replace it.</summary>
    public const double WinningMargin = 0.15;

    /// <summary>Fewest words for a decision by score: a shorter text is left as it is.</summary>
    public const int MinimumWords = 3;

    private const string Tcvn3FromA1 = "\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0";
    private const string VisciiFrom80 = "\u1EA0\u1EAE\u1EB0\u1EB6\u1EA4\u1EA6\u1EA8\u1EAC\u1EBC\u1EB8\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1ED0\u1ED2\u1ED4\u1ED6\u1ED8\u1EE2\u1EDA\u1EDC\u1EDE\u1ECA\u1ECE\u1ECC\u1EC8\u1EE6\u0168\u1EE4\u1EF2\u00D5\u1EAF\u1EB1\u1EB7\u1EA5\u1EA7\u1EA9\u1EAD\u1EBD\u1EB9\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1ED1\u1ED3\u1ED5\u1ED7\u1EE0\u01A0\u1ED9\u1EDD\u1EDF\u1ECB\u1EF0\u1EE8\u1EEA\u1EEC\u01A1\u1EDB\u01AF\u00C0\u00C1\u00C2\u00C3\u1EA2\u0102\u1EB3\u1EB5\u00C8\u00C9\u00CA\u1EBA\u00CC\u00CD\u0128\u1EF3\u0110\u1EE9\u00D2\u00D3\u00D4\u1EA1\u1EF7\u1EEB\u1EED\u00D9\u00DA\u1EF9\u1EF5\u00DD\u1EE1\u01B0\u00E0\u00E1\u00E2\u00E3\u1EA3\u0103\u1EEF\u1EAB\u00E8\u00E9\u00EA\u1EBB\u00EC\u00ED\u0129\u1EC9\u0111\u1EF1\u00F2\u00F3\u00F4\u00F5\u1ECF\u1ECD\u1EE5\u00F9\u00FA\u0169\u1EE7\u00FD\u1EE3\u1EEE";

    private static readonly Encoding Windows1252;
    private static readonly Encoding Windows1258;
    private static readonly Dictionary<char, byte> Windows1252Bytes = [];

    static LegacyVietnamese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        Windows1258 = Encoding.GetEncoding(1258);
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var c = Windows1252.GetString([(byte)b])[0];
            Windows1252Bytes.TryAdd(c, (byte)b);
        }
    }

    /// <summary>The name used in statuses: "TCVN3", "VNI", "VISCII", "windows-1258".</summary>
    public static string Name(LegacyEncoding encoding) => encoding switch
    {
        LegacyEncoding.Tcvn3 => "TCVN3",
        LegacyEncoding.Vni => "VNI",
        LegacyEncoding.Viscii => "VISCII",
        _ => "windows-1258",
    };

    /// <summary>
    /// The encoding a font name implies: ".VnTime", ".VnArialH" (TCVN3), "VNI-Times" (VNI), "VISCII"/"VI Times"
    /// fonts; null for a Unicode font. <paramref name="capitals"/> is true for the TCVN3 capital fonts (".VnTimeH").
    /// </summary>
    public static LegacyEncoding? FromFontName(string? fontName, out bool capitals)
    {
        capitals = false;
        if (string.IsNullOrWhiteSpace(fontName))
        {
            return null;
        }

        // PDF subset fonts are named "ABCDEF+.VnTime"; CSS names come quoted.
        var name = fontName.Trim().Trim('"', '\'');
        var plus = name.IndexOf('+');
        if (plus == 6)
        {
            name = name[(plus + 1)..];
        }

        name = name.Replace(",", "-", StringComparison.Ordinal);
        if (name.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Vn", StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[2]))
        {
            var family = name.Split('-', ' ')[0];
            capitals = family.Length > 3 && family.EndsWith('H');
            return LegacyEncoding.Tcvn3;
        }

        if (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase))
        {
            return LegacyEncoding.Vni;
        }

        if (name.StartsWith("VISCII", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VI ", StringComparison.Ordinal))
        {
            return LegacyEncoding.Viscii;
        }

        return null;
    }

    /// <summary>Decodes bytes of the given encoding to NFC text.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, LegacyEncoding encoding)
    {
        var text = encoding switch
        {
            LegacyEncoding.Tcvn3 => DecodeTable(bytes, Tcvn3Char),
            LegacyEncoding.Viscii => DecodeTable(bytes, VisciiChar),
            LegacyEncoding.Vni => DecodeVni(Windows1252.GetString(bytes)),
            _ => Windows1258.GetString(bytes),
        };
        return text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Decodes text whose characters are the bytes of a legacy encoding, as Word, PDF and HTML keep the
    /// text of a legacy font (each byte read as Windows-1252). Characters that are no such byte stay.
    /// </summary>
    public static string DecodeChars(string text, LegacyEncoding encoding, bool capitals = false)
    {
        var result = new StringBuilder(text.Length);
        var bytes = new List<byte>(text.Length);
        void Flush()
        {
            if (bytes.Count > 0)
            {
                result.Append(Decode(bytes.ToArray(), encoding));
                bytes.Clear();
            }
        }

        foreach (var c in text)
        {
            if (ToLegacyByte(c) is { } b)
            {
                bytes.Add(b);
            }
            else
            {
                Flush();
                result.Append(c);
            }
        }

        Flush();
        var decoded = result.ToString().Normalize(NormalizationForm.FormC);
        return capitals ? decoded.ToUpperInvariant() : decoded;
    }

    /// <summary>What <see cref="Detect"/> decided.</summary>
    /// <param name="Encoding">The winning encoding, or null when none won.</param>
    /// <param name="Share">Share of Vietnamese syllables in the winner's text (or in the best candidate's).</param>
    public sealed record Detection(string? Text, LegacyEncoding? Encoding, double Share);

    /// <summary>
    /// Bytes that are not UTF-8: decoded with each legacy encoding; the candidate with the largest share
    /// of Vietnamese syllables wins if that share reaches <see cref="WinningShare"/>. No winner: Text is null.
    /// </summary>
    public static Detection Detect(ReadOnlySpan<byte> bytes)
    {
        string? best = null;
        LegacyEncoding? bestEncoding = null;
        var bestShare = -1.0;
        var words = 0;
        foreach (var candidate in Enum.GetValues<LegacyEncoding>())
        {
            var text = Decode(bytes, candidate);
            var (share, count) = VietnameseSyllables.Score(text);
            if (share > bestShare)
            {
                (best, bestEncoding, bestShare, words) = (text, candidate, share, count);
            }
        }

        return bestShare >= WinningShare && words >= MinimumWords
            ? new Detection(best, bestEncoding, bestShare)
            : new Detection(null, null, Math.Max(bestShare, 0));
    }

    /// <summary>
    /// Unicode text that may hold legacy bytes read as Windows-1252 characters ("Ph\u00ADêng" for "Phường"):
    /// repaired when a candidate scores clearly better than the text as it is; otherwise returned unchanged.
    /// </summary>
    public static (string Text, LegacyEncoding? Encoding) Repair(string text)
    {
        if (!LooksLegacy(text))
        {
            return (text, null);
        }

        var (asIs, words) = VietnameseSyllables.Score(text);
        if (words < MinimumWords)
        {
            return (text, null);
        }

        string? best = null;
        LegacyEncoding? bestEncoding = null;
        var bestShare = asIs;
        foreach (var candidate in Enum.GetValues<LegacyEncoding>())
        {
            var decoded = DecodeChars(text, candidate);
            var (share, _) = VietnameseSyllables.Score(decoded);
            if (share > bestShare)
            {
                (best, bestEncoding, bestShare) = (decoded, candidate, share);
            }
        }

        return best is not null && bestShare >= WinningShare && bestShare - asIs >= WinningMargin
            ? (best, bestEncoding)
            : (text, null);
    }

    private static bool LooksLegacy(string text)
    {
        // Legacy text read as Windows-1252 is full of Latin-1 letters and symbols (¸ µ ­ ª ø ö); Unicode
        // Vietnamese has letters beyond U+00FF (ư, ơ, đ, ạ …).
        var latin1 = 0;
        var beyond = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u00FF')
            {
                latin1++;
            }
            else if (c > '\u00FF' && char.IsLetter(c))
            {
                beyond++;
            }
        }

        return latin1 > 0 && latin1 >= beyond;
    }

    private static byte? ToLegacyByte(char c)
    {
        if (c < 0x80)
        {
            return (byte)c;
        }

        if (c <= 0xFF && !(c >= 0x80 && c <= 0x9F))
        {
            return (byte)c;
        }

        return Windows1252Bytes.TryGetValue(c, out var b) ? b : null;
    }

    private static string DecodeTable(ReadOnlySpan<byte> bytes, Func<byte, char> map)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = map(bytes[i]);
        }

        return new string(chars);
    }

    // TCVN3 (ABC): ASCII, then Windows-1252 punctuation in 0x80–0x9F as the .Vn fonts draw it, then the letters.
    private static char Tcvn3Char(byte b) => b switch
    {
        < 0x80 => (char)b,
        <= 0xA0 => Windows1252.GetString([b])[0],
        _ => Tcvn3FromA1[b - 0xA1],
    };

    private static char VisciiChar(byte b) => b switch
    {
        0x02 => 'Ẳ',
        0x05 => 'Ẵ',
        0x06 => 'Ẫ',
        0x14 => 'Ỷ',
        0x19 => 'Ỹ',
        0x1E => 'Ỵ',
        < 0x80 => (char)b,
        _ => VisciiFrom80[b - 0x80],
    };
}
