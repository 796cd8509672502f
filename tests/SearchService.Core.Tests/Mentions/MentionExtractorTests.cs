using System.Text;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Core.Tests.Mentions;

/// <summary>Every spelling and every non-mention the mentions spec names, and the mention's fields.</summary>
public sealed class MentionExtractorTests
{
    private static readonly MentionExtractor Extractor = new();

    private static List<(string Key, string Text)> Run(string text)
        => Extractor.Extract(text).Select(m => (m.Key, m.Text)).ToList();

    [Theory]
    [InlineData("Thực hiện Chỉ thị 05-CT/TW trong toàn đảng bộ.", "05-CT/TW", "Chỉ thị 05-CT/TW")]
    [InlineData("Thực hiện chỉ thị số 05 của Bộ chính trị về học tập.", "05-CT/TW", "chỉ thị số 05")]
    [InlineData("Gắn với thực hiện Chỉ thị số 05-CT/TƯ của Bộ Chính trị.", "05-CT/TW", "Chỉ thị số 05-CT/TƯ")]
    [InlineData("Sơ kết thực hiện Đề án số 15-ĐA/QU của Quận uỷ.", "15-ĐA/QU", "Đề án số 15-ĐA/QU")]
    [InlineData("Thực hiện Chương trình số 01-CTr/QU của Quận ủy.", "01-CTr/QU", "Chương trình số 01-CTr/QU")]
    [InlineData("Tuyên truyền thực hiện Nghị quyết 08 - NQ/TU về giải phóng mặt bằng.", "08-NQ/TU", "Nghị quyết 08 - NQ/TU")]
    [InlineData("Thực hiện Quy định số 29-QĐ/TW của Ban Bí thư.", "29-QĐ/TW", "Quy định số 29-QĐ/TW")]
    [InlineData("Theo Quy định số 11-QĐi/TW của Bộ Chính trị.", "11-QĐi/TW", "Quy định số 11-QĐi/TW")]
    [InlineData("Dựa vào Nghị quyết số 08 – NQ/TW về thể thao.", "08-NQ/TW", "Nghị quyết số 08 – NQ/TW")]
    [InlineData("Gắn với Nghị quyết 39-NQ/TƯ về tinh giản biên chế.", "39-NQ/TW", "Nghị quyết 39-NQ/TƯ")]
    [InlineData("Vận động ủng hộ Đề án 03 với số tiền lớn.", "03-ĐA", "Đề án 03")]
    [InlineData("Quy chế ban hành theo Quyết định 703; khắc phục bất cập.", "703-QĐ", "Quyết định 703")]
    [InlineData("Thực hiện Kết luận 01 của Bộ Chính trị.", "01-KL/TW", "Kết luận 01")]
    [InlineData("Triển khai Kế hoạch số 24-KH/ĐU của Đảng ủy phường.", "24-KH/ĐU", "Kế hoạch số 24-KH/ĐU")]
    [InlineData("Theo Hướng dẫn số 12-HD/BTGTW.", "12-HD/BTGTW", "Hướng dẫn số 12-HD/BTGTW")]
    [InlineData("Theo Thông báo số 30-TB/TU ngày 2/3/2019.", "30-TB/TU", "Thông báo số 30-TB/TU")]
    public void Extract_PartySpelling_YieldsCanonicalKeyAndExactSpan(string text, string key, string span)
    {
        // Act
        var mentions = Run(text);

        // Assert
        Assert.Equal([(key, span)], mentions);
    }

    [Fact]
    public void Extract_OfficialLetterWithIssuerAndDate_YieldsOneMentionAndNoDate()
    {
        // Act
        var mentions = Run("Thực hiện Công văn số 139-CV/QU của Quận uỷ ngày 15/12/2020 về việc sơ kết.");

        // Assert
        Assert.Equal([("139-CV/QU", "Công văn số 139-CV/QU")], mentions);
    }

