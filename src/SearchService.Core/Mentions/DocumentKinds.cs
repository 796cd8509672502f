namespace SearchService.Core.Mentions;

/// <summary>One kind of document: its English name (API), Vietnamese name and symbol code.</summary>
internal sealed record DocumentKind(string Name, string Vietnamese, string? Code, IReadOnlyList<string> English);

/// <summary>The kind table of the mentions spec, and look-ups by code, Vietnamese and English name.</summary>
internal static class DocumentKinds
{
    public static readonly DocumentKind Resolution = new("resolution", "Nghị quyết", "NQ", ["resolution"]);
    public static readonly DocumentKind Directive = new("directive", "Chỉ thị", "CT", ["directive"]);
    public static readonly DocumentKind Decision = new("decision", "Quyết định", "QĐ", ["decision"]);
    public static readonly DocumentKind Regulation = new("regulation", "Quy định", "QĐ", ["regulation"]);
    public static readonly DocumentKind Conclusion = new("conclusion", "Kết luận", "KL", ["conclusion"]);
    public static readonly DocumentKind Scheme = new("scheme", "Đề án", "ĐA", ["scheme", "project"]);
    public static readonly DocumentKind Programme = new("programme", "Chương trình", "CTr", ["programme", "program"]);
    public static readonly DocumentKind Plan = new("plan", "Kế hoạch", "KH", ["plan"]);
    public static readonly DocumentKind OfficialLetter = new("official_letter", "Công văn", "CV", ["official letter", "official_letter", "letter", "dispatch"]);
    public static readonly DocumentKind Notice = new("notice", "Thông báo", "TB", ["notice", "announcement"]);
    public static readonly DocumentKind Guidance = new("guidance", "Hướng dẫn", "HD", ["guidance", "guideline", "instruction"]);
    public static readonly DocumentKind Decree = new("decree", "Nghị định", "NĐ", ["decree"]);
    public static readonly DocumentKind Circular = new("circular", "Thông tư", "TT", ["circular"]);
    public static readonly DocumentKind Law = new("law", "Luật", null, ["law"]);

    public static IReadOnlyList<DocumentKind> All { get; } =
    [
        Resolution, Directive, Decision, Regulation, Conclusion, Scheme, Programme, Plan, OfficialLetter,
        Notice, Guidance, Decree, Circular, Law,
    ];

    /// <summary>The kind a symbol code stands for ("CT" → directive, "QĐi" → regulation, "QĐ" → decision).</summary>
    public static DocumentKind? ByCode(string code) => code switch
    {
        "NQ" => Resolution,
        "CT" => Directive,
        "QĐ" => Decision,
        "QĐi" => Regulation,
        "KL" => Conclusion,
        "ĐA" => Scheme,
        "CTr" => Programme,
        "KH" => Plan,
        "CV" => OfficialLetter,
        "TB" => Notice,
        "HD" => Guidance,
        "NĐ" => Decree,
        "TT" => Circular,
        _ => null,
    };

    /// <summary>The kind named by a folded, lower-case Vietnamese kind word or abbreviation ("chi thi", "nq").</summary>
    public static DocumentKind? ByFoldedWord(string folded) => CollapseSpaces(folded) switch
    {
        "nghi quyet" or "nq" => Resolution,
        "chi thi" or "ct" => Directive,
        "quyet dinh" or "qd" => Decision,
        "quy dinh" or "qdi" => Regulation,
        "ket luan" or "kl" => Conclusion,
        "de an" or "da" => Scheme,
        "chuong trinh" or "ctr" => Programme,
        "ke hoach" or "kh" => Plan,
        "cong van" or "cv" => OfficialLetter,
        "thong bao" or "tb" => Notice,
        "huong dan" or "hd" => Guidance,
        "nghi dinh" or "nd" => Decree,
        "thong tu" or "tt" => Circular,
        "luat" => Law,
        _ => null,
    };

    /// <summary>The kind named in English ("directive", "official letter", "program"), folded lower-case.</summary>
    public static DocumentKind? ByEnglish(string folded)
    {
        var word = CollapseSpaces(folded);
        return All.FirstOrDefault(k => k.English.Contains(word, StringComparer.Ordinal));
    }

    private static string CollapseSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
