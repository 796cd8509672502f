using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using SearchService.Api.V1;
using SearchService.Tests.Shared;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Server.Tests.Http;

/// <summary>
/// The built server as a real process: --urls keeps serving gRPC over cleartext HTTP/2, Web:Urls serves the
/// page and the JSON routes over HTTP/1.1 on its own port, and an empty Web:Urls opens no second port.
/// </summary>
public sealed class HttpFaceProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebUrls_ServeHttp11_WhileUrlsKeepGrpcOverHttp2()
    {
        var webPort = FreePort();
        await using var server = await ServerProcess.StartAsync(
            TestArchive.Create(), TestReports.NewIndexFolder(), Ct, $"--Web:Urls=http://127.0.0.1:{webPort}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
        using var channel = GrpcChannel.ForAddress(server.Address);

        using var page = await http.GetAsync("/", Ct);
        using var search = await http.GetAsync("/v1/search?query=Directive%2005&page_size=1", Ct);
        var grpc = await new SearchRpc.SearchServiceClient(channel).SearchAsync(new SearchRequest { Query = "Directive 05", PageSize = 1 }, cancellationToken: Ct);
        using var http11OnGrpcPort = await http.GetAsync(new Uri(server.Address, "/v1/search"), Ct);

        Assert.NotEqual(webPort, server.Address.Port);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(new Version(1, 1), page.Version);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains(grpc.Results[0].Document.Id, await search.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Kestrel answers an HTTP/1.1 request on an HTTP/2-only endpoint with 400 and no content; gRPC's port is unchanged.
        Assert.Equal(HttpStatusCode.BadRequest, http11OnGrpcPort.StatusCode);
        Assert.Contains(server.Output, line => line.Contains($"Now listening on: http://127.0.0.1:{webPort}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyWebUrls_OpensOnlyTheGrpcPort()
    {
        await using var server = await ServerProcess.StartAsync(TestArchive.Create(), TestReports.NewIndexFolder(), Ct, "--Web:Urls=");

        var listening = server.Output.Where(line => line.Contains("Now listening on:", StringComparison.Ordinal)).ToList();

        Assert.Equal([$"Now listening on: http://127.0.0.1:{server.Address.Port}"], listening.Select(l => l[l.IndexOf("Now", StringComparison.Ordinal)..]));
    }

    [Fact]
    public async Task TlsEndpointWithBothProtocols_ServesPageAndGrpcOnOnePort()
    {
        var port = FreePort();
        var certificate = Path.Combine(Directory.CreateTempSubdirectory("searchservice-tls-").FullName, "server.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(certificate, self.Export(X509ContentType.Pfx, "test"), Ct);
        }

        await using var server = ServerProcess.Start(TestArchive.Create(), TestReports.NewIndexFolder(), "--Web:Urls=",
            $"--Kestrel:Endpoints:Main:Url=https://127.0.0.1:{port}", "--Kestrel:Endpoints:Main:Protocols=Http1AndHttp2",
            $"--Kestrel:Endpoints:Main:Certificate:Path={certificate}", "--Kestrel:Endpoints:Main:Certificate:Password=test");
        await server.WaitForLineAsync(new Regex($@"Now listening on: https://127\.0\.0\.1:{port}"), Ct);
        var address = new Uri($"https://127.0.0.1:{port}");
        static SocketsHttpHandler TrustingTheTestCertificate() => new() { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        using var http = new HttpClient(TrustingTheTestCertificate()) { BaseAddress = address, DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = TrustingTheTestCertificate(), DisposeHttpClient = true });

        using var page = await http.GetAsync("/", Ct);
        var grpc = await new SearchRpc.SearchServiceClient(channel).SearchAsync(new SearchRequest { Query = "Directive 05", PageSize = 1 }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpVersion.Version11, page.Version);
        Assert.Contains("Tra cứu báo cáo", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("long-bien/cu-khoi-2018", grpc.Results[0].Document.Id);
        Assert.Single(server.Output, line => line.Contains("Now listening on:", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
