using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SearchService.Bench.Perf;

/// <summary>
/// The built server (Release) as a child process on a free loopback port; its start-up time is from
/// process start to the "Now listening on:" line. Its output is drained and dropped after that line.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, TimeSpan startup)
    {
        _process = process;
        Address = address;
        Startup = startup;
    }

    public Uri Address { get; }

    public TimeSpan Startup { get; }

    public static string ServerDll => Path.Combine(SyntheticCorpus.RepoRoot, "src", "SearchService.Server", "bin", "Release", "net10.0", "SearchService.Server.dll");

    /// <summary>Starts the server; <paramref name="settings"/> (e.g. "--Web:Urls=…") come after the defaults and win.</summary>
    public static ServerProcess Start(string archive, string index, params string[] settings)
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
        var clock = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && !listening.Task.IsCompleted && ListeningPattern().Match(line) is { Success: true } match)
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
        if (!listening.Task.Wait(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the server did not listen within 5 minutes");
        }

        var startup = clock.Elapsed;
        return new ServerProcess(process, listening.Task.Result, startup);
    }

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
