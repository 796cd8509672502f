using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Server.Tests;

namespace SearchService.Cli.Tests;

/// <summary>Every verb against the real server in-process over the test reports.</summary>
public sealed class CliVerbTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string CuKhoi = "long-bien/cu-khoi-2018";
    private const string CuKhoiTitle = "Phường Cự Khối tổng kết công tác xây dựng Đảng năm 2018";

    private Task<CliRun> Run(params string[] args) => CliRun.Start(server.Channel(), args);

    [Fact]
    public async Task Search_Words_TableShowsTitleIdAndHighlightedPassage()
    {
        var run = await Run("search", "dân", "vận", "khéo");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Phong trào dân vận khéo ở phường Ngọc Thụy", run.Output, StringComparison.Ordinal);
        Assert.Contains("long-bien/ngoc-thuy-2018", run.Output, StringComparison.Ordinal);
        Assert.Contains("«dân vận khéo»", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Json_ParsesAsTheSearchResponseWithProtoFieldNames()
    {
        var run = await Run("search", "môi trường", "--json", "--facet", "year", "--year-from", "2018");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var response = JsonParser.Default.Parse<SearchResponse>(run.Output);
        Assert.NotEmpty(response.Results);
        Assert.All(response.Results, r => Assert.True(r.Document.Year >= 2018));
        Assert.Equal(response.Results.Count, response.TotalSize);
        Assert.Equal("year", Assert.Single(response.Facets).Field);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.TryGetProperty("total_size", out _));
        Assert.True(json.RootElement.TryGetProperty("next_page_token", out _));
    }

    [Fact]
    public async Task Search_PageSizeAndToken_WalkEveryReportOnce()
    {
        var seen = new List<string>();
        var token = "";
        for (var page = 0; page < 10; page++)
        {
            var args = new List<string> { "search", "--json", "--page-size", "4", "--order", "date_asc" };
            if (token.Length > 0)
            {
                args.AddRange(["--page-token", token]);
            }

            var run = await Run([.. args]);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            var response = JsonParser.Default.Parse<SearchResponse>(run.Output);
            seen.AddRange(response.Results.Select(r => r.Document.Id));
            token = response.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }

        Assert.Equal(TestArchive.GoodDocumentCount, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Show_Id_PrintsMetadataTextAndMentions()
    {
        var run = await Run("show", CuKhoi);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(CuKhoiTitle, run.Output, StringComparison.Ordinal);
        Assert.Contains("09/01/2019 09:07", run.Output, StringComparison.Ordinal);
        Assert.Contains("Công tác dân vận được chú trọng", run.Output, StringComparison.Ordinal);
        Assert.Contains("05-CT/TW", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_ByYear_SummarizesWhereAndWhen()
    {
        var run = await Run("mentions", "Directive 05", "--by", "year");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Chỉ thị 05-CT/TW", run.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.Output.Split('\n'), l => l.Contains(CuKhoi, StringComparison.Ordinal));
        Assert.Contains("2019", row, StringComparison.Ordinal);
        Assert.Contains("09/01/2019", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_List_ShowsTheSentence()
    {
        var run = await Run("mentions", "chi thi 05", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var response = JsonParser.Default.Parse<FindMentionsResponse>(run.Output);
        var hit = Assert.Single(response.Mentions);
        Assert.Equal(CuKhoi, hit.DocumentId);
        Assert.Contains("Chỉ thị 05-CT/TW", hit.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_ListsTheCitedDocuments()
    {
        var run = await Run("references");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(run.Output.Split('\n'), l => l.Contains("05-CT/TW", StringComparison.Ordinal) && l.Contains("directive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_ShowsTheDocumentCount()
    {
        var run = await Run("stats");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var row = Assert.Single(run.Output.Split('\n'), l => l.TrimStart().StartsWith("reports", StringComparison.Ordinal));
        Assert.EndsWith(TestArchive.GoodDocumentCount.ToString(System.Globalization.CultureInfo.InvariantCulture), row.TrimEnd());
        Assert.Contains("could not be read", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_TextStyle_QuotesTheSentence()
    {
        var run = await Run("cite", CuKhoi, "--reference", "Chỉ thị 05");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.StartsWith($"[1] “{CuKhoiTitle}”", run.Output, StringComparison.Ordinal);
        Assert.Contains("đăng ngày 09/01/2019", run.Output, StringComparison.Ordinal);
        Assert.Contains("Trích: “Năm 2018, Đảng ủy phường Cự Khối", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cite_Markdown_IsANumberedListWithBlockquotes()
    {
        var run = await Run("cite", CuKhoi, "long-bien/ngoc-thuy-2018", "--reference", "05-CT/TW", "--style", "markdown");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.StartsWith($"1. **{CuKhoiTitle}**", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("   > Năm 2018", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2. **Phong trào dân vận khéo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cite_CslJson_HasTheRequiredShapeAndRoundTrips()
    {
        var run = await Run("cite", "--query", "phường", "--style", "csl_json", "--reference", "Chỉ thị 05");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var items = JsonSerializer.Deserialize<List<CslItem>>(run.Output);
        Assert.NotNull(items);
        Assert.True(items.Count >= 5);
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrEmpty(item.Id));
            Assert.Contains(item.Type, new[] { "article-newspaper", "webpage" });
            Assert.False(string.IsNullOrEmpty(item.Title));
            Assert.Equal(3, Assert.Single(item.Issued!.DateParts!).Length);
            Assert.Equal(3, Assert.Single(item.Accessed!.DateParts!).Length);
        });
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        var cuKhoi = Assert.Single(items, i => i.Title == CuKhoiTitle);
        Assert.Equal([2019, 1, 9], cuKhoi.Issued!.DateParts![0]);
        Assert.Contains("Chỉ thị 05-CT/TW", cuKhoi.Note, StringComparison.Ordinal);

        // Back to JSON and read again: nothing the model holds is lost.
        var again = JsonSerializer.Deserialize<List<CslItem>>(JsonSerializer.Serialize(items));
        Assert.Equal(items.Select(i => (i.Id, i.Type, i.Title, i.Note)), again!.Select(i => (i.Id, i.Type, i.Title, i.Note)));
    }

    [Fact]
    public async Task Cite_Bibtex_ParsesBackWithUniqueKeys()
    {
        var run = await Run("cite", "--query", "phường", "--style", "bibtex", "--max-results", "50");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var entries = BibtexParser.Parse(run.Output);
        Assert.True(entries.Count >= 5);
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e => Assert.Contains(e.Type, new[] { "online", "misc" }));
        Assert.All(entries, e => Assert.Matches("^[a-z0-9-]+-(\\d{4}|nd)-[0-9a-f]{6,}$", e.Key));
        var cuKhoi = Assert.Single(entries, e => e.Fields["title"] == CuKhoiTitle);
        Assert.Equal("2019-01-09", cuKhoi.Fields["date"]);
    }

    [Fact]
    public async Task Cite_Output_WritesTheFileAsStdoutWouldShowIt()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("searchctl-").FullName, "refs.bib");

        var toFile = await Run("cite", CuKhoi, "--style", "bibtex", "--output", file);
        var toStdout = await Run("cite", CuKhoi, "--style", "bibtex");

        Assert.True(toFile.ExitCode == ExitCodes.Ok, toFile.ToString());
        Assert.Equal(toStdout.Output, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Empty(toFile.Output);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("search", "--page-size", "many")]
    [InlineData("search", "--order", "newest")]
    [InlineData("mentions")]
    [InlineData("mentions", "Chỉ thị 05", "--by", "month")]
    [InlineData("cite")]
    [InlineData("cite", "x", "--style", "apa")]
    [InlineData("ingest")]
    [InlineData("ingest", "/no/such/folder")]
    public async Task BadArguments_ExitWith2AndOneClearLine(params string[] args)
    {
        var run = await Run(args);

        Assert.True(run.ExitCode == ExitCodes.BadArguments, run.ToString());
        Assert.StartsWith("searchctl: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerUnreachable_ExitsWith3()
    {
        var run = await CliRun.Start(null, "stats", "--server", "http://127.0.0.1:1");

        Assert.True(run.ExitCode == ExitCodes.Unreachable, run.ToString());
        Assert.Contains("cannot reach the server at http://127.0.0.1:1", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    public async Task ServerOptionNotAnHttpAddress_ExitsWith2(string address)
    {
        var run = await CliRun.Start(null, "stats", "--server", address);

        Assert.True(run.ExitCode == ExitCodes.BadArguments, run.ToString());
        Assert.Contains("is not an http:// or https:// address", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDocument_ExitsWith4AndTheStatus()
    {
        var run = await Run("show", "no/such-report");

        Assert.True(run.ExitCode == ExitCodes.ServerError, run.ToString());
        Assert.Equal("searchctl: the server answered NOT_FOUND: document 'no/such-report' was not found", run.Error.Trim());
    }

    [Fact]
    public async Task RefusedRequest_ExitsWith4AndNamesTheField()
    {
        var run = await Run("search", "--page-size", "0");

        Assert.True(run.ExitCode == ExitCodes.ServerError, run.ToString());
        Assert.StartsWith("searchctl: the server answered INVALID_ARGUMENT: page_size:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apa", "", StatusCode.InvalidArgument)]
    [InlineData("", "", StatusCode.InvalidArgument)]
    [InlineData("bibtex", "no/such-report", StatusCode.NotFound)]
    public async Task BuildCitations_BadRequest_IsRefusedWithTheRightStatus(string style, string id, StatusCode expected)
    {
        var request = new BuildCitationsRequest { Style = style };
        if (id.Length > 0)
        {
            request.DocumentIds.Add(id);
        }

        var client = new CitationService.CitationServiceClient(server.Channel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.BuildCitationsAsync(request, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(expected, error.StatusCode);
        Assert.Empty(server.Errors);
    }

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var run = await Run("--help");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        foreach (var verb in new[] { "search", "show", "mentions", "references", "cite", "ingest", "stats" })
        {
            Assert.Contains(verb, run.Output, StringComparison.Ordinal);
        }
    }
}