    [Fact]
    public void Extract_ListOfNumbersWithPlenumIssuer_YieldsOneMentionEach()
    {
        // Act
        var mentions = Run("Chương trình hành động thực hiện Nghị quyết 26, 27, 28 của Hội nghị Trung ương 7 (khóa XII) và thông qua dự thảo.");

        // Assert
        Assert.Equal([("26-NQ/TW", "Nghị quyết 26"), ("27-NQ/TW", "27"), ("28-NQ/TW", "28")], mentions);
    }

    [Fact]
    public void Extract_TightCommaList_YieldsOneMentionEach()
    {
        // Act
        var mentions = Run("Giám sát theo quyết định số 217,218 của Bộ chính trị.");

        // Assert
        Assert.Equal([("217-QĐ/TW", "quyết định số 217"), ("218-QĐ/TW", "218")], mentions);
    }

    [Fact]
    public void Extract_EachListItem_HasItsOwnSpanInTheText()
    {
        // Arrange
        const string text = "Thực hiện Nghị quyết 26, 27, 28 của Hội nghị Trung ương 7 (khóa XII).";

        // Act
        var mentions = Extractor.Extract(text);

        // Assert
        Assert.All(mentions, m => Assert.Equal(m.Text, text[m.Start..m.End]));
        Assert.Equal(3, mentions.Select(m => m.Start).Distinct().Count());
    }

    [Theory]
    [InlineData("Thực hiện NQ TW4, TW6 khóa XII, chỉ thị của Bộ Chính trị.", "TW4/XII|NQ TW4", "TW6/XII|TW6")]
    [InlineData("Tiếp tục thực hiện Nghị quyết Trung ương IV ( khóa XII) gắn với học tập.", "TW4/XII|Nghị quyết Trung ương IV")]
    [InlineData("Quán triệt Nghị quyết Trung ương VI, VII, VIII của Đảng tới đảng viên.", "TW6|Nghị quyết Trung ương VI", "TW7|VII", "TW8|VIII")]
    [InlineData("Thực hiện quyết liệt Nghị quyết Trung ương 4 (khóa XI, XII); gắn với học tập.", "TW4/XI|Nghị quyết Trung ương 4", "TW4/XII|XII")]
    [InlineData("Giám sát việc thực hiện Nghị quyết TW 4, kế hoạch tu dưỡng.", "TW4|Nghị quyết TW 4")]
    [InlineData("Gắn với thực hiện Nghị quyết Trung ương 4 khóa XII và học tập.", "TW4/XII|Nghị quyết Trung ương 4")]
    [InlineData("Gắn với thực hiện Nghị quyết Trung ương 4 khoá XII và học tập.", "TW4/XII|Nghị quyết Trung ương 4")]
    [InlineData("Thực hiện các Nghị quyết Hội nghị Trung ương 6, 7 (khóa XII) trong toàn Đảng bộ.", "TW6/XII|Nghị quyết Hội nghị Trung ương 6", "TW7/XII|7")]
    [InlineData("Quán triệt các Nghị quyết Hội nghị Trung ương 6, Trung ương 7 khóa XII trong toàn Đảng bộ.", "TW6/XII|Nghị quyết Hội nghị Trung ương 6", "TW7/XII|Trung ương 7")]
    [InlineData("Học tập Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về xây dựng Đảng.", "TW4/XII|Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng")]
    [InlineData("Thực hiện Nghị quyết TƯ 4 khóa 12.", "TW4/XII|Nghị quyết TƯ 4")]
    [InlineData("NGHỊ QUYẾT TRUNG ƯƠNG 5 KHÓA XII", "TW5/XII|NGHỊ QUYẾT TRUNG ƯƠNG 5")]
    [InlineData("Thực hiện Nghị quyết Trung ương 4 khóa XII, vì vậy cần học tập.", "TW4/XII|Nghị quyết Trung ương 4")]
    [InlineData("Thực hiện Nghị quyết Trung ương 4 khóa XII, Vì vậy cần học tập.", "TW4/XII|Nghị quyết Trung ương 4")]
    public void Extract_PlenumResolution_YieldsPlenumAndTermKeys(string text, params string[] expected)
    {
        // Act
        var mentions = Run(text).Select(m => $"{m.Key}|{m.Text}");

        // Assert
        Assert.Equal(expected, mentions);
    }

