using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;

namespace SearchService.Bench.Perf;

/// <summary>
/// Ingest of the corpus × N into a fresh index three ways, in the same run: through the server itself
/// (process start to gRPC health SERVING, the start-up sync of the archive's JSON Lines file), through the
/// in-process pipeline (ArchiveSynchronizer without a host), and plain Lucene.Net (StandardAnalyzer +
/// ASCIIFoldingFilter, id/title/text, one commit). Every run is a process of its own, timed from its
/// start, so the peak resident memory (VmHWM) is that run's alone.
/// Usage: ingest [sizes=1,10] [runs at 1×=3] [runs at larger sizes=3] [sides=server,pipeline,plain].
/// </summary>
internal sealed partial class IngestBenchmark : IBenchmark
{
    private static readonly string[] AllKinds = ["server", "pipeline", "plain"];

    public string Name => "ingest";

    public string Description => "ingest documents/s and peak memory: server (start to SERVING), in-process pipeline, plain Lucene; args: [sizes=1,10] [runs1x=3] [runsLarger=3] [sides=server,pipeline,plain]";

    public int Run(string[] args)
    {
        var sizes = (args.Length > 0 ? args[0] : "1,10").Split(',').Select(int.Parse).ToList();
        var runsSmall = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var runsLarge = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var kinds = args.Length > 3 ? args[3].Split(',') : AllKinds;
        Console.WriteLine(Machine.Describe());
        Console.WriteLine("note: the machine is shared with other work; single figures are noisy, compare medians and ratios.");
        Console.WriteLine("times are from process start: the server's to gRPC health SERVING, the others' to exit after their last commit.");

        var summary = new List<string>();
        foreach (var copies in sizes)
        {
            var archive = SyntheticCorpus.Archive(copies);
            var file = Path.Combine(archive, "docs.jsonl");
            var megabytes = new FileInfo(file).Length / 1e6;
            var runs = copies == 1 ? runsSmall : runsLarge;
            Console.WriteLine($"\n== corpus x{copies}: {file} ({megabytes:0.0} MB), {runs} run(s) of each, fresh index every run");
            var results = kinds.ToDictionary(k => k, _ => new List<IngestRun>());
            for (var run = 0; run < runs; run++)
            {
                // Rotate the order so slow phases of the shared machine hit every side.
                foreach (var kind in kinds.Skip(run % kinds.Length).Concat(kinds.Take(run % kinds.Length)))
                {
                    var index = Path.Combine(archive, "..", $"ingest-{kind}-x{copies}");
                    var result = kind == "server" ? RunServer(archive, index) : RunChild(kind, file, archive, index);
                    // The last run's indexes are kept for the query benchmark (index-xN, plain-xN) when none exist yet.
                    var keep = Path.Combine(archive, "..", kind == "plain" ? $"plain-x{copies}" : $"index-x{copies}");
                    if (run == runs - 1 && kind != "server" && !Directory.Exists(keep))
                    {
                        Directory.Move(index, keep);
                    }
                    else
                    {
                        Directory.Delete(index, recursive: true);
                    }

                    results[kind].Add(result);
                    Console.WriteLine($"  run {run + 1} {kind,-8}: {result.Documents:N0} docs in {result.Seconds:0.00} s = {result.Documents / result.Seconds,8:N0} docs/s {megabytes / result.Seconds,6:0.0} MB/s, peak resident {result.PeakMb:N0} MB, cpu {result.CpuSeconds:0.0} s, load {result.Load}");
                }
            }

            var rate = results.ToDictionary(r => r.Key, r => Stats.Median(r.Value.Select(x => x.Documents / x.Seconds).ToList()));
            var peak = results.ToDictionary(r => r.Key, r => Stats.Median(r.Value.Select(x => x.PeakMb).ToList()));
            var cpu = results.ToDictionary(r => r.Key, r => Stats.Median(r.Value.Select(x => x.CpuSeconds).ToList()));
            foreach (var kind in kinds)
            {
                Console.WriteLine($"  median {kind,-8}: {rate[kind],8:N0} docs/s {rate[kind] * megabytes / results[kind][0].Documents,6:0.0} MB/s, peak resident {peak[kind]:N0} MB, cpu {cpu[kind]:0.0} s");
            }

            if (!AllKinds.All(rate.ContainsKey))
            {
                continue;
            }

            var ratio = rate["server"] / rate["plain"];
            var memory = peak["server"] / peak["plain"];
            Console.WriteLine($"  server/plain: {ratio:0.00}x docs/s (target >= 0.50: {(ratio >= 0.5 ? "met" : "NOT met")}), peak resident {memory:0.00}x (target <= 2: {(memory <= 2 ? "met" : "NOT met")}); server/pipeline {rate["server"] / rate["pipeline"]:0.00}x docs/s");
            summary.Add($"x{copies,-4} server {rate["server"],7:N0} docs/s peak {peak["server"],5:N0} MB | pipeline {rate["pipeline"],7:N0} docs/s peak {peak["pipeline"],5:N0} MB | plain {rate["plain"],7:N0} docs/s peak {peak["plain"],5:N0} MB | server/plain {ratio:0.00}x docs/s {memory:0.00}x memory ({runs} runs)");
        }

        Console.WriteLine($"\nsummary (medians), load average at the end {Machine.LoadAverage()}:");
        summary.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>The server on a fresh index: its start-up sync indexes the archive; timed to health SERVING.</summary>
    private static IngestRun RunServer(string archive, string index)
    {
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }

        using var server = ServerProcess.Start(archive, index);
        return Measure(server);
    }

