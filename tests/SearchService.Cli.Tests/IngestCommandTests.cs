using Grpc.Net.Client;
using SearchService.Server.Tests;
using SearchService.Tests.Shared;

namespace SearchService.Cli.Tests;

/// <summary>`searchctl ingest` against a server of its own, since it writes to the index.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly ServerFixture _fixture = new();
    private readonly GrpcChannel _channel;

    public IngestCommandTests() => _channel = _fixture.Channel();

    private string ApiKey => _fixture.ApiKey;

    [Fact]
    public async Task Ingest_FolderOfReportsAndJsonLines_SummarizesEachOutcome()
    {
        var folder = NewFolder();

        var first = await CliRun.Start(_channel, "ingest", folder, "--api-key", ApiKey);
        var again = await CliRun.Start(_channel, "ingest", folder, "--api-key", ApiKey, "--json");
        var found = await CliRun.Start(_channel, "search", "khởi nghiệp");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Matches(@"accepted \(new\)\s*│\s*3\s*│", first.Output);
        Assert.Matches(@"rejected by the server\s*│\s*1\s*│", first.Output);
        Assert.Matches(@"not sent \(unreadable\)\s*│\s*2\s*│", first.Output);
        Assert.Contains("no-header.txt", first.Output, StringComparison.Ordinal);
        Assert.Contains("docs.jsonl:2", first.Output, StringComparison.Ordinal);
        Assert.Contains("bad-date", first.Output, StringComparison.Ordinal);
        Assert.Contains("\"unchanged\": 3", again.Output, StringComparison.Ordinal);
        Assert.Contains("phuc-loi/khoi-nghiep", found.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_WithoutTheKey_ExitsWith4AndSaysUnauthenticated()
    {
        var run = await CliRun.Start(_channel, "ingest", NewFolder());

        Assert.True(run.ExitCode == ExitCodes.ServerError, run.ToString());
        Assert.StartsWith("searchctl: the server answered UNAUTHENTICATED:", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _fixture.Dispose();
    }

    private static string NewFolder()
    {
        var root = Directory.CreateTempSubdirectory("searchctl-ingest-").FullName;
        TestReports.Write(root, "phuc-loi/khoi-nghiep.txt", TestReports.Portal(
            "Hội Phụ nữ phường Phúc Lợi hỗ trợ phụ nữ khởi nghiệp",
            "Hội Liên hiệp phụ nữ phường tổ chức tập huấn khởi nghiệp cho hội viên.",
            "Ngày đăng 03/03/2021 | 08:15 | Lượt xem: 77"));
        TestReports.Write(root, "phuc-loi/no-header.txt", "Tin tức\n\nBài không có ngày đăng\n\nNội dung.");
        TestReports.Write(root, "docs.jsonl",
            "{\"id\":\"json/a\",\"title\":\"Tiêu đề A\",\"text\":\"Phường ra quân vệ sinh môi trường.\",\"date\":\"2020-01-02\"}\n"
            + "not json\n"
            + "{\"id\":\"json/b\",\"title\":\"Tiêu đề B\",\"text\":\"Phường tuyên truyền an toàn giao thông.\",\"ward\":\"Cự Khối\",\"district\":\"Long Biên\"}\n"
            + "{\"id\":\"json/bad-date\",\"title\":\"Tiêu đề C\",\"text\":\"Nội dung C.\",\"date\":\"10/04/2022\"}\n");
        return root;
    }
}