    [Fact]
    public void Extract_NumberedResolutionOfAPlenum_IsTheNumberedResolutionOnly()
    {
        // Act
        var mentions = Run("Gắn với việc thực hiện Nghị quyết số 26 của Hội nghị Trung ương 7 (khóa XII) và đổi mới.");

        // Assert
        Assert.Equal([("26-NQ/TW", "Nghị quyết số 26")], mentions);
    }

    [Fact]
    public void Extract_ResolutionOfTheCentre_TakesIssuerTW()
    {
        // Act
        var mentions = Run("Dự thảo kế hoạch thực hiện Nghị quyết số 26 của Trung ương về cán bộ.");

        // Assert
        Assert.Equal([("26-NQ/TW", "Nghị quyết số 26")], mentions);
    }

    [Theory]
    [InlineData("Thực hiện Chỉ thị 05 của Bộ Chính trị.", "05-CT/TW")]
    [InlineData("Thực hiện Chỉ thị 05 của Ban Bí thư.", "05-CT/TW")]
    [InlineData("Thực hiện Chỉ thị 15 của Thành ủy.", "15-CT/TU")]
    [InlineData("Thực hiện Chỉ thị 15 của Ban Thường vụ Thành ủy Hà Nội.", "15-CT/TU")]
    [InlineData("Thực hiện Kế hoạch 12 của Quận ủy Long Biên.", "12-KH/QU")]
    [InlineData("Thực hiện Kế hoạch 12 của Huyện ủy.", "12-KH/HU")]
    [InlineData("Thực hiện Nghị quyết 03 của Đảng ủy phường.", "03-NQ/ĐU")]
    [InlineData("Thực hiện Nghị quyết 03 của Đảng uỷ phường.", "03-NQ/ĐU")]
    [InlineData("Thực hiện Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị.", "05-CT/TW")]
    [InlineData("Thực hiện Kết luận số 316 của Thanh tra Sở.", "316-KL")]
    [InlineData("UBND tỉnh ra quyết định số 10 điều chỉnh tuyến đường.", "10-QĐ")]
    [InlineData("Chi trả theo Công văn 2039 của Bảo hiểm xã hội.", "2039-CV")]
    public void Extract_BodyNamedAfterTheMention_DecidesTheIssuer(string text, string key)
    {
        // Act
        var keys = Run(text).Select(m => m.Key);

        // Assert
        Assert.Equal([key], keys);
    }

    [Fact]
    public void Extract_TwoMentionsSharingOneBody_BothTakeTheIssuer()
    {
        // Act
        var keys = Run("Chỉ đạo thực hiện nghiêm túc Nghị quyết 15 và Chỉ thị 15 của Thành ủy.").Select(m => m.Key);

        // Assert
        Assert.Equal(["15-NQ/TU", "15-CT/TU"], keys);
    }

    [Fact]
    public void Extract_BareMentionNamedElsewhereWithIssuer_TakesThatIssuer()
    {
        // Act
        var keys = Run("Thực hiện Chỉ thị 05. Sơ kết Chỉ thị 05-CT/TW trong toàn đảng bộ.").Select(m => m.Key);

        // Assert
        Assert.Equal(["05-CT/TW", "05-CT/TW"], keys);
    }

    [Fact]
    public void Extract_BareMentionWithTwoIssuersElsewhere_StaysOpen()
    {
        // Act
        var keys = Run("Thực hiện Chỉ thị 05. Chỉ thị 05-CT/TW và Chỉ thị 05-CT/TU đều quan trọng.").Select(m => m.Key);

        // Assert
        Assert.Equal(["05-CT", "05-CT/TW", "05-CT/TU"], keys);
    }

    [Fact]
    public void Extract_BareMentionAlone_HasUnknownIssuer()
    {
        // Act
        var mention = Assert.Single(Extractor.Extract("Nâng cao chất lượng sinh hoạt gắn với Chỉ thị 05; tiếp tục thực hiện."));

        // Assert
        Assert.Equal("05-CT", mention.Key);
        Assert.Null(mention.Issuer);
    }

