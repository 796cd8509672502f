using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using SearchService.Api.V1;
using SearchService.Tests.Shared;

namespace SearchService.Server.Tests.Reliability;

/// <summary>
/// kill -9 of a real server process in the middle of work, then a restart: the index opens, what was
/// committed or acknowledged is there, and the rest of the archive is brought in at start.
/// </summary>
public sealed partial class CrashTests
{
    private const string ApiKey = "crash-test-key";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillDuringArchiveSync_RestartFinishesTheWorkWithoutLossOrDuplicates()
    {
        const int reports = 2000;
        var archive = Directory.CreateTempSubdirectory("searchservice-crash-").FullName;
        for (var i = 0; i < reports; i++)
        {
            TestReports.Write(archive, $"r{i / 100:00}/report-{i:0000}.txt", TestReports.Portal(
                $"Báo cáo số {i} của phường Cự Khối về công tác dân vận",
                $"Đảng ủy phường tổ chức hội nghị lần {i}, triển khai Chỉ thị 05-CT/TW và vận động nhân dân giữ gìn vệ sinh môi trường. Mã {i:0000}.",
                $"Ngày đăng {1 + (i % 28):00}/{1 + (i % 12):00}/{2016 + (i % 9)} | 08:00 | Lượt xem: {i}"));
        }

        var index = TestReports.NewIndexFolder();
        var first = ServerProcess.Start(archive, index, "--Index:CommitEveryFiles=64");
        var committed = await first.WaitForLineAsync(Committed(), Ct);
        await first.KillAsync();
        var filesCommitted = int.Parse(Committed().Match(committed).Groups[1].Value);

        await using var second = await ServerProcess.StartAsync(archive, index, Ct);
        var synced = await second.WaitForLineAsync(Synchronized(), Ct);
        using var channel = GrpcChannel.ForAddress(second.Address);
        var stats = await new IndexService.IndexServiceClient(channel).GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);
        var ids = await AllIds(new SearchService.Api.V1.SearchService.SearchServiceClient(channel));

        var read = int.Parse(Synchronized().Match(synced).Groups[1].Value);
        Assert.InRange(filesCommitted, 64, reports - 1);
        Assert.True(read <= reports - filesCommitted, $"the restart read {read} files although {filesCommitted} were committed");
        Assert.Equal(reports, stats.DocumentCount);
        Assert.Equal(reports, ids.Count);
        Assert.Equal(reports, ids.Distinct().Count());
    }

    [Fact]
    public async Task KillDuringAnIngestCall_KeepsEveryAcknowledgedDocument()
    {
        var archive = TestReports.WriteArchive();
        var index = TestReports.NewIndexFolder();
        var settings = new[] { "--Security:ApiKey=" + ApiKey };
        var first = await ServerProcess.StartAsync(archive, index, Ct, settings);
        var headers = new Metadata { { "x-api-key", ApiKey } };
        using (var channel = GrpcChannel.ForAddress(first.Address))
        {
            var client = new IndexService.IndexServiceClient(channel);
            using (var acknowledged = client.IngestDocuments(headers, cancellationToken: Ct))
            {
                for (var i = 0; i < 300; i++)
                {
                    await acknowledged.RequestStream.WriteAsync(Document($"acked/{i:000}", i), Ct);
                }

                await acknowledged.RequestStream.CompleteAsync();
                Assert.Equal(300, (await acknowledged).Accepted);
            }

            var pending = client.IngestDocuments(headers, cancellationToken: Ct);
            for (var i = 0; i < 100; i++)
            {
                await pending.RequestStream.WriteAsync(Document($"pending/{i:000}", i), Ct);
            }

            await first.KillAsync();
            pending.Dispose();
        }

        await using var second = await ServerProcess.StartAsync(archive, index, Ct, settings);
        using var again = GrpcChannel.ForAddress(second.Address);
        var ids = await AllIds(new SearchService.Api.V1.SearchService.SearchServiceClient(again));

        Assert.Equal(300, ids.Count(id => id.StartsWith("acked/", StringComparison.Ordinal)));
        Assert.Equal(TestReports.Corpus.Count, ids.Count(id => !id.Contains('/', StringComparison.Ordinal) || id.Split('/')[0] is not ("acked" or "pending")));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static IngestDocumentRequest Document(string id, int i) => new()
    {
        Id = id,
        Title = $"Tin số {i}: phường Bồ Đề ra quân vệ sinh môi trường",
        Text = $"Nội dung tin số {i}. Hội Cựu chiến binh phường tham gia dọn vệ sinh khu dân cư.",
        Date = "2021-05-06",
    };

    private static async Task<List<string>> AllIds(SearchService.Api.V1.SearchService.SearchServiceClient client)
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await client.SearchAsync(new SearchRequest { PageSize = 100, PageToken = token, OrderBy = "date_asc" }, cancellationToken: Ct);
            ids.AddRange(page.Results.Select(r => r.Document.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return ids;
    }

    [GeneratedRegex(@"Committed (\d+)/\d+ files")]
    private static partial Regex Committed();

    [GeneratedRegex(@"files scanned, (\d+) read")]
    private static partial Regex Synchronized();
}
