using System.Text;
using SearchService.Cli.Ingest;
using SearchService.Tests.Shared;

namespace SearchService.Cli.Tests;

/// <summary>What `searchctl ingest` reads from disk before it sends anything.</summary>
public sealed class IngestReaderTests
{
    [Fact]
    public void Read_PortalReport_SplitsSectionTitleDateAndBody()
    {
        var root = TestReports.WriteArchive();
        var path = Path.Combine(root, "long-bien", "cu-khoi-2018.txt");

        var item = Assert.Single(IngestReader.Read(path, "long-bien/cu-khoi-2018"));

        Assert.Null(item.Problem);
        var request = item.Request!;
        Assert.Equal("long-bien/cu-khoi-2018", request.Id);
        Assert.Equal("Phường Cự Khối tổng kết công tác xây dựng Đảng năm 2018", request.Title);
        Assert.Equal("Tin tức sự kiện", request.Category);
        Assert.Equal("2019-01-09T09:07:00", request.Date);
        Assert.StartsWith("Năm 2018, Đảng ủy phường Cự Khối", request.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ngày đăng", request.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ngay dang 12/07/2018 | 15:35 | Luot xem: 289")]
    [InlineData("Ngày đăng 12/07/2018 | 15:35\u00A0 |\u00A0 Lượt xem: 289")]
    [InlineData("Ngày đăng 12/07/2018 | 15:35  | View count: 289")]
    public void Read_HeaderVariants_GiveTheSameDate(string header)
    {
        var item = IngestReader.ReadPortal("a.txt", "a", TestReports.Portal("Tiêu đề", "Nội dung.", header));

        Assert.Equal("2018-07-12T15:35:00", item.Request!.Date);
        Assert.Equal("Tiêu đề", item.Request.Title);
    }

    [Fact]
    public void Read_NoHeader_IsReportedNotSent()
    {
        var item = IngestReader.ReadPortal("x.txt", "x", "Tin tức\n\nBài không có ngày đăng\n\nNội dung.");

        Assert.Null(item.Request);
        Assert.Contains("Ngày đăng", item.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonLines_OneRequestPerLineAndBadLinesNamed()
    {
        var root = Directory.CreateTempSubdirectory("searchctl-jsonl-").FullName;
        var path = TestReports.Write(root, "docs.jsonl",
            "{\"id\":\"a\",\"title\":\"Tiêu đề A\",\"text\":\"Nội dung A\",\"date\":\"2020-01-02\",\"ward\":\"Cự Khối\",\"district\":\"Long Biên\"}\n"
            + "\n"
            + "not json\n"
            + "{\"id\":\"b\",\"title\":\"B\",\"text\":\"Nội dung B\",\"url\":\"https://example.org/b\"}\n");

        var items = IngestReader.Read(path, "docs").ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("Cự Khối", items[0].Request!.Ward);
        Assert.Equal("2020-01-02", items[0].Request!.Date);
        Assert.Null(items[1].Request);
        Assert.EndsWith("docs.jsonl:3", items[1].Origin, StringComparison.Ordinal);
        Assert.Equal("https://example.org/b", items[2].Request!.Url);
    }

    [Fact]
    public void Read_JsonLinesWithABadUtf8Line_SendsTheOtherLinesAndAccountsForEveryByte()
    {
        var root = Directory.CreateTempSubdirectory("searchctl-jsonl-").FullName;
        var path = Path.Combine(root, "docs.jsonl");
        File.WriteAllBytes(path, [
            .. Encoding.UTF8.GetBytes("{\"id\":\"a\",\"title\":\"Tiêu đề A\",\"text\":\"Nội dung A\"}\n"),
            .. Encoding.UTF8.GetBytes("{\"id\":\"b\",\"title\":\"B\",\"text\":\"h"),
            0xC3, 0x28,
            .. Encoding.UTF8.GetBytes("ng\"}\n"),
            .. Encoding.UTF8.GetBytes("{\"id\":\"c\",\"title\":\"C\",\"text\":\"Nội dung C\"}"),
        ]);

        var items = IngestReader.Read(path, "docs").ToList();

        Assert.Equal(["a", null, "c"], items.Select(i => i.Request?.Id));
        Assert.EndsWith("docs.jsonl:2", items[1].Origin, StringComparison.Ordinal);
        Assert.StartsWith("not valid UTF-8", items[1].Problem, StringComparison.Ordinal);
        Assert.Equal(new FileInfo(path).Length, items.Sum(i => i.Bytes));
    }

    [Fact]
    public void Read_EmptyJsonLines_IsReportedNotSilentlySkipped()
    {
        var root = Directory.CreateTempSubdirectory("searchctl-jsonl-").FullName;
        var path = TestReports.Write(root, "empty.jsonl", "");

        var item = Assert.Single(IngestReader.Read(path, "empty"));

        Assert.Null(item.Request);
        Assert.Equal("empty file", item.Problem);
    }

    [Fact]
    public void Files_Folder_GivesArchiveStyleIdsInOrder()
    {
        var root = TestReports.WriteArchive();
        File.WriteAllText(Path.Combine(root, "notes.md"), "ignored");

        var files = IngestReader.Files([root]);

        Assert.Equal(TestReports.Corpus.Keys.Order(StringComparer.Ordinal), files.Select(f => f.Id));
    }
}