    [Fact]
    public void Extract_BareStateNumberNamedElsewhereInFull_TakesTheFullNumber()
    {
        // Act
        var keys = Run("Theo Nghị định 15/2020/NĐ-CP về xử phạt. Nghị định 15 có hiệu lực từ tháng 4.").Select(m => m.Key);

        // Assert
        Assert.Equal(["15/2020/NĐ-CP", "15/2020/NĐ-CP"], keys);
    }

    [Theory]
    [InlineData("Theo Nghị định số 15/2020/NĐ-CP của Chính phủ.", "15/2020/NĐ-CP", "decree", "Nghị định số 15/2020/NĐ-CP")]
    [InlineData("Căn cứ Quyết định số 5140/QĐ-UBND ngày 2/10/2019.", "5140/QĐ-UBND", "decision", "Quyết định số 5140/QĐ-UBND")]
    [InlineData("Thực hiện Công văn số 412/UBND-NV của UBND quận.", "412/UBND-NV", "official_letter", "Công văn số 412/UBND-NV")]
    [InlineData("Theo Thông tư 13/2019/TT-BNV hướng dẫn.", "13/2019/TT-BNV", "circular", "Thông tư 13/2019/TT-BNV")]
    [InlineData("Theo Quyết định số 58/2016/QĐ-Ttg của Thủ tướng.", "58/2016/QĐ-TTg", "decision", "Quyết định số 58/2016/QĐ-Ttg")]
    [InlineData("Căn cứ Luật số 91/2015/QH13.", "91/2015/QH13", "law", "Luật số 91/2015/QH13")]
    [InlineData("Theo Nghị định 43/2014 về đất đai.", "43/2014/NĐ", "decree", "Nghị định 43/2014")]
    [InlineData("Theo Nghị quyết 30a/2008/NQ-CP về giảm nghèo.", "30a/2008/NQ-CP", "resolution", "Nghị quyết 30a/2008/NQ-CP")]
    [InlineData("Theo thông báo số 961A/TB-LĐ của công ty.", "961A/TB-LĐ", "notice", "thông báo số 961A/TB-LĐ")]
    [InlineData("Theo Thông tư 04/2012/ TT-BTTTT có hiệu lực.", "04/2012/TT-BTTTT", "circular", "Thông tư 04/2012/ TT-BTTTT")]
    [InlineData("Theo Công văn số 8017/UBND-QLĐTh của UBND.", "8017/UBND-QLĐTh", "official_letter", "Công văn số 8017/UBND-QLĐTh")]
    public void Extract_StateStyleNumber_KeepsNumberYearAndSymbol(string text, string key, string kind, string span)
    {
        // Act
        var mention = Assert.Single(Extractor.Extract(text));

        // Assert
        Assert.Equal((key, kind, span), (mention.Key, mention.Kind, mention.Text));
    }

    [Theory]
    [InlineData("Căn cứ 15/2020/NĐ-CP về xử phạt.", "15/2020/NĐ-CP", "decree")]
    [InlineData("Thực hiện 05-CT/TW trong toàn đảng bộ.", "05-CT/TW", "directive")]
    [InlineData("Theo 03-KH/DU của Đảng ủy.", "03-KH/ĐU", "plan")]
    public void Extract_SymbolStandingAlone_IsAMention(string text, string key, string kind)
    {
        // Act
        var mention = Assert.Single(Extractor.Extract(text));

        // Assert
        Assert.Equal((key, kind), (mention.Key, mention.Kind));
    }

