using SearchService.Core.Documents;
using SearchService.Core.Mentions;

namespace SearchService.Core.Tests.Citations;

/// <summary>Stored documents written for the citation tests, and a clock that stands still.</summary>
internal static class CitationDocuments
{
    public const string DirectiveKey = "05-CT/TW";
    public const string PlenumKey = "TW4/XII";

    /// <summary>29/11/2026 in Hanoi, 01:30 — still 28/11 in UTC, so a UTC access date would be a day off.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 18, 30, 0, TimeSpan.Zero);

    public static StoredDocument Document(
        string id,
        string title = "Phường tổng kết công tác xây dựng Đảng",
        string text = "Nội dung báo cáo.",
        string ward = "Cự Khối",
        string district = "Long Biên",
        DateTimeOffset? published = null,
        string url = "https://cukhoi.longbien.hanoi.gov.vn/tin-tuc/bai-1",
        string category = "Tin tức sự kiện",
        IReadOnlyList<Mention>? mentions = null) => new(
            id,
            title,
            text,
            category,
            url,
            id + ".txt",
            "",
            published ?? HanoiTime.At(2019, 1, 9, 9, 7),
            120,
            ward,
            district,
            [],
            [],
            [],
            mentions ?? []);

    /// <summary>A document with three mentions: two in the first sentence, one in the last.</summary>
    public static StoredDocument WithMentions(string id)
    {
        const string First = "Đảng ủy quán triệt Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị 05-CT/TW của Bộ Chính trị.";
        const string Middle = "Công tác dân vận được chú trọng.";
        const string Last = "Năm tới tiếp tục thực hiện Chỉ thị 05.";
        var text = $"{First} {Middle}\n{Last}";
        return Document(id, text: text, mentions:
        [
            Mention(text, "Nghị quyết Trung ương 4", PlenumKey, First),
            Mention(text, "Chỉ thị 05-CT/TW", DirectiveKey, First),
            Mention(text, "Chỉ thị 05", DirectiveKey, Last, from: First.Length),
        ]);
    }

    private static Mention Mention(string text, string span, string key, string sentence, int from = 0)
    {
        var start = text.IndexOf(span, from, StringComparison.Ordinal);
        return new Mention(key, "directive", span, start, start + span.Length, sentence, null, null, null, null, null);
    }
}

/// <summary>A clock fixed at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
