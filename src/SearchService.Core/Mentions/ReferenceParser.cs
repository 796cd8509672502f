using System.Text.RegularExpressions;
using SearchService.Core.Mentions.Extraction;
using SearchService.Core.Text;

namespace SearchService.Core.Mentions;

/// <summary>
/// Reads a document reference as a person types it, in Vietnamese or English, with or without
/// diacritics: "Directive 05", "chi thi 05", "Chỉ thị số 05-CT/TƯ", "05-CT/TW", "Resolution TW4",
/// "NQ TW4", "Nghị quyết Trung ương 4 khóa XII", "Decision 217", "15/2020/NĐ-CP", "Đề án 15",
/// "Kết luận 01", "official letter 139", "chỉ thị 05 của Bộ Chính trị", and one issue of a recurring central
/// number by its dated key, "18-NQ/TW/2017". Never throws on bad input.
/// </summary>
public static partial class ReferenceParser
{
    private const string Examples = "expected e.g. \"Directive 05\", \"Chỉ thị 05-CT/TW\", \"NQ TW4\", \"15/2020/NĐ-CP\"";

    /// <summary>Parses <paramref name="input"/>; on failure <paramref name="reference"/> is null and
    /// <paramref name="error"/> says why in English ("not a document reference: \"hello\" …").</summary>
    public static bool TryParse(string input, out DocumentReference? reference, out string error)
    {
        reference = null;
        error = "";
        var typed = VietnameseText.Normalize(input ?? "").Trim();
        if (typed.Length == 0)
        {
            error = $"not a document reference: the reference is empty ({Examples})";
            return false;
        }

        if (typed.Length > 200)
        {
            error = $"not a document reference: the reference is longer than 200 characters ({Examples})";
            return false;
        }

        // Same length as typed, so group offsets point into the typed text too.
        var folded = VietnameseText.Fold(typed.ToLowerInvariant());
        reference = ParsePlenum(typed, folded) ?? ParseSymbol(typed, folded) ?? ParseKindAndNumber(typed, folded);
        if (reference is null)
        {
            error = $"not a document reference: \"{input}\" ({Examples})";
            return false;
        }

        return true;
    }

    private static DocumentReference? ParsePlenum(string typed, string folded)
    {
        var m = PlenumReference().Match(folded);
        if (!m.Success)
        {
            return null;
        }

        var kindWord = m.Groups["k"];
        if (kindWord.Success && !IsResolutionWord(kindWord.Value))
        {
            return null;
        }

        var tw = m.Groups["tw"];
        if (tw.Success && tw.Value == "tu" && typed[tw.Index + 1] is not ('Ư' or 'ư') && VietnameseText.HasDiacritics(typed))
        {
            // "TU" is the Thành ủy code; typed with diacritics, only "TƯ" stands for the Central Committee. Typed
            // without any ("NQ TU 4 khoa XII"), a plenum can only be the Central Committee's: no other is parsed.
            return null;
        }

        var p = m.Groups["p"];

        var plenum = SymbolText.Numeral(p.Value);
        if (plenum is null)
        {
            return null;
        }

        string? term = null;
        if (m.Groups["t"].Success)
        {
            var t = SymbolText.Numeral(m.Groups["t"].Value);
            if (t is null)
            {
                return null;
            }

            term = SymbolText.Roman(t.Value);
        }

        var key = term is null ? null : $"TW{plenum}/{term}";
        return new DocumentReference(typed, "resolution", null, "NQ", "TW", null, plenum, term, key);
    }

    private static DocumentReference? ParseSymbol(string typed, string folded)
    {
        var m = SymbolReference().Match(folded);
        if (!m.Success)
        {
            return null;
        }

        DocumentKind? kind = null;
        if (m.Groups["k"].Success)
        {
            kind = KindOf(m.Groups["k"].Value);
            if (kind is null)
            {
                return null;
            }
        }

        var n = m.Groups["n"].Value;
        if (m.Groups["pc"].Success)
        {
            var code = SymbolText.Code(typed.Substring(m.Groups["pc"].Index, m.Groups["pc"].Length));
            var codeKind = DocumentKinds.ByCode(code);
            if (codeKind is null)
            {
                return null;
            }

            var issuer = m.Groups["pi"].Success ? SymbolText.Code(typed.Substring(m.Groups["pi"].Index, m.Groups["pi"].Length)) : null;
            issuer ??= IssuerOfPhrase(m.Groups["body"]);
            var number = SymbolText.PartyNumber(n);
            var issueYear = m.Groups["py"].Success ? m.Groups["py"].Value : null;
            var key = issuer is null ? null : issueYear is null ? $"{number}-{code}/{issuer}" : $"{number}-{code}/{issuer}/{issueYear}";
            return new DocumentReference(typed, (kind ?? codeKind).Name, SymbolText.Unpadded(n), code, issuer, issueYear, null, null, key);
        }

        var symbol = SymbolText.StateSymbol(typed.Substring(m.Groups["sc"].Index, m.Groups["sc"].Length));
        var year = m.Groups["y"].Success ? m.Groups["y"].Value : null;
        var stateKey = year is null ? $"{n}/{symbol}" : $"{n}/{year}/{symbol}";
        var parts = KeyParts.Parse(stateKey);
        return new DocumentReference(typed, (kind ?? parts?.Kind)?.Name, SymbolText.Unpadded(n), parts?.Code, parts?.Issuer, year, null, null, stateKey);
    }

