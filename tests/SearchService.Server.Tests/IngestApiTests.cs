using Grpc.Core;
using SearchService.Api.V1;

namespace SearchService.Server.Tests;

/// <summary>A server of its own, since these tests change the index.</summary>
public sealed class IngestServerFixture : ServerFixture;

/// <summary>A server with no API key configured: writes are disabled.</summary>
public sealed class ReadOnlyServerFixture : ServerFixture
{
    public override string ApiKey => "";
}

/// <summary>IndexService writes: IngestDocuments and DeleteDocument, and who may call them.</summary>
public sealed class IngestApiTests(IngestServerFixture server) : IClassFixture<IngestServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IngestDocumentRequest Report(string id, string text = "Phường Phúc Đồng ra quân tổng vệ sinh môi trường, hưởng ứng Chỉ thị 05-CT/TW.") => new()
    {
        Id = id,
        Title = "Phường Phúc Đồng ra quân vệ sinh môi trường",
        Text = text,
        Date = "2022-04-10",
        Ward = "Phúc Đồng",
        District = "Long Biên",
    };

    private Task<IngestDocumentsResponse> Ingest(params IngestDocumentRequest[] documents) => server.IngestAsync(documents, Ct);

    [Fact]
    public async Task Ingest_BadDocument_IsRejectedWithReasonAndTheGoodOnesLand()
    {
        var response = await Ingest(
            Report("api/phuc-dong-1"),
            new IngestDocumentRequest { Id = "api/no-text", Title = "Không có nội dung" },
            Report("api/phuc-dong-2"),
            new IngestDocumentRequest { Id = "api/bad-date", Title = "Ngày sai", Text = "Nội dung.", Date = "10/04/2022" });

        Assert.Equal(2, response.Accepted);
        Assert.Equal([("api/no-text", 1), ("api/bad-date", 3)], response.Rejected.Select(r => (r.Id, r.Index)));
        Assert.Contains("'text'", response.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'date'", response.Rejected[1].Reason, StringComparison.Ordinal);
        var found = await server.Search().SearchAsync(new SearchRequest { Query = "Phúc Đồng ra quân", PageSize = 100 }, cancellationToken: Ct);
        Assert.Contains("api/phuc-dong-1", found.Results.Select(r => r.Document.Id));
        Assert.Contains("api/phuc-dong-2", found.Results.Select(r => r.Document.Id));
        Assert.DoesNotContain("api/no-text", found.Results.Select(r => r.Document.Id));
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "api/phuc-dong-1" }, cancellationToken: Ct);
        Assert.Equal("Phúc Đồng", document.Ward);
        Assert.Contains(document.Mentions, m => m.Key == "05-CT/TW");
    }

    [Fact]
    public async Task Ingest_SameDocumentTwice_IsUnchangedThenUpdatedWhenItsTextChanges()
    {
        var first = await Ingest(Report("api/idempotent"));
        var again = await Ingest(Report("api/idempotent"));
        var changed = await Ingest(Report("api/idempotent", "Phường Phúc Đồng trồng thêm 200 cây xanh trên các tuyến phố."));

        Assert.Equal((1, 0, 0), (first.Accepted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 1), (again.Accepted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 0), (changed.Accepted, changed.Updated, changed.Unchanged));
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "api/idempotent" }, cancellationToken: Ct);
        Assert.Contains("cây xanh", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameIdManyTimesInOneCall_TheLastVersionSentIsKept()
    {
        // Documents are enriched and written several at once; versions of one id must still land in order.
        var documents = Enumerable.Range(1, 20).SelectMany(i => new[]
        {
            Report("api/versions", $"Phường Phúc Đồng, lần cập nhật số {i}: ra quân vệ sinh môi trường."),
            Report($"api/versions-other-{i}"),
        }).ToArray();

        var response = await Ingest(documents);

        Assert.Equal((21, 19, 0), (response.Accepted, response.Updated, response.Unchanged));
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "api/versions" }, cancellationToken: Ct);
        Assert.Contains("lần cập nhật số 20:", document.Text, StringComparison.Ordinal);
        var found = await server.Search().SearchAsync(new SearchRequest { Query = "\"lần cập nhật số\"", PageSize = 100 }, cancellationToken: Ct);
        Assert.Equal(["api/versions"], found.Results.Select(r => r.Document.Id));
    }

    [Fact]
    public async Task Delete_ExistingDocument_DisappearsAndASecondDeleteIsNotFound()
    {
        await Ingest(Report("api/to-delete"));

        var deleted = await server.Index().DeleteDocumentAsync(new DeleteDocumentRequest { Id = "api/to-delete" }, server.WriteHeaders(), cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<RpcException>(() => server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "api/to-delete" }, cancellationToken: Ct).ResponseAsync);
        var again = await Assert.ThrowsAsync<RpcException>(() => server.Index().DeleteDocumentAsync(new DeleteDocumentRequest { Id = "api/to-delete" }, server.WriteHeaders(), cancellationToken: Ct).ResponseAsync);

        Assert.True(deleted.Deleted);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Writes_WithoutTheRightKey_AreUnauthenticated(string? key)
    {
        var headers = key is null ? new Metadata() : server.WriteHeaders(key);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Index().DeleteDocumentAsync(new DeleteDocumentRequest { Id = "long-bien/cu-khoi-2018" }, headers, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        var still = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "long-bien/cu-khoi-2018" }, cancellationToken: Ct);
        Assert.Equal("long-bien/cu-khoi-2018", still.Id);
    }
}

public sealed class ReadOnlyServerTests(ReadOnlyServerFixture server) : IClassFixture<ReadOnlyServerFixture>
{
    [Fact]
    public async Task Writes_WithNoKeyConfigured_ArePermissionDeniedAndReadsStillWork()
    {
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Index().DeleteDocumentAsync(new DeleteDocumentRequest { Id = "long-bien/cu-khoi-2018" }, server.WriteHeaders("anything"), cancellationToken: ct).ResponseAsync);
        var read = await server.Search().SearchAsync(new SearchRequest(), cancellationToken: ct);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.True(read.TotalSize > 0);
    }
}
