using System.Globalization;
using SearchService.Core.Text;

namespace SearchService.Core.Mentions;

/// <summary>
/// Spelling rules shared by the extractor, the reference parser and the key helpers: codes are
/// written upper-case with their diacritics restored (reports typed without marks write "DU" for
/// "ĐU"), "TƯ" is written "TW", numbers carry at least two digits, Roman numerals are canonical.
/// </summary>
internal static class SymbolText
{
    // Codes whose canonical spelling is not plain upper-case ASCII, keyed by their folded upper-case form.
    private static readonly Dictionary<string, string> Restored = new(StringComparer.Ordinal)
    {
        ["QD"] = "QĐ",
        ["QDI"] = "QĐi",
        ["ND"] = "NĐ",
        ["DA"] = "ĐA",
        ["DU"] = "ĐU",
        ["DUK"] = "ĐUK",
        ["CTR"] = "CTr",
        ["TTG"] = "TTg",
        ["HDND"] = "HĐND",
        ["BCD"] = "BCĐ",
        ["BCĐ"] = "BCĐ",
        ["TƯ"] = "TW",
        ["TTR"] = "TTr",
    };

    private static readonly string[] Romans =
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    /// <summary>One code ("ct", "Qđ", "DU", "TƯ") in its canonical spelling ("CT", "QĐ", "ĐU", "TW").</summary>
    public static string Code(string written)
    {
        var normal = VietnameseText.Normalize(written.Trim());
        var upper = normal.ToUpperInvariant();
        if (upper == "TƯ")
        {
            return "TW";
        }

        var folded = VietnameseText.Fold(upper);
        if (Restored.TryGetValue(folded, out var restored) && (folded == upper || restored.ToUpperInvariant() == upper))
        {
            return restored;
        }

        // Some codes are mixed case by convention ("QLĐTh"): keep a capitalised mixed spelling as written.
        var mixed = normal.Length > 1 && char.IsUpper(normal[0]) && normal.Any(char.IsLower) && normal.Skip(1).Any(char.IsUpper);
        return mixed ? normal : upper;
    }

    /// <summary>A State-style symbol ("nđ-cp", "QĐ-TTG", "UBND - NV") with each part canonical ("NĐ-CP").</summary>
    public static string StateSymbol(string written)
    {
        var parts = written.Split('-', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', parts.Select(Code));
    }

    /// <summary>A Party document number with at least two digits and no other leading zeros ("5" → "05", "005" → "05").</summary>
    public static string PartyNumber(string written)
    {
        var trimmed = written.Trim().TrimStart('0');
        var digits = trimmed.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            trimmed = "0" + trimmed;
            digits = 1;
        }

        return digits < 2 ? "0" + trimmed.ToLowerInvariant() : trimmed.ToLowerInvariant();
    }

    /// <summary>The number without leading zeros, for comparing "5" with "05".</summary>
    public static string Unpadded(string number)
    {
        var trimmed = number.TrimStart('0');
        return trimmed.Length == 0 || !char.IsAsciiDigit(trimmed[0]) ? "0" + trimmed : trimmed;
    }

    /// <summary>Roman ("XII", "xii") or Arabic ("12") numeral from 1 to 20, else null.</summary>
    public static int? Numeral(string written)
    {
        var text = written.Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 20 ? n : null;
        }

        var index = Array.IndexOf(Romans, text.ToUpperInvariant());
        return index > 0 ? index : null;
    }

    /// <summary>Roman numeral of 1 to 20.</summary>
    public static string Roman(int value) => Romans[value];

    /// <summary>Vietnamese ordinal words used in "Hội nghị lần thứ tư" (folded), as numbers.</summary>
    public static int? OrdinalWord(string folded) => folded switch
    {
        "nhat" => 1,
        "hai" => 2,
        "ba" => 3,
        "tu" => 4,
        "nam" => 5,
        "sau" => 6,
        "bay" => 7,
        "tam" => 8,
        "chin" => 9,
        "muoi" => 10,
        "muoi mot" => 11,
        "muoi hai" => 12,
        "muoi ba" => 13,
        "muoi bon" => 14,
        "muoi lam" => 15,
        _ => null,
    };
}
