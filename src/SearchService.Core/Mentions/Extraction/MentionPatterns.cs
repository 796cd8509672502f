using System.Text.RegularExpressions;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>
/// The regular expressions of the extractor. They run on a folded, lower-case copy of the text
/// (same length, so offsets carry over), which makes them insensitive to case, diacritics and tone
/// placement; checks that need the original spelling (Roman numerals, "TƯ") are done in code.
/// </summary>
internal static class MentionPatterns
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant
        | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace;

    // Horizontal space only: a mention never runs over a line break.
    private const string S = @"[\x20\t\u00a0]";
    private const string NotWord = @"(?![\p{L}\p{N}])";
    private const string Tw = $@"(?:trung{S}+uong|tw|tu)";
    private const string PlenumNumber = @"(?:\d{1,2}|[ivx]{1,5})";

    /// <summary>A kind word or abbreviation starting a mention.</summary>
    public static readonly Regex KindWord = new($@"
        (?<![\p{{L}}\p{{N}}])
        (?<k>nghi{S}+quyet|chi{S}+thi|quyet{S}+dinh|quy{S}+dinh|ket{S}+luan|de{S}+an|chuong{S}+trinh
            |ke{S}+hoach|cong{S}+van|thong{S}+bao|huong{S}+dan|nghi{S}+dinh|thong{S}+tu|luat|nq)
        {NotWord}", Options);

    /// <summary>A plenum resolution at the kind word: "Nghị quyết Trung ương IV", "NQ TW4",
    /// "Nghị quyết Hội nghị Trung ương 7", "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng".</summary>
    public static readonly Regex Plenum = new($@"
        \G(?:nghi{S}+quyet|nq){S}+
        (?:
            (?:cua{S}+)?hoi{S}+nghi{S}+(?:lan{S}+thu{S}+)?
            (?<w>\d{{1,2}}|[ivx]{{1,5}}|muoi(?:{S}+(?:mot|hai|ba|bon|lam))?|nhat|hai|ba|tu|nam|sau|bay|tam|chin)
            {S}+(?:cua{S}+)?(?:ban{S}+chap{S}+hanh|bch){S}+trung{S}+uong(?:{S}+dang)?
          |
            (?:(?:cua{S}+)?hoi{S}+nghi{S}+)?(?:(?:ban{S}+chap{S}+hanh|bch){S}+)?(?<tw>{Tw}){S}*(?:lan{S}+thu{S}+)?(?<p>{PlenumNumber})
        ){NotWord}", Options);

    /// <summary>A further plenum of a list: ", TW6", ", VII", ", Trung ương 7", " và 8".</summary>
    public static readonly Regex PlenumNext = new($@"
        \G(?:{S}*[,;]{S}*|{S}*,?{S}+va{S}+)
        (?<i>(?:(?:nghi{S}+quyet{S}+)?(?:hoi{S}+nghi{S}+)?(?<tw>{Tw}){S}*)?(?<p>{PlenumNumber})){NotWord}", Options);

    /// <summary>The term after a plenum or its list: " khóa XII", " ( khóa XII)", " (khóa XI, XII)", " của Đảng khóa XII".</summary>
    public static readonly Regex Term = new($@"
        \G{S}*(?:\({S}*)?(?:cua{S}+)?(?:dang{S}+)?(?:\({S}*)?khoa{S}+(?<t>{PlenumNumber}){NotWord}
        (?:{S}*(?:,|;|-|va){S}*(?:khoa{S}+)?(?<t>{PlenumNumber}){NotWord})*", Options);

    /// <summary>What lies between a kind word and its first number: spaces, "số", a colon.</summary>
    public static readonly Regex Intro = new($@"\G(?:{S}+(?<so>so){S}*(?::{S}*)?(?=\d)|{S}*:{S}*(?=\d)|{S}+(?=\d))", Options);

    /// <summary>One numbered item: "05", "05-CT/TW", "08 - NQ/TU", "15/2020/NĐ-CP", "412/UBND-NV", "43/2014", "30a/2008/NQ-CP".</summary>
    public static readonly Regex ItemPattern = new($@"
        \G(?<n>\d{{1,5}}(?:[a-z](?![\p{{L}}\p{{N}}]))?)
        (?:
            (?<party>{S}*[-–—]{S}*(?<pc>\p{{L}}{{1,5}})(?:{S}*/{S}*(?<pi>\p{{L}}{{1,10}}))?{NotWord})
          | (?<state>(?:[/-](?<y>(?:19|20)\d\d))?/{S}?(?<sc>\p{{L}}[\p{{L}}\p{{N}}]*(?:-\p{{L}}[\p{{L}}\p{{N}}]*)*){NotWord})
          | (?:/(?<yo>(?:19|20)\d\d))(?![/\p{{L}}\p{{N}}])
        )?", Options);

    /// <summary>The separator before a further item of a list: ",", ";", "và", "hoặc", optionally "số".</summary>
    public static readonly Regex ItemSeparator = new($@"\G(?:{S}*[,;&]{S}*|{S}*,?{S}+(?:va|hoac){S}+)(?:so{S}*)?(?=\d)", Options);

    /// <summary>Words after a bare number that make it a count, a duration or a quantity, not a document.</summary>
    public static readonly Regex CountWord = new($@"
        \G(?:{S}*(?:%|‰)|{S}+(?:nam(?!{S}+(?:19|20)\d\d)|thang|ngay(?!{S}*\d)|tuan|gio|phut|nguoi|ho(?!{S}+tro)|ty|trieu|nghin|ngan
            |dong(?!{S}+(?:thoi|bo|chi|y|tinh|hanh|nghiep|bao|ruong))|d|vnd|lan|km|m|m2|ha(?!{S}+noi)|kg|tan
            |phan{S}+tram|tre|hoc{S}+sinh|dang{S}+vien|doan{S}+vien|hoi{S}+vien|cuoc|diem|chi{S}+tieu|chi{S}+bo|don{S}+vi
            |lop|buoi|dot|bai|van{S}+ban|noi{S}+dung|nhiem{S}+vu|muc{S}+tieu|giai{S}+phap|tieu{S}+chi|nhom|linh{S}+vuc
            |chuong|dieu(?!{S}+(?:chinh|hanh|tra|kien|le))|khoan|cong{S}+trinh|du{S}+an|thanh{S}+vien|hop{S}+dong|chiec|to{S}+dan{S}+pho
            |nghi{S}+quyet|chi{S}+thi|quyet{S}+dinh|ke{S}+hoach|chuong{S}+trinh|de{S}+an){NotWord})", Options);

    /// <summary>A number that goes on as a decimal, a thousands group, a date or a range: "60.000", "4.0", "15/12", "2019-2020".</summary>
    public static readonly Regex NumberGoesOn = new(@"\G(?:[.,]\d|[/-]\d)", Options);

    /// <summary>The body named right after a mention: "của Bộ Chính trị", "của Ban Thường vụ Thành ủy", "do Quận ủy".</summary>
    public static readonly Regex IssuerPhrase = new($@"
        \G{S}*(?:\({S}*khoa[^)\n]{{0,20}}\){S}*)?
        (?:,?{S}*ngay{S}+\d{{1,2}}{S}*[/.-]{S}*\d{{1,2}}{S}*[/.-]{S}*\d{{2,4}}{S}*)?(?:,{S}*)?
        (?:cua|do){S}+
        (?:
            (?<BTGTW>ban{S}+tuyen{S}+giao{S}+(?:trung{S}+uong|tw))
          | (?<UBKTTW>(?:uy{S}+ban|ub){S}+kiem{S}+tra{S}+(?:trung{S}+uong|tw)|ubkttw|ubkt{S}+tw)
          | (?<BTCTW>ban{S}+to{S}+chuc{S}+(?:trung{S}+uong|tw))
          | (?<BDVTW>ban{S}+dan{S}+van{S}+(?:trung{S}+uong|tw))
          | (?<TW>bo{S}+chinh{S}+tri|ban{S}+bi{S}+thu(?:{S}+trung{S}+uong)?|(?:ban{S}+chap{S}+hanh|bch){S}+trung{S}+uong
                |(?:hoi{S}+nghi{S}+(?:lan{S}+thu{S}+\S+{S}+)?)?(?:trung{S}+uong|tw)(?!{S}+(?:doan|hoi|mat{S}+tran))|bct|bbt)
          | (?<TU>(?:ban{S}+thuong{S}+vu{S}+|btv{S}+)?(?:thanh|tinh){S}+uy)
          | (?<QU>(?:ban{S}+thuong{S}+vu{S}+|btv{S}+)?quan{S}+uy)
          | (?<HU>(?:ban{S}+thuong{S}+vu{S}+|btv{S}+)?huyen{S}+uy)
          | (?<DU>(?:ban{S}+thuong{S}+vu{S}+|btv{S}+)?dang{S}+uy)
        ){NotWord}", Options);

    /// <summary>A foreign or international body named right after a mention: "của Hội đồng Bảo an Liên hợp quốc",
    /// "của Đại hội đồng LHQ", "của Quốc hội Mỹ", "của Hoa Kỳ". Such a document is not a Vietnamese one.</summary>
    public static readonly Regex ForeignBody = new($@"
        \G{S}*(?:\([^)\n]{{0,20}}\){S}*)?,?{S}*(?:(?:cua|do){S}+)
        (?:hoi{S}+dong{S}+bao{S}+an|dai{S}+hoi{S}+dong|lien{S}+hop{S}+quoc|lhq|hdba|lien{S}+minh{S}+chau{S}+au
          |(?:quoc{S}+hoi|chinh{S}+phu|tong{S}+thong|nha{S}+nuoc){S}+(?:my|hoa{S}+ky|trung{S}+quoc|nga|nhat{S}+ban|han{S}+quoc|phap|anh|duc|lao|campuchia|thai{S}+lan|an{S}+do|uc)
          |my|hoa{S}+ky|trung{S}+quoc|lien{S}+bang{S}+nga|nhat{S}+ban|han{S}+quoc|cong{S}+hoa{S}+phap|campuchia|thai{S}+lan|singapore|an{S}+do|australia)
        {NotWord}", Options);

    /// <summary>Issuer group names of <see cref="IssuerPhrase"/> and the issuer code each stands for.</summary>
    public static readonly (string Group, string Issuer)[] IssuerGroups =
    [
        ("BTGTW", "BTGTW"), ("UBKTTW", "UBKTTW"), ("BTCTW", "BTCTW"), ("BDVTW", "BDVTW"),
        ("TW", "TW"), ("TU", "TU"), ("QU", "QU"), ("HU", "HU"), ("DU", "ĐU"),
    ];

    /// <summary>Only a list separator between two groups: " và ", ", ".</summary>
    public static readonly Regex Coordination = new($@"^{S}*(?:,|;|va|,{S}*va){S}*$", Options);

    /// <summary>A Party symbol standing alone: "05-CT/TW", "03-KH/DU", "08 - NQ/TU".</summary>
    public static readonly Regex PartySymbol = new($@"
        (?<![\p{{L}}\p{{N}}/.\-])(?<n>\d{{1,4}}){S}*[-–—]{S}*(?<pc>nq|ct|qdi|qd|kl|da|ctr|kh|cv|tb|hd){S}*/{S}*(?<pi>\p{{L}}{{2,10}}){NotWord}", Options);

    /// <summary>A State symbol standing alone: "15/2020/NĐ-CP", "5140/QĐ-UBND", "91/2015/QH13".</summary>
    public static readonly Regex StateSymbol = new($@"
        (?<![\p{{L}}\p{{N}}/.\-])(?<n>\d{{1,5}}[a-z]?)
        (?:
            (?:/(?<y>(?:19|20)\d\d))?/(?<sc>(?:nd|tt|qd|nq|ct|kh|tb|hd|cv|kl)-\p{{L}}[\p{{L}}\p{{N}}]*(?:-\p{{L}}[\p{{L}}\p{{N}}]*)*)
          | /(?<y>(?:19|20)\d\d)/(?<sc>qh\d{{1,2}}|ubtvqh\d{{1,2}})
        ){NotWord}", Options);
}
