using System.Diagnostics;

namespace SearchService.Bench.Perf;

/// <summary>Latencies (ms) and throughput of one load run.</summary>
internal sealed record LoadResult(int Calls, int Failures, double Seconds, List<double> Latencies)
{
    public double Throughput => Calls / Seconds;

    public double P50 => Stats.Percentile(Latencies, 50);

    public double P99 => Stats.Percentile(Latencies, 99);
}

/// <summary>
/// Runs N concurrent callers over a sequence of calls until a call count or a time limit is reached,
/// whichever comes first. Callers take the next call number from one shared counter.
/// </summary>
internal static class Load
{
    /// <summary>Synchronous calls (in process), one dedicated thread per caller.</summary>
    public static LoadResult RunThreads(int callers, int maxCalls, TimeSpan limit, Action<int> call)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, callers).Select(c =>
        {
            latencies[c] = [];
            var thread = new Thread(() =>
            {
                while (clock.Elapsed < limit)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= maxCalls)
                    {
                        break;
                    }

                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        call(i);
                    }
                    catch (Exception)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            });
            thread.Start();
            return thread;
        }).ToList();
        threads.ForEach(t => t.Join());
        clock.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(all.Count, failures, clock.Elapsed.TotalSeconds, all);
    }

    /// <summary>Asynchronous calls (over gRPC), one task per caller.</summary>
    public static async Task<LoadResult> RunTasksAsync(int callers, int maxCalls, TimeSpan limit, Func<int, Task> call)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            while (clock.Elapsed < limit)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxCalls)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(i).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        clock.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(all.Count, failures, clock.Elapsed.TotalSeconds, all);
    }
}