    [Theory]
    [InlineData("Thuc hien Chi thi 05-CT/TW trong toan dang bo.", "05-CT/TW", "Chi thi 05-CT/TW")]
    [InlineData("Tiep tuc Nghi quyet Trung uong 4 khoa XII va hoc tap.", "TW4/XII", "Nghi quyet Trung uong 4")]
    [InlineData("Trien khai Ke hoach so 03-KH/DU cua Dang uy.", "03-KH/ĐU", "Ke hoach so 03-KH/DU")]
    [InlineData("Thuc hien chi thi so 05 cua Bo Chinh tri.", "05-CT/TW", "chi thi so 05")]
    [InlineData("Theo quyet dinh so 217 cua Quan uy.", "217-QĐ/QU", "quyet dinh so 217")]
    [InlineData("Theo De an 15-DA/QU cua Quan uy.", "15-ĐA/QU", "De an 15-DA/QU")]
    [InlineData("Theo Nghi dinh so 15/2020/ND-CP cua Chinh phu.", "15/2020/NĐ-CP", "Nghi dinh so 15/2020/ND-CP")]
    public void Extract_TextWithoutDiacritics_YieldsKeysWithDiacritics(string text, string key, string span)
    {
        // Act
        var mentions = Run(text);

        // Assert
        Assert.Equal([(key, span)], mentions);
    }

    [Fact]
    public void Extract_NfdTextNormalizedToNfc_GivesTheSameMentionsAsNfc()
    {
        // Arrange
        const string nfc = "Thực hiện Chỉ thị số 05 của Bộ Chính trị và Nghị quyết Trung ương 4 khóa XII, Đề án số 15-ĐA/QU.";
        var nfd = nfc.Normalize(NormalizationForm.FormD);

        // Act
        var fromNfd = Extractor.Extract(nfd.Normalize(NormalizationForm.FormC));
        var fromNfc = Extractor.Extract(nfc);

        // Assert
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(["05-CT/TW", "TW4/XII", "15-ĐA/QU"], fromNfd.Select(m => m.Key));
        Assert.Equal(fromNfc, fromNfd);
    }

    [Theory]
    [InlineData("Đảng ủy phường đã ban hành 10 Nghị quyết chuyên đề để chỉ đạo.")]
    [InlineData("Chỉ đạo tổng kết 8 nghị quyết, chỉ thị theo chỉ đạo của Quận ủy.")]
    [InlineData("Xây dựng kế hoạch thực hiện 03 chương trình công tác của Quận uỷ.")]
    [InlineData("Đảm bảo trật tự đô thị theo kế hoạch của Ban Chỉ đạo 197 quận.")]
    [InlineData("Ban Chấp hành Đảng bộ Quận tổ chức Hội nghị lần thứ 18.")]
    [InlineData("Tổ chức triển khai Đề án “Hỗ trợ phụ nữ khởi nghiệp giai đoạn 2018-2025”.")]
    [InlineData("Hoàn thành chỉ tiêu Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2015 - 2020.")]
    [InlineData("Tổ chức hội nghị quán triệt Nghị quyết Đại hội Đảng bộ Thành phố lần thứ XVII.")]
    [InlineData("Xét, đề nghị quyết định kết nạp 11 đảng viên mới.")]
    [InlineData("Ngày 15/12/2020, thu ngân sách đạt 120% kế hoạch, 12.877.755.000 đồng.")]
    [InlineData("Thực hiện kế hoạch 5 năm và kế hoạch 60.000 đồng, đạt 100% kế hoạch.")]
    [InlineData("Theo phương châm “Kế hoạch 1, nhiệm vụ giải pháp 10 và thực hiện 20”.")]
    [InlineData("Phòng chống dịch Covid-19 và tiêu chuẩn ISO 9001:2015.")]
    [InlineData("Chương trình 2018 của phường và chương trình công tác năm 2020.")]
    [InlineData("Mỗi người để ăn 2 bữa.")]
    [InlineData("Dự án tái định cư A4/NO1, A4/NO4 và đường 40m.")]
    [InlineData("Triển khai thực hiện Đề án Biến rác thải thành học bổng.")]
    [InlineData("Ban Chấp hành Đảng bộ Quận khóa XXV và Thường trực Thành ủy khóa XVI.")]
    [InlineData("Hình thức cắt điện: KẾ HOẠCH 16 Hoàng Mai 07:00 15:00.")]
    public void Extract_NotAMention_YieldsNothing(string text)
    {
        // Act
        var mentions = Run(text);

        // Assert
        Assert.Empty(mentions);
    }

