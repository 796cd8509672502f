using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using SearchService.Api.V1;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Server.Tests.Http;

/// <summary>A server of its own: one test here deletes a document.</summary>
public sealed class HttpServerFixture : ServerFixture;

/// <summary>
/// The JSON face of the API (google.api.http routes) and gRPC-Web, over the in-process host: every route gives
/// the answer gRPC gives to the same request, errors are google.rpc.Status with the matching HTTP status, and
/// writes keep their API key.
/// </summary>
public sealed class HttpApiTests(HttpServerFixture server) : IClassFixture<HttpServerFixture>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http() => server.CreateClient();

    private async Task<T> GetJson<T>(string url)
        where T : IMessage<T>, new()
    {
        using var response = await Http().GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parser.Parse<T>(body);
    }

    /// <summary>The error body: google.rpc.Status as JSON.</summary>
    private static async Task<JsonElement> Status(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task Search_GetWithQueryString_SameAnswerAsGrpc()
    {
        var request = new SearchRequest { Query = "dân vận", Filter = new Filter { Districts = { "Long Biên" } }, Facets = { "year", "ward" }, PageSize = 1 };
        var grpc = await server.Search().SearchAsync(request, cancellationToken: Ct);

        var json = await GetJson<SearchResponse>("/v1/search?query=d%C3%A2n%20v%E1%BA%ADn&filter.districts=Long%20Bi%C3%AAn&facets=year&facets=ward&page_size=1");
        var next = await GetJson<SearchResponse>($"/v1/search?query=d%C3%A2n%20v%E1%BA%ADn&filter.districts=Long%20Bi%C3%AAn&pageSize=1&pageToken={Uri.EscapeDataString(json.NextPageToken)}");

        Assert.NotEmpty(grpc.NextPageToken);
        Assert.Equal(grpc, json);
        var grpcNext = await server.Search().SearchAsync(new SearchRequest { Query = "dân vận", Filter = request.Filter, PageSize = 1, PageToken = grpc.NextPageToken }, cancellationToken: Ct);
        Assert.Equal(grpcNext.Results, next.Results);
    }

    [Fact]
    public async Task Search_PostWithJsonBody_SameAnswerAsGrpc()
    {
        var request = new SearchRequest { Query = "dân vận khéo zyxwvq", Facets = { "district" } };
        var grpc = await server.Search().SearchAsync(request, cancellationToken: Ct);

        using var response = await Http().PostAsync("/v1/search", Json(request), Ct);
        var json = Parser.Parse<SearchResponse>(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.Interpretation.Relaxed);
        Assert.Equal(["zyxwvq"], json.Interpretation.DroppedWords);
        Assert.Equal(grpc, json);
    }

    [Theory]
    [InlineData("/v1/documents/long-bien/cu-khoi-2018")]
    [InlineData("/v1/documents/long-bien%2Fcu-khoi-2018")]
    public async Task GetDocument_IdWithSlashPlainOrEscaped_SameAnswerAsGrpc(string url)
    {
        var grpc = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "long-bien/cu-khoi-2018" }, cancellationToken: Ct);

        var json = await GetJson<Document>(url);

        Assert.Equal("long-bien/cu-khoi-2018", json.Id);
        Assert.NotEmpty(json.Mentions);
        Assert.Equal(grpc, json);
    }

    [Fact]
    public async Task MentionRoutes_ReferenceTypedAnyWay_SameAnswersAsGrpc()
    {
        var mentions = new MentionService.MentionServiceClient(server.Channel());
        var resolved = await mentions.ResolveReferenceAsync(new ResolveReferenceRequest { Reference = "Chỉ thị 05" }, cancellationToken: Ct);
        var found = await mentions.FindMentionsAsync(new FindMentionsRequest { Reference = "05-CT/TW", PageSize = 5 }, cancellationToken: Ct);
        var summary = await mentions.SummarizeMentionsAsync(new SummarizeMentionsRequest { Reference = "chi thi 05", GroupBy = "ward" }, cancellationToken: Ct);
        var list = await mentions.ListReferencesAsync(new ListReferencesRequest { PageSize = 3 }, cancellationToken: Ct);

        Assert.Equal(resolved, await GetJson<ResolveReferenceResponse>("/v1/references/Ch%E1%BB%89%20th%E1%BB%8B%2005:resolve"));
        Assert.Equal(found, await GetJson<FindMentionsResponse>("/v1/references/05-CT/TW:mentions?page_size=5"));
        Assert.Equal(found, await GetJson<FindMentionsResponse>("/v1/references/05-CT%2FTW:mentions?page_size=5"));
        Assert.Equal(summary, await GetJson<SummarizeMentionsResponse>("/v1/references/chi%20thi%2005:summarize?group_by=ward"));
        Assert.Equal(list, await GetJson<ListReferencesResponse>("/v1/references?page_size=3"));
        Assert.Equal("05-CT/TW", Assert.Single(resolved.Keys).Key);
        Assert.NotEmpty(summary.Groups);
    }

    [Fact]
    public async Task BuildCitations_Post_SameAnswerAsGrpc()
    {
        var request = new BuildCitationsRequest { DocumentIds = { "long-bien/cu-khoi-2018" }, Reference = "Chỉ thị 05", Style = "bibtex" };
        var grpc = await new CitationService.CitationServiceClient(server.Channel()).BuildCitationsAsync(request, cancellationToken: Ct);

        using var response = await Http().PostAsync("/v1/citations:build", Json(request), Ct);
        var json = Parser.Parse<BuildCitationsResponse>(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("@", json.Formatted, StringComparison.Ordinal);
        Assert.Equal(grpc, json);
    }

    [Fact]
    public async Task IndexStats_Get_SameAnswerAsGrpc()
    {
        var grpc = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);

        var json = await GetJson<IndexStats>("/v1/index/stats");

        Assert.Equal(grpc.DocumentCount, json.DocumentCount);
        Assert.Equal(grpc.SkippedSources, json.SkippedSources);
        Assert.Equal(grpc.MentionCount, json.MentionCount);
        Assert.Equal(grpc.SourceFileCount, json.SourceFileCount);
    }

    [Theory]
    [InlineData("/v1/search?page_size=101", "page_size")]
    [InlineData("/v1/search?page_size=0", "page_size")]
    [InlineData("/v1/search?order_by=colour", "order_by")]
    [InlineData("/v1/search?page_token=forged", "page_token")]
    [InlineData("/v1/references/chi%20thi%2005:summarize?group_by=colour", "group_by")]
    [InlineData("/v1/references/hello:summarize?group_by=ward", "reference")]
    public async Task BadRequest_Is400WithStatusNamingTheField(string url, string field)
    {
        using var response = await Http().GetAsync(url, Ct);
        var status = await Status(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        Assert.Contains(field, status.GetProperty("message").GetString(), StringComparison.Ordinal);
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal(field, detail.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task BadInput_NotANumberOrNotJson_Is400WithStatus()
    {
        using var notNumber = await Http().GetAsync("/v1/search?page_size=ten", Ct);
        using var notJson = await Http().PostAsync("/v1/citations:build", new StringContent("{not json", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);
        Assert.Equal(3, (await Status(notNumber)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(3, (await Status(notJson)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task EveryRequest_HasOneLogLine_RpcOrHttp()
    {
        var marker = Guid.NewGuid().ToString("N");
        var http = Http();
        using var refused = await http.GetAsync($"/v1/references/{marker}:resolve", Ct);
        using var notJson = await http.PostAsync($"/v1/citations:build?marker={marker}", new StringContent("{not json", Encoding.UTF8, "application/json"), Ct);
        using var file = await http.GetAsync($"/app.css?marker={marker}", Ct);

        var httpLines = server.Logs.Events.Where(e => e.Properties.TryGetValue("HttpPath", out var path)
            && path.ToString().Contains("citations:build", StringComparison.Ordinal) || e.Properties.TryGetValue("HttpPath", out var css) && css.ToString().Contains("app.css", StringComparison.Ordinal)).ToList();
        var resolveLines = server.Logs.CallLines("/searchservice.v1.MentionService/ResolveReference");

        // An unknown reference is refused by the RPC itself (so logged as a call); a body that is not JSON never
        // reaches it (so logged as an HTTP request); the page's file is an HTTP request.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains(httpLines, e => e.Properties["HttpStatusCode"].ToString() == "400");
        Assert.Contains(httpLines, e => e.Properties["HttpStatusCode"].ToString() == "200");
        Assert.All(httpLines, e => Assert.Equal((1004, "HttpRequest"), InMemorySink.EventOf(e)));
        Assert.Contains(resolveLines, e => e.Properties["GrpcStatusCode"].ToString() == "InvalidArgument");
        Assert.DoesNotContain(server.Logs.Events, e => e.Properties.TryGetValue("HttpPath", out var path) && path.ToString().Contains(marker + ":resolve", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownDocument_Is404WithStatus()
    {
        using var response = await Http().GetAsync("/v1/documents/long-bien/no-such-report", Ct);
        var status = await Status(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(5, status.GetProperty("code").GetInt32());
        Assert.Contains("long-bien/no-such-report", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteDocument_OverHttp_NeedsTheApiKey()
    {
        var ingested = await server.IngestAsync([new IngestDocumentRequest { Id = "http/xoa-1", Title = "Báo cáo để xóa", Text = "Phường Thạch Bàn tổng vệ sinh.", Date = "2022-04-10" }], Ct);
        Assert.Equal(1, ingested.Accepted);

        var http = Http();
        using var missing = await http.DeleteAsync("/v1/documents/http/xoa-1", Ct);
        using var wrong = await http.SendAsync(Delete("/v1/documents/http/xoa-1", "not-the-key"), Ct);
        using var stillThere = await http.GetAsync("/v1/documents/http/xoa-1", Ct);
        using var deleted = await http.SendAsync(Delete("/v1/documents/http/xoa-1", server.ApiKey), Ct);
        using var gone = await http.GetAsync("/v1/documents/http/xoa-1", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(16, (await Status(missing)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True((await Status(deleted)).GetProperty("deleted").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task GrpcWeb_Search_SameAnswerAsGrpc()
    {
        var request = new SearchRequest { Query = "Directive 05", Facets = { "ward" } };
        var grpc = await server.Search().SearchAsync(request, cancellationToken: Ct);
        using var channel = GrpcChannel.ForAddress(server.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, server.Server.CreateHandler()),
        });

        var web = await new SearchRpc.SearchServiceClient(channel).SearchAsync(request, cancellationToken: Ct);

        Assert.Equal(grpc, web);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRoute()
    {
        var document = await Http().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");

        string[] expected =
        [
            "/v1/search", "/v1/documents/{id}", "/v1/references", "/v1/references/{reference}:resolve",
            "/v1/references/{reference}:mentions", "/v1/references/{reference}:summarize", "/v1/citations:build", "/v1/index/stats",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/v1/search").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/documents/{id}").TryGetProperty("delete", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("SearchResponse", out _));
    }

    [Fact]
    public async Task Page_IsServedAtTheRootInVietnamese()
    {
        var http = Http();
        using var page = await http.GetAsync("/", Ct);
        using var script = await http.GetAsync("/app.js", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Tra cứu báo cáo", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownPath_Is404()
    {
        using var response = await Http().GetAsync("/v1/nothing-here", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static StringContent Json(IMessage message)
        => new(JsonFormatter.Default.Format(message), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Delete(string url, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("x-api-key", key);
        return request;
    }
}
