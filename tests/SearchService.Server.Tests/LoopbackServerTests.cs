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

/// <summary>Runs the server's build output as a child process on a free loopback port.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, string archive, string indexPath)
    {
        _process = process;
        Archive = archive;
        IndexPath = indexPath;
    }

    public string Archive { get; }

    public string IndexPath { get; }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string archive, string indexPath, CancellationToken cancellationToken)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "SearchService.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serverDll, "--urls", "http://127.0.0.1:0", "--Archive:Path", archive, "--Index:Path", indexPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var server = new ServerProcess(Process.Start(info)!, archive, indexPath);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException("the server exited before listening:\n" + string.Join('\n', server.Output)));
                return;
            }

            lock (server._output)
            {
                server._output.Add(line);
            }

            var match = ListeningOn().Match(line);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        server._process.OutputDataReceived += (_, e) => OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                OnLine(e.Data);
            }
        };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server.Address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
