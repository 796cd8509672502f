using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Core.Tests.Mentions;

/// <summary>
/// Which issue of a recurring central number a mention means (18-NQ/TW is a resolution of 25/10/2017, term
/// XII, and one of 16/6/2022, term XIII; 19-NQ/TW and 69-QĐ/TW recur too): decided by a date, the term, the
/// subject, the publication date or the same report, else left ambiguous with its candidates.
/// </summary>
public sealed class MentionIssueTests
{
    private static readonly MentionExtractor Extractor = new();

    private static Mention Only(string text, string? published = null, string? key = null)
    {
        var mentions = Extractor.Extract(text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        return key is null ? Assert.Single(mentions) : Assert.Single(mentions, m => m.Key.StartsWith(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Đảng ủy quán triệt Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.", "18-NQ/TW/2022")]
    [InlineData("Đảng ủy quán triệt Nghị quyết 18-NQ/TW, ngày 25-10-2017 của Trung ương.", "18-NQ/TW/2017")]
    [InlineData("Thực hiện Nghi quyet so 18-NQ/TW ngay 16/6/2022 cua Ban Chap hanh Trung uong.", "18-NQ/TW/2022")]
    public void Extract_DateWrittenWithTheNumber_PicksThatIssue(string text, string key)
    {
        var mention = Only(text, "2024-01-15");

        Assert.Equal(key, mention.Key);
        Assert.Equal("date", mention.ResolvedBy);
        Assert.Null(mention.CandidateKeys);
    }

    [Theory]
    [InlineData("Hội nghị quán triệt Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII cho đảng viên.", "18-NQ/TW/2022", "XIII")]
    [InlineData("Tiếp tục thực hiện Nghị quyết 18 của Hội nghị Trung ương 6 (khóa XII) về sắp xếp bộ máy.", "18-NQ/TW/2017", "XII")]
    public void Extract_TermWrittenAfterTheNumber_PicksThatIssue(string text, string key, string term)
    {
        var mention = Only(text, "2024-01-15", "18-");

        Assert.Equal(key, mention.Key);
        Assert.Equal("term", mention.ResolvedBy);
        Assert.Equal(term, mention.Term);
    }

    [Fact]
    public void Extract_TermAfterAList_AppliesToEveryItem()
    {
        var mentions = Extractor.Extract("Quán triệt Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII.", new DateOnly(2022, 9, 5));

        Assert.Equal(["18-NQ/TW/2022", "19-NQ/TW/2022"], mentions.Select(m => m.Key));
    }

    [Theory]
    [InlineData("Đảng ủy thực hiện Nghị quyết 18 của Trung ương về quản lý và sử dụng đất.", "18-NQ/TW/2022")]
    [InlineData("Đảng ủy thực hiện Nghị quyết 18 của Trung ương về tinh gọn tổ chức bộ máy của hệ thống chính trị.", "18-NQ/TW/2017")]
    [InlineData("Tuyên truyền Nghị quyết 19-NQ/TW về nông nghiệp, nông dân, nông thôn.", "19-NQ/TW/2022")]
    [InlineData("Triển khai Nghị quyết 19-NQ/TW về các đơn vị sự nghiệp công lập.", "19-NQ/TW/2017")]
    [InlineData("Giám sát việc thực hiện Quy định 69-QĐ/TW của Bộ Chính trị về kỷ luật tổ chức đảng, đảng viên vi phạm.", "69-QĐ/TW/2022")]
    public void Extract_SubjectWordsOfOneIssueOnly_PickThatIssue(string text, string key)
    {
        var mention = Only(text, "2024-01-15");

        Assert.Equal(key, mention.Key);
        Assert.Equal("subject", mention.ResolvedBy);
    }

    [Fact]
    public void Extract_WordsLaterInTheSentence_AreNotTheSubject()
    {
        // "sinh hoạt chi bộ" says what was done; it must not vote for the 2017 title ("hoạt động", "bộ máy").
        var mention = Only("Nghị quyết 18 về đất đai tiếp tục được quán triệt trong sinh hoạt chi bộ, gắn với rà soát tổ chức bộ máy.", "2023-11-02");

        Assert.NotEqual("18-NQ/TW/2017", mention.Key);
    }

    [Fact]
    public void Extract_ReportOlderThanTheLaterIssue_CanOnlyMeanTheEarlierOne()
    {
        var mention = Only("Đảng ủy tiếp tục thực hiện Nghị quyết 18-NQ/TW của Trung ương.", "2019-03-01");

        Assert.Equal("18-NQ/TW/2017", mention.Key);
        Assert.Equal("published", mention.ResolvedBy);
    }

    [Fact]
    public void Extract_PublicationDateBound_OutweighsSubjectWordsOfALaterIssue()
    {
        // A report of 2019 cannot cite the land resolution of 2022, whatever words follow.
        var mention = Only("Thực hiện Nghị quyết 18-NQ/TW về quản lý đất đai trên địa bàn.", "2019-03-01");

        Assert.Equal("18-NQ/TW/2017", mention.Key);
    }

    [Theory]
    [InlineData("2023-03-10")]
    [InlineData(null)]
    public void Extract_NothingSaysWhichIssue_StaysAmbiguousWithItsCandidates(string? published)
    {
        var mention = Only("Đảng ủy yêu cầu các chi bộ tiếp tục thực hiện Nghị quyết 18 của Trung ương.", published);

        Assert.Equal("18-NQ/TW", mention.Key);
        Assert.Null(mention.ResolvedBy);
        Assert.Equal(["18-NQ/TW/2017", "18-NQ/TW/2022"], mention.CandidateKeys);
    }

    [Fact]
    public void Extract_SameNumberResolvedElsewhereInTheReport_DecidesTheBareMention()
    {
        var mentions = Extractor.Extract(
            "Đảng ủy quán triệt Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương. Sau đó ban hành kế hoạch thực hiện Nghị quyết 18 của Trung ương.",
            new DateOnly(2022, 8, 12));

        Assert.Equal(["18-NQ/TW/2022", "18-NQ/TW/2022"], mentions.Select(m => m.Key));
        Assert.Equal(["date", "document"], mentions.Select(m => m.ResolvedBy));
    }

    [Fact]
    public void Extract_BothIssuesInOneReport_KeepTheBareMentionAmbiguous()
    {
        var mentions = Extractor.Extract(
            "Năm 2018 phường thực hiện Nghị quyết 18-NQ/TW ngày 25/10/2017 về bộ máy; nay quán triệt Nghị quyết 18-NQ/TW ngày 16/6/2022 về đất đai. Các chi bộ thực hiện Nghị quyết 18 của Trung ương.",
            new DateOnly(2023, 1, 5));

        Assert.Equal(["18-NQ/TW/2017", "18-NQ/TW/2022", "18-NQ/TW"], mentions.Select(m => m.Key));
    }

    [Theory]
    [InlineData("Phường thực hiện Nghị quyết 18 về tinh gọn tổ chức bộ máy của hệ thống chính trị.", "18-NQ/TW/2017")]
    [InlineData("Phường thực hiện Nghị quyết 18 về công tác dân vận.", "18-NQ")]
    [InlineData("Đảng ủy phường thực hiện Nghị quyết 18 của Đảng ủy về công tác dân vận.", "18-NQ/ĐU")]
    public void Extract_IssuerUnknown_IsCentralOnlyWhenTheSubjectSaysWhichIssue(string text, string key)
    {
        var mention = Only(text, "2019-03-01");

        Assert.Equal(key, mention.Key);
    }

    [Fact]
    public void Extract_NumberThatDoesNotRecur_KeepsItsKey()
    {
        var mention = Only("Đảng ủy thực hiện Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.", "2020-01-01");

        Assert.Equal("05-CT/TW", mention.Key);
        Assert.Null(mention.ResolvedBy);
        Assert.Null(mention.CandidateKeys);
    }

    [Theory]
    [InlineData("Đảng viên được thông tin về Nghị quyết 2397 của Hội đồng Bảo an Liên hợp quốc về Triều Tiên.")]
    [InlineData("Nghị quyết 2623 của Đại hội đồng Liên hợp quốc đã được thông qua.")]
    [InlineData("Phổ biến Nghị quyết 2231 của HĐBA cho doanh nghiệp.")]
    [InlineData("Doanh nghiệp tìm hiểu Luật số 117 của Hoa Kỳ về kiểm soát xuất khẩu.")]
    public void Extract_ResolutionOfAForeignOrInternationalBody_IsNotAMention(string text)
    {
        Assert.Empty(Extractor.Extract(text, new DateOnly(2019, 1, 1)));
    }

    [Theory]
    [InlineData("18-NQ/TW/2017", "resolution")]
    [InlineData("69-QĐ/TW/2022", "decision")]
    public void KindOf_DatedKey_IsTheKindOfItsCode(string key, string kind)
    {
        Assert.Equal(kind, MentionKeys.KindOf(key));
    }

    [Fact]
    public void Catalogue_EveryEntry_NamesItsEvidenceAndRecurringNumbersHaveTwoIssues()
    {
        var catalogue = CentralDocuments.Default;

        Assert.All(catalogue.Entries, e => Assert.Matches(@"^(corpus:\S+|https?://\S+)$", e.Evidence));
        Assert.True(catalogue.IsRecurring("18-NQ/TW"));
        Assert.True(catalogue.IsRecurring("19-NQ/TW"));
        Assert.False(catalogue.IsRecurring("05-CT/TW"));
        Assert.Equal(new DateOnly(2017, 10, 25), catalogue.Find("18-NQ/TW/2017")!.IssuedOn);
        Assert.Null(catalogue.Find("18-NQ/TW"));
    }

    [Fact]
    public void Catalogue_LineWithoutEvidence_IsRefusedWithItsLine()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CentralDocuments.Parse(
            ["18-NQ/TW\tresolution\t2017-10-25\tXII\tBan Chấp hành Trung ương\tmột số vấn đề\tfrom memory"]));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("evidence", error.Message, StringComparison.Ordinal);
    }
}
