using System.Text;
using SearchService.Core.Archive;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Archive;

public sealed class ArchiveReaderTests
{
    [Fact]
    public void Parse_EmptyFile_IsSkippedWithReason()
    {
        var result = ArchiveReader.Parse([], "a.txt", ".txt");

        Assert.Equal("empty file", result.Error);
    }

    [Fact]
    public void Parse_BinaryFile_IsSkippedWithReason()
    {
        var result = ArchiveReader.Parse([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], "a.txt", ".txt");

        Assert.Contains("binary", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedUtf8_IsSkippedWithReason()
    {
        var bytes = Encoding.UTF8.GetBytes(TestReports.Portal("Tiêu đề", "Nội dung")).ToList();
        bytes.Add(0xE1); // the first byte of a three-byte sequence, then nothing

        var result = ArchiveReader.Parse(bytes.ToArray(), "a.txt", ".txt");

        Assert.Contains("not valid UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnsupportedExtension_IsSkippedWithReason()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var path = TestReports.Write(root, "report.rtf", "{\\rtf1 Báo cáo}");
        var file = ArchiveFile.List(root).Single();

        var result = new ArchiveReader(1_000_000).Read(file, TestContext.Current.CancellationToken);

        Assert.Contains("unsupported file type '.rtf'", result.Error, StringComparison.Ordinal);
        Assert.Equal(SearchService.Core.Archive.Readers.SourceState.Unsupported, result.Status.State);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Read_FileOverTheLimit_IsSkippedWithReason()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        TestReports.Write(root, "big.txt", TestReports.Portal("Tiêu đề", new string('a', 5000)));

        var result = new ArchiveReader(1000).Read(ArchiveFile.List(root).Single(), TestContext.Current.CancellationToken);

        Assert.Contains("over the 1,000-byte limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonLines_ReadsGoodLinesAndReportsBadOnes()
    {
        var lines = string.Join('\n',
            """{"id":"a-1","title":"Phường Bồ Đề ra quân","text":"Nội dung một.","date":"2019-03-05","category":"tin-tuc","url":"http://x/1","ward":"Bồ Đề","district":"Long Biên"}""",
            """{"id":"a-2","title":"Không có nội dung"}""",
            """not json""",
            """{"id":"a-3","title":"Phường Gia Thụy","text":"Nội dung ba.","date":null}""");

        var result = ArchiveReader.Parse(Encoding.UTF8.GetBytes(lines), "batch.jsonl", ".jsonl");

        Assert.Null(result.Error);
        Assert.Equal(["a-1", "a-3"], result.Documents.Select(d => d.Id));
        var first = result.Documents[0];
        Assert.Equal("Bồ Đề", first.Ward);
        Assert.Equal("Long Biên", first.District);
        Assert.Equal(new DateTimeOffset(2019, 3, 5, 0, 0, 0, TimeSpan.FromHours(7)), first.PublishedAt);
        Assert.Null(result.Documents[1].PublishedAt);
        Assert.Equal(2, result.Rejections.Count);
        Assert.StartsWith("line 2: 'text' is missing", result.Rejections[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: not a JSON object", result.Rejections[1], StringComparison.Ordinal);
    }

    [Fact]
    public void List_SkipsHiddenFilesAndFolders()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        TestReports.Write(root, "a/visible.txt", "x");
        TestReports.Write(root, ".git/hidden.txt", "x");
        TestReports.Write(root, "a/.hidden.txt", "x");

        var files = ArchiveFile.List(root);

        Assert.Equal(["a/visible.txt"], files.Select(f => f.RelativePath));
    }

    [Theory]
    [InlineData("2019-03-05", "2019-03-05T00:00:00+07:00")]
    [InlineData("2019-03-05T08:30", "2019-03-05T08:30:00+07:00")]
    [InlineData("2019-03-05T08:30:00Z", "2019-03-05T08:30:00+00:00")]
    [InlineData("2019-03-05T08:30:00+07:00", "2019-03-05T08:30:00+07:00")]
    public void ParseDate_IsoForms_AreHanoiTimeUnlessAnOffsetIsGiven(string value, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JsonLinesParser.ParseDate(value));
    }

    [Theory]
    [InlineData("10/04/2022")]
    [InlineData("2019-13-01")]
    [InlineData("yesterday")]
    public void ParseDate_NotIso_IsRefused(string value)
    {
        Assert.Throws<ArchiveFormatException>(() => JsonLinesParser.ParseDate(value));
    }
}
