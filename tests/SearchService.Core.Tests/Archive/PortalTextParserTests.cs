using System.Text;
using SearchService.Core.Archive;
using SearchService.Core.Documents;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Archive;

public sealed class PortalTextParserTests
{
    private const string Title = "Phường Cự Khối tổng kết công tác năm 2018";
    private const string Body = "Đảng ủy phường lãnh đạo thực hiện Chỉ thị 05-CT/TW.\n\nCông tác dân vận được chú trọng.";

    private static SourceDocument Read(string content, Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? new UTF8Encoding(false)).GetBytes(content)).ToArray();
        var result = ArchiveReader.Parse(bytes, "long-bien/cu-khoi.txt", ".txt");
        Assert.Null(result.Error);
        return Assert.Single(result.Documents);
    }

    [Fact]
    public void Parse_StandardHeader_ReadsEveryField()
    {
        var doc = Read(TestReports.Portal(Title, Body, "Ngày đăng 09/01/2019 | 09:07  | Lượt xem: 8308", "Công tác đảng"));

        Assert.Equal("long-bien/cu-khoi", doc.Id);
        Assert.Equal("long-bien/cu-khoi.txt", doc.SourcePath);
        Assert.Equal("Công tác đảng", doc.Category);
        Assert.Equal(Title, doc.Title);
        Assert.Equal(Body, doc.Text);
        Assert.Equal(8308, doc.ViewCount);
        Assert.Equal(new DateTimeOffset(2019, 1, 9, 9, 7, 0, TimeSpan.FromHours(7)), doc.PublishedAt);
        Assert.Equal(new DateTimeOffset(2019, 1, 9, 2, 7, 0, TimeSpan.Zero), doc.PublishedAt!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("Ngày đăng 12/07/2018 | 15:35  | View count: 289", 289)]
    [InlineData("Ngày đăng 12/07/2018 | 15:35\u00A0 |\u00A0 Lượt xem: 289", 289)]
    [InlineData("Ngày đăng 12/07/2018 | 15:35 | Lượt xem: 1.204", 1204)]
    [InlineData("Ngày đăng 12/07/2018 | 15:35 | Lượt xem: 1,204", 1204)]
    [InlineData("Ngay dang 12/07/2018 | 15:35 | Luot xem: 77", 77)]
    [InlineData("NGÀY ĐĂNG 12/07/2018 | 15:35 | LƯỢT XEM: 5", 5)]
    public void Parse_HeaderVariants_ReadDateAndViewCount(string header, long views)
    {
        var doc = Read(TestReports.Portal(Title, Body, header));

        Assert.Equal(new DateTimeOffset(2018, 7, 12, 15, 35, 0, TimeSpan.FromHours(7)), doc.PublishedAt);
        Assert.Equal(views, doc.ViewCount);
        Assert.Equal(Title, doc.Title);
    }

    [Fact]
    public void Parse_HeaderWithoutTimeOrCount_ReadsTheDay()
    {
        var doc = Read(TestReports.Portal(Title, Body, "Ngày đăng 01/02/2017"));

        Assert.Equal(new DateTimeOffset(2017, 2, 1, 0, 0, 0, TimeSpan.FromHours(7)), doc.PublishedAt);
        Assert.Null(doc.ViewCount);
    }

    [Fact]
    public void Parse_CrlfAndByteOrderMark_GivesLfTextWithoutBom()
    {
        var content = TestReports.Portal(Title, Body).Replace("\n", "\r\n");

        var doc = Read(content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(Body, doc.Text);
        Assert.Equal(Title, doc.Title);
        Assert.DoesNotContain('\r', doc.Text);
        Assert.Equal("Tin tức sự kiện", doc.Category);
    }

    [Fact]
    public void Parse_DecomposedText_BecomesNfc()
    {
        var content = TestReports.Portal(Title, Body).Normalize(NormalizationForm.FormD);

        var doc = Read(content);

        Assert.Equal(Title, doc.Title);
        Assert.Equal(Body, doc.Text);
        Assert.True(doc.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_IsRead()
    {
        var doc = Read(TestReports.Portal(Title, Body), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        Assert.Equal(Title, doc.Title);
    }

    [Fact]
    public void Parse_NoSectionLine_TitleIsFirstLine()
    {
        var doc = Read($"{Title}\nNgày đăng 09/01/2019 | 09:07 | Lượt xem: 3\n\n{Body}");

        Assert.Equal(Title, doc.Title);
        Assert.Equal("", doc.Category);
    }

    [Theory]
    [InlineData("Tin tức\n\nTiêu đề\nKhông có dòng ngày đăng\n\nNội dung.", "no header line")]
    [InlineData("Tin tức\n\nTiêu đề\nNgày đăng 31/02/2019 | 09:07 | Lượt xem: 3\n\nNội dung.", "not a valid")]
    [InlineData("Ngày đăng 09/01/2019 | 09:07 | Lượt xem: 3\n\nNội dung.", "no title")]
    [InlineData("Tin tức\n\nTiêu đề\nNgày đăng 09/01/2019 | 09:07 | Lượt xem: 3\n\n  \n", "no body")]
    public void Parse_BrokenReport_FailsWithReason(string content, string reason)
    {
        var result = ArchiveReader.Parse(Encoding.UTF8.GetBytes(content), "x.txt", ".txt");

        Assert.True(result.Skipped);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }
}
