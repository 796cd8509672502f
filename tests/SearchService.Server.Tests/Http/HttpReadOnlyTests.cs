using System.Net;
using System.Text.Json;

namespace SearchService.Server.Tests.Http;

/// <summary>With no API key configured, a write over HTTP is refused as over gRPC; reads still answer.</summary>
public sealed class HttpReadOnlyTests(ReadOnlyServerFixture server) : IClassFixture<ReadOnlyServerFixture>
{
    [Fact]
    public async Task DeleteDocument_NoKeyConfigured_Is403AndTheReportStays()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = server.CreateClient();

        using var delete = await http.DeleteAsync("/v1/documents/long-bien/cu-khoi-2018", ct);
        using var read = await http.GetAsync("/v1/documents/long-bien/cu-khoi-2018", ct);
        var status = JsonDocument.Parse(await delete.Content.ReadAsStringAsync(ct)).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(7, status.GetProperty("code").GetInt32());
        Assert.Contains("Security:ApiKey", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
