using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using SearchService.Api.V1;
using SearchService.Tests.Shared;
using Serilog.Events;

namespace SearchService.Server.Tests;

/// <summary>The SearchService, IndexService statistics and health over the in-process test host.</summary>
public sealed class SearchApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_EmptyQuery_ReturnsEveryReadableDocument()
    {
        var response = await server.Search().SearchAsync(new SearchRequest { PageSize = 100 }, cancellationToken: Ct);

        Assert.Equal(TestArchive.GoodDocumentCount, response.TotalSize);
        Assert.Equal(TestArchive.GoodDocumentCount, response.Results.Count);
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task Search_RelaxedCorrectedOrResolved_SaysSoInTheResponse()
    {
        var client = server.Search();

        var dropped = await client.SearchAsync(new SearchRequest { Query = "dân vận khéo zyxwvq" }, cancellationToken: Ct);
        var directive = await client.SearchAsync(new SearchRequest { Query = "Directive 05" }, cancellationToken: Ct);
        var telex = await client.SearchAsync(new SearchRequest { Query = "daan vaajn kheos" }, cancellationToken: Ct);

        Assert.True(dropped.Interpretation.Relaxed);
        Assert.Equal(["zyxwvq"], dropped.Interpretation.DroppedWords);
        Assert.Equal("long-bien/ngoc-thuy-2018", dropped.Results[0].Document.Id);
        Assert.Equal(["zyxwvq"], dropped.Results[0].MissingWords);
        Assert.Equal(["05-CT/TW"], directive.Interpretation.ReferenceKeys);
        Assert.Equal("long-bien/cu-khoi-2018", directive.Results[0].Document.Id);
        Assert.Contains(telex.Interpretation.Corrections, c => c is { Typed: "vaajn", Corrected: "vận", Kind: "input_method" });
        Assert.Equal("long-bien/ngoc-thuy-2018", telex.Results[0].Document.Id);
    }

    [Fact]
    public async Task GetDocument_EachHeaderVariant_IsReadWithDateAndViews()
    {
        var client = server.Search();
        foreach (var (id, (_, views)) in TestArchive.Variants)
        {
            var document = await client.GetDocumentAsync(new GetDocumentRequest { Id = id }, cancellationToken: Ct);

            Assert.Equal(views, document.ViewCount);
            Assert.Equal(new DateTimeOffset(2018, 7, 12, 8, 35, 0, TimeSpan.Zero), document.PublishedAt.ToDateTimeOffset());
            Assert.Equal(TestArchive.VariantBody, document.Text);
            Assert.Equal(2018, document.Year);
        }
    }

    [Theory]
    [InlineData("variants/crlf-bom")]
    [InlineData("variants/nfd")]
    public async Task GetDocument_CrlfBomAndNfd_GiveCleanNfcText(string id)
    {
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = id }, cancellationToken: Ct);

        Assert.Equal(TestArchive.VariantBody, document.Text);
        Assert.Equal("Cựu chiến binh phường Phúc Lợi tọa đàm", document.Title);
        Assert.Equal("Tin tức sự kiện", document.Category);
        Assert.Equal(id + ".txt", document.SourcePath);
    }

    [Fact]
    public async Task GetIndexStats_BrokenFiles_AreReportedWithReasons()
    {
        var stats = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);

        Assert.Equal(TestArchive.BrokenFiles, stats.SkippedSources.Select(s => s.SourcePath));
        Assert.All(stats.SkippedSources, s => Assert.NotEmpty(s.Reason));
        Assert.Equal(TestArchive.GoodDocumentCount, stats.DocumentCount);
        Assert.True(stats.SizeOnDiskBytes > 0);
    }

    [Fact]
    public async Task Search_Paging_VisitsEveryHitExactlyOnce()
    {
        var client = server.Search();
        var ids = new List<string>();
        var token = "";
        long total;
        do
        {
            var page = await client.SearchAsync(new SearchRequest { Query = "phường", PageSize = 3, PageToken = token }, cancellationToken: Ct);
            total = page.TotalSize;
            ids.AddRange(page.Results.Select(r => r.Document.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task Search_PageSizeOutOfRange_IsInvalidArgumentNamingTheField(int pageSize)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Search().SearchAsync(new SearchRequest { PageSize = pageSize }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_size", error.Status.Detail, StringComparison.Ordinal);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.Equal("page_size", Assert.Single(badRequest!.FieldViolations).Field);
    }

    [Fact]
    public async Task Search_PageSizeUnset_UsesTheDefaultOfTen()
    {
        var response = await server.Search().SearchAsync(new SearchRequest(), cancellationToken: Ct);

        Assert.Equal(10, response.Results.Count);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Search_ForgedPageToken_IsInvalidArgument(string token)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Search().SearchAsync(new SearchRequest { PageToken = token }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDocument_UnknownId_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "no/such/report" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GetDocument_EmptyId_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Search().GetDocumentAsync(new GetDocumentRequest(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Search_MalformedQueries_NeverGiveInternal()
    {
        var client = server.Search();
        var random = new Random(7);
        var fragments = new[] { "title:(", "\"", "-", "*", "?", "~2", "^3", "[a TO", "{", "}", "\\", "/", "&&", "||", "!", "NOT", "AND", "chỉ", "thị", "05-CT/TW", "\u0300", "\u00A0", "\uFFFF", "\uD800", "ủy", "" };
        for (var i = 0; i < 200; i++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => fragments[random.Next(fragments.Length)] + (random.Next(3) == 0 ? " " : "")));
            try
            {
                await client.SearchAsync(new SearchRequest { Query = query }, cancellationToken: Ct);
            }
            catch (RpcException e)
            {
                Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            }
        }

        var tooLong = await Assert.ThrowsAsync<RpcException>(() =>
            client.SearchAsync(new SearchRequest { Query = new string('a', 5000) }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Empty(server.Errors);
    }

    [Fact]
    public async Task Search_Snippets_HighlightInsideTheSnippetText()
    {
        var response = await server.Search().SearchAsync(new SearchRequest { Query = "tiem chung" }, cancellationToken: Ct);

        var result = Assert.Single(response.Results);
        var snippet = Assert.Single(result.Snippets);
        Assert.Equal(["tiêm chủng"], snippet.Highlights.Select(h => snippet.Text[h.Start..h.End]));
        Assert.NotNull(result.Document.PublishedAt);
        Assert.Equal("tay-ho/nhat-tan-2021", result.Document.Id);
    }

    [Fact]
    public async Task Calls_AreLoggedOncePerCallWithStatusAndDuration()
    {
        const string method = "/searchservice.v1.IndexService/GetIndexStats";
        var before = server.Logs.CallLines(method).Count;
        await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);
        await Assert.ThrowsAsync<RpcException>(() =>
            server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "logged/missing" }, cancellationToken: Ct).ResponseAsync);

        var lines = server.Logs.CallLines(method);
        Assert.Equal(before + 1, lines.Count);
        Assert.Equal("OK", lines[^1].Properties["GrpcStatusCode"].ToString());
        Assert.Equal(LogEventLevel.Information, lines[^1].Level);
        Assert.True(lines[^1].Properties.ContainsKey("ElapsedMs"));
        Assert.Equal((1001, "CallCompleted"), InMemorySink.EventOf(lines[^1]));
        Assert.Contains(server.Logs.CallLines("/searchservice.v1.SearchService/GetDocument"), e => e.Properties["GrpcStatusCode"].ToString() == "NotFound");
    }

    [Fact]
    public async Task Health_IsServingAfterTheStartupSync()
    {
        var health = new Health.HealthClient(server.Channel());

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