    private static DocumentReference? ParseKindAndNumber(string typed, string folded)
    {
        var m = KindNumberReference().Match(folded);
        if (!m.Success)
        {
            return null;
        }

        var kind = KindOf(m.Groups["k"].Value);
        if (kind is null)
        {
            return null;
        }

        var n = m.Groups["n"].Value;
        var year = m.Groups["y"].Success ? m.Groups["y"].Value : null;
        var issuer = IssuerOfPhrase(m.Groups["body"]);
        if (kind == DocumentKinds.Law && year is null)
        {
            return null;
        }

        var key = issuer is null || kind.Code is null ? null : $"{SymbolText.PartyNumber(n)}-{kind.Code}/{issuer}";
        if (kind == DocumentKinds.Regulation)
        {
            // The key of a regulation may say QĐ or QĐi; only an open reference can match both.
            key = null;
        }

        return new DocumentReference(typed, kind.Name, SymbolText.Unpadded(n), kind.Code, issuer, year, null, null, key);
    }

    private static string? IssuerOfPhrase(Group body)
    {
        if (!body.Success)
        {
            return null;
        }

        var phrase = MentionPatterns.IssuerPhrase.Match(" cua " + body.Value);
        if (!phrase.Success)
        {
            return null;
        }

        foreach (var (name, issuer) in MentionPatterns.IssuerGroups)
        {
            if (phrase.Groups[name].Success)
            {
                return issuer;
            }
        }

        return null;
    }

    private static DocumentKind? KindOf(string word) => DocumentKinds.ByFoldedWord(word) ?? DocumentKinds.ByEnglish(word);

    private static bool IsResolutionWord(string word) => KindOf(word) == DocumentKinds.Resolution;

    private const string KindWords = @"nghi\s+quyet|chi\s+thi|quyet\s+dinh|quy\s+dinh|ket\s+luan|de\s+an|chuong\s+trinh|ke\s+hoach"
        + @"|cong\s+van|thong\s+bao|huong\s+dan|nghi\s+dinh|thong\s+tu|luat"
        + @"|nq|ct|qd|qdi|kl|da|ctr|kh|cv|tb|hd|nd|tt"
        + @"|resolution|directive|decision|regulation|conclusion|scheme|project|programme|program|plan"
        + @"|official\s+letter|official_letter|letter|dispatch|notice|announcement|guidance|guideline|instruction|decree|circular|law";

    private const string Number = @"(?:so|no\.?|number|nr\.?|\#)?\s*:?\s*";

    private const string Body = @"(?:\s+(?:cua|do)\s+(?<body>[\p{L}\s]+))?";

    [GeneratedRegex(@"^(?:(?<k>nghi\s+quyet|nq|resolution)\s+)?(?:(?:cua\s+)?hoi\s+nghi\s+)?(?:(?:ban\s+chap\s+hanh|bch)\s+)?"
        + @"(?<tw>trung\s+uong|tw|tu|central(?:\s+committee)?(?:\s+plenum)?|plenum)\s*(?:lan\s+thu\s+)?(?<p>\d{1,2}|[ivx]{1,5})"
        + @"(?:\s*(?:/|\(?\s*(?:khoa|term)\s+)(?<t>\d{1,2}|[ivx]{1,5})\s*\)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlenumReference();

    [GeneratedRegex(@"^(?:(?<k>" + KindWords + @")\s+" + Number + @")?(?<n>\d{1,5}[a-z]?)"
        + @"(?:\s*[-–—]\s*(?<pc>\p{L}{1,5})(?:\s*/\s*(?<pi>\p{L}{1,10})(?:\s*/\s*(?<py>(?:19|20)\d\d))?)?"
        + @"|(?:[/-](?<y>(?:19|20)\d\d))?/(?<sc>\p{L}[\p{L}\p{N}]*(?:\s*-\s*\p{L}[\p{L}\p{N}]*)*))" + Body + "$",
        RegexOptions.CultureInvariant)]
    private static partial Regex SymbolReference();

    [GeneratedRegex(@"^(?<k>" + KindWords + @")\s+" + Number + @"(?<n>\d{1,5}[a-z]?)(?:/(?<y>(?:19|20)\d\d))?" + Body + "$",
        RegexOptions.CultureInvariant)]
    private static partial Regex KindNumberReference();
}
