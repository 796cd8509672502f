using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace SearchService.Bench.Perf;

/// <summary>
/// The built server (Release) as a child process on a free loopback port; its start-up time is from
/// process start to the "Now listening on:" line. Its output up to that line is kept (<see cref="StartupLog"/>),
/// the rest drained and dropped.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;

    private readonly Stopwatch _sinceStart;

    private ServerProcess(Process process, Uri address, TimeSpan startup, Stopwatch sinceStart, IReadOnlyList<string> startupLog)
    {
        _process = process;
        Address = address;
        Startup = startup;
        _sinceStart = sinceStart;
        StartupLog = startupLog;
    }

    public Uri Address { get; }

    public TimeSpan Startup { get; }

    /// <summary>The server's output lines up to "Now listening on:" (the start-up sync's log among them).</summary>
    public IReadOnlyList<string> StartupLog { get; }

    /// <summary>
    /// Polls the gRPC health service until it answers SERVING; returns the time from process start.
    /// </summary>
    public TimeSpan WaitServing(TimeSpan timeout)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (health.Check(new HealthCheckRequest()).Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return _sinceStart.Elapsed;
                }
            }
            catch (Grpc.Core.RpcException) when (deadline.Elapsed < timeout)
            {
            }

            if (deadline.Elapsed >= timeout)
            {
                throw new TimeoutException($"the server was not SERVING within {timeout}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Polls the index statistics until the merge the server starts after its start-up sync is done; returns how long
    /// that took from this call and the segments left.
    /// </summary>
    public (TimeSpan Waited, int Segments) WaitMerged(TimeSpan timeout)
    {
        using var channel = OpenChannel();
        var index = new SearchService.Api.V1.IndexService.IndexServiceClient(channel);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stats = index.GetIndexStats(new SearchService.Api.V1.GetIndexStatsRequest());
            if (!stats.Merging)
            {
                return (clock.Elapsed, stats.SegmentCount);
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"the server was still merging its index after {timeout}");
            }

            Thread.Sleep(200);
        }
    }

    /// <summary>The processor time of the server process so far (user and system, every thread; Linux), in seconds; NaN elsewhere.</summary>
    public double CpuSeconds()
    {
        var stat = $"/proc/{_process.Id}/stat";
        if (!File.Exists(stat))
        {
            return double.NaN;
        }

        // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
        var fields = File.ReadAllText(stat).Split(')')[^1].Trim().Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The peak resident memory of the server process so far (VmHWM, Linux), in MB; NaN elsewhere.</summary>
    public double PeakResidentMb()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return double.NaN;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN
            : double.Parse(line.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>The server built in this repository, or BENCH_SERVER_DLL (another build, e.g. of the base branch, to compare).</summary>
    public static string ServerDll => Environment.GetEnvironmentVariable("BENCH_SERVER_DLL") is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(SyntheticCorpus.RepoRoot, "src", "SearchService.Server", "bin", "Release", "net10.0", "SearchService.Server.dll");

    /// <summary>Starts the server; <paramref name="settings"/> (e.g. "--Web:Urls=…") come after the defaults and win.</summary>
    public static ServerProcess Start(string archive, string index, params string[] settings) =>
        Start(TimeSpan.FromMinutes(30), archive, index, settings);

    /// <summary>
    /// Starts the server and waits up to <paramref name="listenWithin"/> for it to listen: the start-up sync
    /// of a large fresh index (the corpus ×100) takes longer than the default 30 minutes.
    /// </summary>
    public static ServerProcess Start(TimeSpan listenWithin, string archive, string index, params string[] settings)
    {
        if (!File.Exists(ServerDll))
        {
            throw new FileNotFoundException($"build the server first: dotnet build -c Release ({ServerDll} not found)");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
        };
        foreach (var arg in new[] { ServerDll, "--urls", "http://127.0.0.1:0", "--Web:Urls=", "--Archive:Path", archive, "--Index:Path", index }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line || listening.Task.IsCompleted)
            {
                return;
            }

            log.Enqueue(line);
            if (ListeningPattern().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the server exited with {process.ExitCode} before listening"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!listening.Task.Wait(listenWithin))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the server did not listen within {listenWithin}");
        }

        var startup = clock.Elapsed;
        return new ServerProcess(process, listening.Task.Result, startup, clock, [.. log]);
    }

    /// <summary>A channel to the server that opens more HTTP/2 connections when many callers share it.</summary>
    public GrpcChannel OpenChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}
