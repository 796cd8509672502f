using System.Text;
using SearchService.Api.V1;
using SearchService.Tests.Shared;

namespace SearchService.Server.Tests.Reliability;

/// <summary>An archive with every kind of bad file next to good reports; the size limit at 64 MiB.</summary>
public sealed class BadFilesServerFixture() : ServerFixture(CreateArchive())
{
    public const string OddName = "odd names/Báo cáo (bản #2) – phường Bồ Đề 'cuối năm' ✓";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Archive:MaxFileBytes"] = (64 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string CreateArchive()
    {
        var root = TestReports.WriteArchive();
        var report = TestReports.Portal("Phường Bồ Đề tổng kết năm", "Phường Bồ Đề hoàn thành các chỉ tiêu kinh tế - xã hội.", "Ngày đăng 05/01/2020 | 08:00 | Lượt xem: 12");
        Directory.CreateDirectory(Path.Combine(root, "bad"));
        File.WriteAllBytes(Path.Combine(root, "bad/empty.txt"), []);
        File.WriteAllBytes(Path.Combine(root, "bad/binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]);
        File.WriteAllBytes(Path.Combine(root, "bad/truncated.txt"), [.. Encoding.UTF8.GetBytes(report)[..^3], 0xE1, 0xBB]);
        using (var huge = File.Create(Path.Combine(root, "bad/huge.txt")))
        {
            huge.SetLength(100L * 1024 * 1024);
        }

        TestReports.Write(root, "good/utf16.txt", report, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        TestReports.Write(root, OddName + ".txt", report);
        TestReports.Write(root, "good/records.jsonl", "{\"id\":\"rec-1\",\"title\":\"Tin một\",\"text\":\"Nội dung một.\"}\n{\"id\":\"rec-2\",\"title\":\n");
        return root;
    }
}

/// <summary>Empty, binary, truncated UTF-8, UTF-16, a 100 MB file, odd file names: each read or skipped with its reason.</summary>
public sealed class BadFileTests(BadFilesServerFixture server) : IClassFixture<BadFilesServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetIndexStats_ReportsEachBadFileWithItsReason()
    {
        var stats = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);

        var reasons = stats.SkippedSources.ToDictionary(s => s.SourcePath + (s.Reason.StartsWith("line", StringComparison.Ordinal) ? "#record" : ""), s => s.Reason);
        Assert.Equal("empty file", reasons["bad/empty.txt"]);
        Assert.Contains("binary", reasons["bad/binary.txt"], StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", reasons["bad/truncated.txt"], StringComparison.Ordinal);
        Assert.Contains("over the 67,108,864-byte limit", reasons["bad/huge.txt"], StringComparison.Ordinal);
        Assert.StartsWith("line 2:", reasons["good/records.jsonl#record"], StringComparison.Ordinal);
        Assert.Equal(TestReports.Corpus.Count + 3, stats.DocumentCount);
    }

    [Theory]
    [InlineData("good/utf16")]
    [InlineData(BadFilesServerFixture.OddName)]
    [InlineData("rec-1")]
    public async Task GoodFilesNextToBadOnes_AreRead(string id)
    {
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = id }, cancellationToken: Ct);

        Assert.Equal(id, document.Id);
        Assert.NotEmpty(document.Text);
    }
}
