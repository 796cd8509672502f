using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SearchService.Server.Tests;

/// <summary>Runs the server's build output as a child process on a free loopback port.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<(Regex Pattern, TaskCompletionSource<string> Waiter)> _waiters = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Starts the server and waits until it listens (after its start-up sync).</summary>
    public static async Task<ServerProcess> StartAsync(string archive, string indexPath, CancellationToken cancellationToken, params string[] settings)
    {
        var server = Start(archive, indexPath, settings);
        await server.WaitUntilListeningAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the server without waiting.</summary>
    public static ServerProcess Start(string archive, string indexPath, params string[] settings)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "SearchService.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            // "--Web:Urls=": no HTTP/1.1 face unless a test asks for one, so that servers started at once do not share its port.
            ArgumentList = { serverDll, "--urls", "http://127.0.0.1:0", "--Web:Urls=", "--Archive:Path", archive, "--Index:Path", indexPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        var server = new ServerProcess(Process.Start(info)!, archive, indexPath);
        void OnLine(string? line)
        {
            if (line is null)
            {
                server._exited.TrySetResult();
                return;
            }

            lock (server._output)
            {
                server._output.Add(line);
                foreach (var (pattern, waiter) in server._waiters.ToList())
                {
                    if (pattern.IsMatch(line))
                    {
                        waiter.TrySetResult(line);
                        server._waiters.Remove((pattern, waiter));
                    }
                }
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
        return server;
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/> (also one already printed).</summary>
    public async Task<string> WaitForLineAsync(Regex pattern, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var seen = _output.FirstOrDefault(pattern.IsMatch);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add((pattern, waiter));
        }

        var finished = await Task.WhenAny(waiter.Task, _exited.Task).WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
        return finished == waiter.Task
            ? await waiter.Task
            : throw new InvalidOperationException($"the server exited before printing /{pattern}/:\n" + string.Join('\n', Output));
    }

    public async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var line = await WaitForLineAsync(ListeningOn(), cancellationToken);
        Address = new Uri(ListeningOn().Match(line).Groups[1].Value);
    }

    /// <summary>Ends the process at once, as kill -9 does: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
