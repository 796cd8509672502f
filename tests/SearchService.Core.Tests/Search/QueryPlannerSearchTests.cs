using SearchService.Core.Search;
using SearchService.Core.Search.Planning;
using SearchService.Core.Tests.Indexing;
using SearchService.Tests.Shared;
using static SearchService.Tests.Shared.TestReports;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// What a user gets when the query is not exactly the text: a word no report has, a typo, Telex typing,
/// a reference by name. Through the shipped path: reports synced from an archive, SearchEngine.Search.
/// </summary>
public sealed class QueryPlannerSearchTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> Reports = new Dictionary<string, string>
    {
        ["long-bien/cu-khoi-2018"] = Portal(
            "Đảng ủy phường Cự Khối sơ kết hai năm thực hiện Chỉ thị 05-CT/TW",
            "Đảng ủy phường Cự Khối tổ chức hội nghị sơ kết hai năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
        ["long-bien/bo-de-2019"] = Portal(
            "Phường Bồ Đề học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
            "Thực hiện Chỉ thị số 05 của Bộ Chính trị, các chi bộ phường Bồ Đề đăng ký việc làm cụ thể, gắn với nhiệm vụ chính trị của địa phương."),
        ["long-bien/gia-thuy-2020"] = Portal(
            "Phường Gia Thụy ban hành chỉ thị về cải cách hành chính",
            "UBND phường Gia Thụy ban hành chỉ thị về cải cách hành chính; 05 thủ tục được giải quyết trực tuyến, người dân hài lòng."),
        ["tay-ho/nhat-tan-2021"] = Portal(
            "Phường Nhật Tân đẩy mạnh tiêm chủng vắc xin phòng COVID-19",
            "UBND phường Nhật Tân tổ chức các điểm tiêm chủng an toàn, bảo đảm phòng chống dịch bệnh cho nhân dân trên địa bàn."),
        ["tay-ho/quang-an-2016"] = Portal(
            "Hội nghị sơ kết công tác quân sự địa phương phường Quảng An",
            "Phường Quảng An hoàn thành chỉ tiêu giao quân năm 2016, bảo đảm quốc phòng an ninh và trật tự an toàn xã hội."),
        ["long-bien/ngoc-thuy-2018"] = Portal(
            "Phong trào dân vận khéo ở phường Ngọc Thụy",
            "Đảng ủy phường Ngọc Thụy phát động phong trào thi đua dân vận khéo, xây dựng tổ dân phố văn hóa và bảo vệ môi trường ven đê."),
        ["dong-da/kim-lien-2023"] = Portal(
            "Phường Kim Liên ra quân tổng vệ sinh môi trường",
            "Hưởng ứng phong trào vệ sinh môi trường, phường Kim Liên huy động đoàn viên thanh niên thu gom rác thải, khơi thông cống rãnh."),
        ["cau-giay/yen-hoa-2024"] = Portal(
            "Tòa tháp 86 tầng trên địa bàn phường Yên Hòa",
            "Dự án tòa tháp 86 tầng tại phường Yên Hòa được cấp phép xây dựng; Ban quản lý dự án cam kết bảo đảm vệ sinh môi trường trong thi công."),
    };

    private readonly TestIndex _index;

    public QueryPlannerSearchTests()
    {
        _index = new TestIndex(WriteArchive(Reports));
        _index.Sync();
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Search_WordNoReportHas_ReturnsTheReportsMatchingTheRestAndSaysWhatWasDropped()
    {
        var page = Search("dân vận khéo Ngọc Thụy zyxwvq");

        Assert.Equal("long-bien/ngoc-thuy-2018", page.Hits[0].Document.Id);
        Assert.True(page.Interpretation.Relaxed);
        Assert.Equal(["zyxwvq"], page.Interpretation.DroppedWords);
        Assert.Equal(["zyxwvq"], page.Hits[0].MissingWords);
    }

    [Fact]
    public void Search_EveryWordInTheFirstReport_DropsNothing()
    {
        var page = Search("tiêm chủng vắc xin");

        Assert.Equal("tay-ho/nhat-tan-2021", page.Hits[0].Document.Id);
        Assert.Empty(page.Interpretation.DroppedWords);
        Assert.Empty(page.Hits[0].MissingWords);
    }

    [Fact]
    public void Search_PastedTitleWithExtraWords_FindsThatReportFirstAndDropsTheExtras()
    {
        // "an toàn" is in other reports: no report has every word, the title holds all but the extras.
        var page = Search("Phường Kim Liên ra quân tổng vệ sinh môi trường an toàn");

        Assert.Equal("dong-da/kim-lien-2023", page.Hits[0].Document.Id);
        Assert.True(page.Interpretation.Relaxed);
        Assert.Equal(["an", "toàn"], page.Interpretation.DroppedWords);
    }

    [Theory]
    [InlineData("Phường Nhật Tân đẩy mạnh tiêm chủmg vắc xin", "chủmg", "chung", "tay-ho/nhat-tan-2021")]
    [InlineData("Phong trào dân vận khéo ở phường Ngọc Thuỵy", "Thuỵy", "thuy", "long-bien/ngoc-thuy-2018")]
    [InlineData("phuong Kim Lien ra quan tong ve sinh moi truogn", "truogn", "truong", "dong-da/kim-lien-2023")]
    [InlineData("Tòa tháp 86 tầng trên địa bàn phường Yên Hòa Empire Cty", "Cty", null, "cau-giay/yen-hoa-2024")]
    public void Search_TitleWithOneTypo_FindsTheReportFirstAndNamesTheCorrection(string query, string typed, string? corrected, string expected)
    {
        var page = Search(query);

        Assert.Equal(expected, page.Hits[0].Document.Id);
        Assert.True(page.Interpretation.Relaxed);
        if (corrected is not null)
        {
            Assert.Contains(page.Interpretation.Corrections, c => c.Typed == typed && c.Corrected == corrected && c.Kind == WordCorrection.Typo);
            Assert.Empty(page.Hits[0].MissingWords);
        }
    }

    [Fact]
    public void Search_Typo_ReportsMatchingThroughTheCorrectionComeBeforeReportsLackingWords()
    {
        // "xinh" is in no report; "sinh", one edit away, stands next to "vệ" in two.
        var page = Search("vệ xinh môi trường");

        Assert.Contains(page.Hits[0].Corrections, c => c.Typed == "xinh" && c.Corrected == "sinh");
        Assert.Empty(page.Hits[0].MissingWords);
        var missing = page.Hits.Select(h => h.MissingWords.Count).ToList();
        Assert.Equal(missing.Order(), missing);
    }

    [Theory]
    [InlineData("tieem chungr vawcs xin", "tiêm chủng vắc xin")]
    [InlineData("daan vaajn kheos", "dân vận khéo")]
    [InlineData("tie6m chu3ng va81c xin", "tiêm chủng vắc xin")]
    public void Search_TypedInTelexOrVni_FindsWhatTheVietnameseFormFinds(string typed, string vietnamese)
    {
        var telex = Search(typed);
        var expected = Search(vietnamese);

        Assert.Equal(expected.Hits.Select(h => h.Document.Id), telex.Hits.Select(h => h.Document.Id));
        Assert.NotEmpty(telex.Interpretation.Corrections);
        Assert.All(telex.Interpretation.Corrections, c => Assert.Equal(WordCorrection.InputMethod, c.Kind));
    }

    [Theory]
    [InlineData("Directive 05")]
    [InlineData("chỉ thị 05")]
    [InlineData("chi thi so 05")]
    [InlineData("05-CT/TƯ")]
    public void Search_ReferenceByName_ReportsCitingItComeFirst(string query)
    {
        var page = Search(query);

        Assert.Contains("05-CT/TW", page.Interpretation.ReferenceKeys);
        Assert.Equal(
            ["long-bien/bo-de-2019", "long-bien/cu-khoi-2018"],
            page.Hits.Take(2).Select(h => h.Document.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_ReferenceAndWords_CombinesBoth()
    {
        var page = Search("chỉ thị 05 tấm gương đạo đức");

        Assert.Equal("long-bien/bo-de-2019", page.Hits[0].Document.Id);
        Assert.Contains("05-CT/TW", page.Interpretation.ReferenceKeys);
    }

    [Theory]
    [InlineData("vệ sinh môi trường phường Kim Liên tiêm chủng quốc phòng")]
    [InlineData("ve sinh moi truong dan van kheo Ngoc Thuy tiem chung")]
    [InlineData("tòa tháp 86 tầng đảng ủy sơ kết chỉ thị cải cách hành chính")]
    public void Search_Relaxed_NoReportMatchingFewerWordsOutranksOneMatchingMore(string query)
    {
        var page = Search(SearchQuery.For(query) with { PageSize = 100 });
        Assert.True(page.Interpretation.Relaxed);

        // Counted independently: each word searched alone, every word required.
        var words = query.Split(' ');
        var matchedBy = words.Select(w => Search(SearchQuery.For(w) with { PageSize = 100 }).Hits.Select(h => h.Document.Id).ToHashSet()).ToList();
        var counts = page.Hits.Select(h => matchedBy.Count(ids => ids.Contains(h.Document.Id))).ToList();

        for (var i = 1; i < counts.Count; i++)
        {
            Assert.True(counts[i - 1] >= counts[i], $"{page.Hits[i - 1].Document.Id} matches {counts[i - 1]} words, ranks above {page.Hits[i].Document.Id} with {counts[i]}");
        }
    }

    [Fact]
    public void Search_ThirtyLongWordsEachWithATypo_AnswersWithoutError()
    {
        var words = Enumerable.Range(0, 30).Select(i => "nghiêmtrách" + (char)('a' + (i % 26)));
        var query = string.Join(' ', words);

        var page = Search(query);

        Assert.Equal(0, page.TotalSize);
    }

    [Fact]
    public void Search_ThirtyRealWordsEachMistyped_StillFindsReports()
    {
        var query = "phuongg nhatt tann dayy manhh tiemm chungg vacc xinn phongg covidd uybnd too chucc cacc diemm tiemm chungg ann toann baoo damm phongg chongg dichh benhh choo nhann dann trenn diaa bann";

        var page = Search(query);

        Assert.NotEmpty(page.Hits);
        Assert.Equal("tay-ho/nhat-tan-2021", page.Hits[0].Document.Id);
    }

    private SearchPage Search(string text) => Search(SearchQuery.For(text));

    private SearchPage Search(SearchQuery query) => _index.Engine.Search(query, TestContext.Current.CancellationToken);
}