    [Fact]
    public void Extract_Mention_CarriesAllFields()
    {
        // Arrange
        const string text = "Mở đầu báo cáo.\nNăm 2018, Đảng ủy thực hiện Chỉ thị số 5 của Bộ Chính trị về học tập. Câu sau.";

        // Act
        var m = Assert.Single(Extractor.Extract(text));

        // Assert
        Assert.Equal("05-CT/TW", m.Key);
        Assert.Equal("directive", m.Kind);
        Assert.Equal("Chỉ thị số 5", m.Text);
        Assert.Equal(text.IndexOf("Chỉ thị", StringComparison.Ordinal), m.Start);
        Assert.Equal(m.Text, text[m.Start..m.End]);
        Assert.Equal("Năm 2018, Đảng ủy thực hiện Chỉ thị số 5 của Bộ Chính trị về học tập.", m.Sentence);
        Assert.Equal(("05", "CT", "TW"), (m.Number, m.Symbol, m.Issuer));
        Assert.Null(m.Plenum);
        Assert.Null(m.Term);
    }

    [Fact]
    public void Extract_PlenumMention_CarriesPlenumAndTerm()
    {
        // Act
        var m = Assert.Single(Extractor.Extract("Thực hiện Nghị quyết Trung ương IV ( khóa XII) gắn với học tập."));

        // Assert
        Assert.Equal(("resolution", 4, "XII", "TW", (string?)null), (m.Kind, m.Plenum, m.Term, m.Issuer, m.Number));
    }

    [Fact]
    public void Extract_StateMention_CarriesNumberYearSymbolAndIssuer()
    {
        // Act
        var m = Assert.Single(Extractor.Extract("Theo Nghị định số 15/2020/NĐ-CP."));

        // Assert
        Assert.Equal(("15/2020", "NĐ-CP", "CP"), (m.Number, m.Symbol, m.Issuer));
    }

    [Fact]
    public void Extract_ManyThreadsAtOnce_GiveTheSameResults()
    {
        // Arrange
        const string text = "Thực hiện NQ TW4, TW6 khóa XII, chỉ thị số 05 của Bộ chính trị; quyết định số 217,218 của Bộ chính trị.";
        var expected = Extractor.Extract(text);

        // Act
        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => Extractor.Extract(text)).ToList();

        // Assert
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Extract_RandomMixOfDocumentWords_NeverThrowsAndKeepsSpansConsistent()
    {
        // Arrange: fragments of mentions, numbers and punctuation glued at random (fixed seed).
        string[] pieces =
        [
            "Nghị quyết", "Chỉ thị", "NQ", "TW", "Trung ương", "số", "05", "4", "IV", "-CT/TW", " - NQ/TU", "/2020/NĐ-CP",
            "khóa", "XII", "(", ")", ",", " và ", "của", "Bộ Chính trị", "Quận ủy", "\n", ".", " ", "15/12/2020", "%", "Đề án", "217,218",
            "Hội nghị", "lần thứ", "tư", "Ban Chấp hành", "Đảng", "KẾ HOẠCH", "Luật", "số:", "–", "ư", "\u0301",
        ];
        var random = new Random(20261129);

        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? " " : "")))
                .Normalize(NormalizationForm.FormC);

            // Act
            var mentions = Extractor.Extract(text);

            // Assert
            var previousStart = -1;
            foreach (var m in mentions)
            {
                Assert.True(m.Start >= previousStart && m.Start < m.End && m.End <= text.Length, text);
                Assert.Equal(text[m.Start..m.End], m.Text);
                Assert.Contains(m.Text, m.Sentence, StringComparison.Ordinal);
                Assert.NotEqual("", MentionKeys.KindOf(m.Key));
                previousStart = m.Start;
            }
        }
    }

    [Fact]
    public void Extract_EmptyText_YieldsNothing()
    {
        // Act / Assert
        Assert.Empty(Extractor.Extract(""));
    }
}
