using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace SearchService.Bench.Perf;

/// <summary>The machine a figure was measured on, printed with every result, and child runs of this bench.</summary>
internal static class Machine
{
    public static string Describe() =>
        $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, " +
        $".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {LoadAverage()}";

    /// <summary>The 1-minute load average (Linux), so a noisy run can be recognised as such.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Runs this bench again as a child process and returns its standard output; throws on failure.</summary>
    public static string RunSelf(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Machine).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"child run '{string.Join(' ', args)}' exited with {process.ExitCode}:\n{output}");
        }

        return output;
    }

    public static double PeakWorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// Samples memory once a second until disposed and keeps the peaks: resident anonymous memory (heap and
    /// native allocations), resident file-backed memory (memory-mapped index files, reclaimable) and the GC
    /// heap. The peak working set alone mixes the three.
    /// </summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Lock _gate = new();

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        public double PeakAnonMb { get; private set; }

        public double PeakFileMb { get; private set; }

        public double PeakGcHeapMb { get; private set; }

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }

        private void Sample()
        {
            lock (_gate)
            {
                PeakGcHeapMb = Math.Max(PeakGcHeapMb, GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024.0));
                if (!File.Exists("/proc/self/status"))
                {
                    return;
                }

                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                    {
                        PeakAnonMb = Math.Max(PeakAnonMb, Kb(line) / 1024.0);
                    }
                    else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                    {
                        PeakFileMb = Math.Max(PeakFileMb, Kb(line) / 1024.0);
                    }
                }
            }
        }

        private static double Kb(string line) => double.Parse(line.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