    /// <summary>A server started on a fresh index: its start-up sync's documents, time to SERVING, peak memory and processor time.</summary>
    internal static IngestRun Measure(ServerProcess server)
    {
        var serving = server.WaitServing(TimeSpan.FromMinutes(1));
        var peak = server.PeakResidentMb();
        var cpu = server.CpuSeconds();
        var synchronized = server.StartupLog.Select(l => SynchronizedPattern().Match(l)).LastOrDefault(m => m.Success)
            ?? throw new InvalidOperationException("the server did not log 'Index synchronized':\n" + string.Join('\n', server.StartupLog));
        var documents = int.Parse(synchronized.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return new IngestRun(documents, serving.TotalSeconds, peak, cpu, Machine.LoadAverage());
    }

    /// <summary>The pipeline or the baseline as a child process, timed from its start to its exit.</summary>
    internal static IngestRun RunChild(string kind, string file, string archive, string index)
    {
        var clock = Stopwatch.StartNew();
        var output = Machine.RunSelf("ingest-run", kind == "pipeline" ? "ours" : kind, file, archive, index);
        return IngestRun.Parse(output) with { Seconds = clock.Elapsed.TotalSeconds };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"([\d,]+) documents indexed")]
    private static partial System.Text.RegularExpressions.Regex SynchronizedPattern();
}

/// <summary>
/// One ingest in this process (a child of <see cref="IngestBenchmark"/>); prints one result line, and GC
/// pauses, collections and CPU time on stderr. BENCH_RAM_MB sets the service's IndexWriter buffer for
/// experiments (default 64, the service's default and the baseline's).
/// </summary>
internal sealed class IngestRunBenchmark : IBenchmark
{
    public string Name => "ingest-run";

    public string Description => "(child of ingest) one run: ours|plain JSONL ARCHIVE INDEX";

    public int Run(string[] args)
    {
        var (kind, file, archive, index) = (args[0], args[1], args[2], args[3]);
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }

        using var memory = new Machine.MemorySampler();
        var clock = Stopwatch.StartNew();
        int documents;
        if (kind == "plain")
        {
            documents = PlainLucene.Build(file, index);
            clock.Stop();
        }
        else
        {
            var options = Options.Create(new IndexOptions { Path = index, RamBufferMb = double.Parse(Environment.GetEnvironmentVariable("BENCH_RAM_MB") ?? "64", CultureInfo.InvariantCulture) });
            using var store = new IndexStore(options, NullLogger<IndexStore>.Instance);
            var synchronizer = new ArchiveSynchronizer(
                store,
                TextEnricher.CreateDefault(),
                Options.Create(new ArchiveOptions { Path = archive, MaxFileBytes = long.MaxValue }),
                options,
                NullLogger<ArchiveSynchronizer>.Instance);
            var report = synchronizer.SynchronizeAsync(CancellationToken.None).GetAwaiter().GetResult();
            clock.Stop();
            documents = report.DocumentsIndexed;
            if (report.Skipped.Count > 0 || report.RejectedRecords.Count > 0)
            {
                Console.Error.WriteLine($"{report.Skipped.Count} files skipped, {report.RejectedRecords.Count} records rejected");
            }
        }

        memory.Dispose();
        Console.Error.WriteLine($"memory peaks: resident anonymous {memory.PeakAnonMb:N0} MB, resident file-backed (mapped index files) {memory.PeakFileMb:N0} MB, GC heap {memory.PeakGcHeapMb:N0} MB");
        Console.Error.WriteLine($"gc: pause {GC.GetTotalPauseDuration().TotalSeconds:0.0} s, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, cpu {Environment.CpuUsage.TotalTime.TotalSeconds:0.0} s");
        Console.WriteLine(new IngestRun(documents, clock.Elapsed.TotalSeconds, Machine.PeakWorkingSetMb(), Environment.CpuUsage.TotalTime.TotalSeconds, Machine.LoadAverage()).Format());
        return 0;
    }
}

/// <param name="CpuSeconds">Processor time of the whole process (every thread): on a shared machine, the work done, whatever the share of the cores it got.</param>
internal sealed record IngestRun(int Documents, double Seconds, double PeakMb, double CpuSeconds, string Load)
{
    private const string Prefix = "RESULT ";

    public string Format() => FormattableString.Invariant($"{Prefix}{Documents} {Seconds} {PeakMb} {CpuSeconds} {Load}");

    public static IngestRun Parse(string output)
    {
        var line = output.Split('\n').Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var f = line[Prefix.Length..].Trim().Split(' ');
        return new IngestRun(
            int.Parse(f[0], CultureInfo.InvariantCulture),
            double.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture),
            double.Parse(f[3], CultureInfo.InvariantCulture),
            f[4]);
    }
}
