using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SearchService.Api.V1;
using SearchService.Tests.Shared;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Server.Tests;

/// <summary>
/// The real Program in-process over a temporary archive: the test reports, every header variant,
/// and files that cannot be read.
/// </summary>
public class ServerFixture : WebApplicationFactory<Program>
{
    public ServerFixture()
        : this(TestArchive.Create())
    {
    }

    protected ServerFixture(string archive)
    {
        Archive = archive;
        IndexPath = TestReports.NewIndexFolder();
    }

    /// <summary>More configuration for a fixture of its own.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public string Archive { get; }

    public string IndexPath { get; }

    public InMemorySink Logs { get; } = new();

    public SearchRpc.SearchServiceClient Search() => new(Channel());

    public IndexService.IndexServiceClient Index() => new(Channel());

    /// <summary>Headers carrying the API key.</summary>
    public Grpc.Core.Metadata WriteHeaders(string? key = null) => new() { { "x-api-key", key ?? ApiKey } };

    /// <summary>Sends <paramref name="documents"/> in one IngestDocuments stream with the API key; the server's answer.</summary>
    public async Task<IngestDocumentsResponse> IngestAsync(IEnumerable<IngestDocumentRequest> documents, CancellationToken cancellationToken)
    {
        using var call = Index().IngestDocuments(WriteHeaders(), cancellationToken: cancellationToken);
        foreach (var document in documents)
        {
            await call.RequestStream.WriteAsync(document, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>Error-level events: none is expected unless a test causes one on purpose.</summary>
    public IReadOnlyList<LogEvent> Errors => Logs.Events.Where(e => e.Level >= LogEventLevel.Error).ToList();

    /// <summary>The API key write calls must send; empty disables writes.</summary>
    public virtual string ApiKey => "test-api-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder
            .UseSetting("Archive:Path", Archive)
            .UseSetting("Index:Path", IndexPath)
            .UseSetting("Security:ApiKey", ApiKey)
            .ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
