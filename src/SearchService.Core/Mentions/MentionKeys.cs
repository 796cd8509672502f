using System.Text.RegularExpressions;

namespace SearchService.Core.Mentions;

/// <summary>
/// Reading canonical mention keys: the kind a key stands for and a Vietnamese label for people.
/// </summary>
/// <remarks>
/// Keys come in three shapes (see the mentions spec): Party style "05-CT/TW" or, issuer unknown,
/// "703-QĐ", and for one issue of a central number that recurs across congress terms the year of issue
/// after it, "18-NQ/TW/2017" (see <see cref="Extraction.IssueResolver"/>);
/// "703-QĐ"; State style "15/2020/NĐ-CP", "5140/QĐ-UBND", "412/UBND-NV" (and "43/2014/NĐ" when a
/// report gives number and year but no symbol); plenum resolutions "TW4/XII" or "TW4".
/// A key alone cannot tell a decision from a regulation when both are coded QĐ: <see cref="KindOf"/>
/// says "decision" for QĐ and "regulation" for QĐi; the mention itself carries the kind word as written.
/// </remarks>
public static partial class MentionKeys
{
    /// <summary>A label for people: "05-CT/TW" → "Chỉ thị 05-CT/TW", "TW4/XII" → "Nghị quyết Trung ương 4 (khóa XII)",
    /// "15/2020/NĐ-CP" → "Nghị định 15/2020/NĐ-CP". An unreadable key is returned unchanged.</summary>
    /// <remarks>A key the catalogue of central documents holds (a dated key "18-NQ/TW/2017", or the key of a
    /// number with one issue, "05-CT/TW") is labelled with its citation: "Chỉ thị 05-CT/TW ngày 15/5/2016 của
    /// Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh".</remarks>
    public static string Label(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (CentralDocuments.Default.Find(key) is { } central)
        {
            return central.Citation;
        }

        var parts = KeyParts.Parse(key);
        if (parts is null)
        {
            return key;
        }

        if (parts.Plenum is { } plenum)
        {
            return parts.Term is null
                ? $"Nghị quyết Trung ương {plenum}"
                : $"Nghị quyết Trung ương {plenum} (khóa {parts.Term})";
        }

        var kind = parts.Kind;
        return kind is null ? key : $"{kind.Vietnamese} {(parts.Year is not null && !parts.IsState ? key[..key.LastIndexOf('/')] : key)}";
    }

    /// <summary>The English kind of a key ("05-CT/TW" → "directive", "TW4" → "resolution",
    /// "15/2020/NĐ-CP" → "decree", "412/UBND-NV" → "official_letter"); "" when the key is unreadable.</summary>
    public static string KindOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyParts.Parse(key)?.Kind?.Name ?? "";
    }
}

/// <summary>The parts of a canonical key.</summary>
internal sealed partial record KeyParts(
    bool IsState,
    string? Number,
    string? Year,
    string? Code,
    string? Issuer,
    string? StateSymbol,
    int? Plenum,
    string? Term)
{
    public DocumentKind? Kind
    {
        get
        {
            if (Plenum is not null)
            {
                return DocumentKinds.Resolution;
            }

            if (!IsState)
            {
                return Code is null ? null : DocumentKinds.ByCode(Code);
            }

            var byCode = Code is null ? null : DocumentKinds.ByCode(Code);
            if (byCode is not null)
            {
                return byCode;
            }

            // National Assembly laws carry "/QH13"; its standing committee's resolutions "/UBTVQH14";
            // a State symbol without a kind code ("412/UBND-NV") is the official-letter form.
            if (Code is not null && QhCode().IsMatch(Code))
            {
                return DocumentKinds.Law;
            }

            return Code is not null && Code.StartsWith("UBTVQH", StringComparison.Ordinal)
                ? DocumentKinds.Resolution
                : DocumentKinds.OfficialLetter;
        }
    }

    public static KeyParts? Parse(string key)
    {
        var plenum = PlenumKey().Match(key);
        if (plenum.Success)
        {
            return new KeyParts(false, null, null, "NQ", "TW", null, int.Parse(plenum.Groups["p"].Value, System.Globalization.CultureInfo.InvariantCulture),
                plenum.Groups["t"].Success ? plenum.Groups["t"].Value : null);
        }

        var party = PartyKey().Match(key);
        if (party.Success)
        {
            return new KeyParts(false, party.Groups["n"].Value, party.Groups["y"].Success ? party.Groups["y"].Value : null, party.Groups["c"].Value,
                party.Groups["i"].Success ? party.Groups["i"].Value : null, null, null, null);
        }

        var state = StateKey().Match(key);
        if (state.Success)
        {
            var symbol = state.Groups["s"].Value;
            var first = symbol.Split('-')[0];
            var rest = symbol.Contains('-') ? symbol[(symbol.IndexOf('-') + 1)..] : null;
            var hasKindCode = DocumentKinds.ByCode(first) is not null;
            return new KeyParts(true, state.Groups["n"].Value, state.Groups["y"].Success ? state.Groups["y"].Value : null,
                first, hasKindCode ? rest : first, symbol, null, null);
        }

        return null;
    }

    [GeneratedRegex(@"^TW(?<p>\d{1,2})(?:/(?<t>[IVX]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlenumKey();

    [GeneratedRegex(@"^(?<n>\d+[a-z]?)-(?<c>[^\s/\-]+)(?:/(?<i>[^\s/\-]+)(?:/(?<y>(?:19|20)\d\d))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PartyKey();

    [GeneratedRegex(@"^(?<n>\d+[a-z]?)(?:/(?<y>\d{4}))?/(?<s>[^\s/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex StateKey();

    [GeneratedRegex(@"^QH\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex QhCode();
}
