using SearchService.Core.Text;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>
/// Finds mentions of Party and State documents in a report, as the mentions spec defines them, and
/// gives each its canonical key. Pure and thread-safe; the patterns are compiled once.
/// </summary>
/// <remarks>
/// <para>How it reads: the patterns run on a folded lower-case copy of the text (diacritics removed,
/// same length), so "Chỉ thị", "chỉ thị", "CHI THI" and "Chi thi" are one word. A kind word ("Nghị quyết",
/// "Chỉ thị", … or "NQ") must be followed by a number ("05", "số 05-CT/TW", "15/2020/NĐ-CP") or, for a
/// resolution, by a Central Committee plenum ("Trung ương IV", "TW4", "Hội nghị Trung ương 7"). A kind
/// word written with diacritics must be that word ("để ăn 2" is not "Đề án"); text typed without any
/// diacritics is read as well. Party and State symbols standing alone ("05-CT/TW", "15/2020/NĐ-CP") are
/// mentions too.</para>
/// <para>Spans: the first item of a list runs from the kind word to the end of its number and symbol
/// ("Chỉ thị số 05-CT/TƯ", "Nghị quyết Trung ương IV", "NQ TW4"); each further item is its own span
/// ("27", "TW6", "VII", "218"). The body and the term written after a mention ("của Bộ Chính trị",
/// "(khóa XII)") decide its key but are not part of the span; they are in <see cref="Mention.Sentence"/>.
/// "Nghị quyết Trung ương 4 (khóa XI, XII)" gives TW4/XI on "Nghị quyết Trung ương 4" and TW4/XII on "XII".</para>
/// <para>Decisions: a number before the kind word is a count ("10 Nghị quyết chuyên đề"); a bare number
/// followed by a unit or count noun ("Kế hoạch 5 năm", "120%"), a decimal or thousands group, a date or a
/// range is not a document. A bare single digit without "số", symbol or issuer ("Kế hoạch 1, nhiệm vụ 10")
/// is a slogan or count, not a mention; a bare year ("Chương trình 2018") likewise. "quyết định kết nạp"
/// has no number, so it is the verb "decide", not a decision. "Đề án 03" (number, no symbol, no issuer)
/// is a mention with key 03-ĐA. "Nghị quyết số 18 của Hội nghị Trung ương 6 (khóa XII)" is the numbered
/// resolution 18-NQ/TW (the plenum names its issuer, not another mention); "Nghị quyết số 26 của Trung ương"
/// is 26-NQ/TW. Congress resolutions ("Nghị quyết Đại hội …") are out of scope. A law needs a State
/// number ("Luật số 91/2015/QH13").</para>
/// <para>Issuers: the symbol's issuer wins; else the body named right after the list ("của Bộ Chính trị"
/// → TW, "của Ban Thường vụ Thành ủy" → TU, "của Quận ủy" → QU, "của Đảng ủy" → ĐU), also across "A và B
/// của Thành ủy"; else, when the same kind and number occur elsewhere in the document with exactly one
/// issuer (or one full State number), that one; else unknown ("703-QĐ"). The term of a plenum is taken
/// only from the mention or its list, never from elsewhere in the document, as the spec says.</para>
/// <para>Input: NFC text (callers normalise NFD first); either tone placement; "\n" paragraphs.</para>
/// </remarks>
public sealed class MentionExtractor(CentralDocuments? catalogue = null)
{
    private readonly CentralDocuments _catalogue = catalogue ?? CentralDocuments.Default;

    /// <summary>All mentions in <paramref name="text"/>, in document order.</summary>
    /// <param name="text">The report's text (NFC).</param>
    /// <param name="published">The report's publication date (Hanoi): a report cannot cite a document issued
    /// after it, which may decide which issue of a recurring number it means. Null when unknown.</param>
    public IReadOnlyList<Mention> Extract(string text, DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var folded = text.ToCharArray();
        VietnameseText.ToLowerInPlace(folded);
        VietnameseText.FoldInPlace(folded);
        var scan = new MentionScan(text, new string(folded));
        scan.Run();
        var mentions = scan.Build();
        mentions = IssueResolver.Resolve(mentions, scan, published, _catalogue);
        return ActionClassifier.Classify(mentions, scan);
    }
}
