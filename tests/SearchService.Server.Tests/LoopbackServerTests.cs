using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using SearchService.Api.V1;
using SearchService.Tests.Shared;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Server.Tests;

/// <summary>
/// The built server as a real process on a loopback port, over a real cleartext HTTP/2 connection
/// with prior knowledge, as other programs call it.
/// </summary>
public sealed partial class LoopbackServerTests : IAsyncLifetime
{
    private ServerProcess? _server;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(TestArchive.Create(), TestReports.NewIndexFolder(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Search_OverRealHttp2_FindsDocumentsAndRefusesBadInput()
    {
        using var channel = GrpcChannel.ForAddress(_server!.Address);
        var client = new SearchRpc.SearchServiceClient(channel);
        var ct = TestContext.Current.CancellationToken;

        var found = await client.SearchAsync(new SearchRequest { Query = "\"dân vận khéo\"" }, cancellationToken: ct);
        var document = await client.GetDocumentAsync(new GetDocumentRequest { Id = found.Results[0].Document.Id }, cancellationToken: ct);
        var badPage = await Assert.ThrowsAsync<RpcException>(() => client.SearchAsync(new SearchRequest { PageSize = 101 }, cancellationToken: ct).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetDocumentAsync(new GetDocumentRequest { Id = "nope" }, cancellationToken: ct).ResponseAsync);

        Assert.Equal("long-bien/ngoc-thuy-2018", document.Id);
        Assert.Contains("dân vận khéo", document.Text, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, badPage.StatusCode);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Health_OverRealHttp2_IsServing()
    {
        using var channel = GrpcChannel.ForAddress(_server!.Address);

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Restart_OnUpToDateIndex_ReadsNoFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var archive = _server!.Archive;
        var index = _server.IndexPath;
        await _server.DisposeAsync();

        _server = await ServerProcess.StartAsync(archive, index, ct);

        Assert.Contains(_server.Output, line => FilesReadZero().IsMatch(line));
    }

    [GeneratedRegex(@"files scanned, 0 read")]
    private static partial Regex FilesReadZero();
}

