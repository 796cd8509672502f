using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;

namespace SearchService.Bench.Perf;

/// <summary>
/// Whole-pipeline ingest (read, extract, analyse, index, commit) of the corpus × N into a fresh index,
/// against plain Lucene.Net on the same documents. Every run is a child process of this bench, so the
/// peak working set is that run's alone. Usage: ingest [sizes=1,10] [runs at 1×=3] [runs at larger sizes=1].
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";

    public string Description => "ingest documents/s, MB/s and peak memory, service vs plain Lucene; args: [sizes=1,10] [runs1x=3] [runsLarger=1]";

    public int Run(string[] args)
    {
        var sizes = (args.Length > 0 ? args[0] : "1,10").Split(',').Select(int.Parse).ToList();
        var runsSmall = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var runsLarge = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        Console.WriteLine(Machine.Describe());
        Console.WriteLine("note: the machine is shared with other work; single figures are noisy, compare medians and ratios.");

        var summary = new List<string>();
        foreach (var copies in sizes)
        {
            var archive = SyntheticCorpus.Archive(copies);
            var file = Path.Combine(archive, "docs.jsonl");
            var megabytes = new FileInfo(file).Length / 1e6;
            var runs = copies == 1 ? runsSmall : runsLarge;
            Console.WriteLine($"\n== corpus x{copies}: {file} ({megabytes:0.0} MB), {runs} run(s) of each, fresh index every run");
            var ours = new List<IngestRun>();
            var plain = new List<IngestRun>();
            for (var run = 0; run < runs; run++)
            {
                // Alternate the order so slow phases of the shared machine hit both sides.
                foreach (var kind in run % 2 == 0 ? new[] { "ours", "plain" } : ["plain", "ours"])
                {
                    var index = Path.Combine(archive, "..", $"ingest-{kind}-x{copies}");
                    var result = IngestRun.Parse(Machine.RunSelf("ingest-run", kind, file, archive, index));
                    // The last run's indexes are kept for the query benchmark (index-xN, plain-xN) when none exist yet.
                    var keep = Path.Combine(archive, "..", kind == "ours" ? $"index-x{copies}" : $"plain-x{copies}");
                    if (run == runs - 1 && !Directory.Exists(keep))
                    {
                        Directory.Move(index, keep);
                    }
                    else
                    {
                        Directory.Delete(index, recursive: true);
                    }

                    (kind == "ours" ? ours : plain).Add(result);
                    Console.WriteLine($"  run {run + 1} {kind,-5}: {result.Documents:N0} docs in {result.Seconds:0.00} s = {result.Documents / result.Seconds,8:N0} docs/s {megabytes / result.Seconds,6:0.0} MB/s, peak working set {result.PeakMb:N0} MB, allocated {result.AllocatedMb:N0} MB, load {result.Load}");
                }
            }

            var oursRate = Stats.Median(ours.Select(r => r.Documents / r.Seconds).ToList());
            var plainRate = Stats.Median(plain.Select(r => r.Documents / r.Seconds).ToList());
            var oursMbs = Stats.Median(ours.Select(r => megabytes / r.Seconds).ToList());
            var plainMbs = Stats.Median(plain.Select(r => megabytes / r.Seconds).ToList());
            var oursPeak = Stats.Median(ours.Select(r => r.PeakMb).ToList());
            var plainPeak = Stats.Median(plain.Select(r => r.PeakMb).ToList());
            var ratio = oursRate / plainRate;
            Console.WriteLine($"  median ours : {oursRate,8:N0} docs/s {oursMbs,6:0.0} MB/s, peak {oursPeak:N0} MB");
            Console.WriteLine($"  median plain: {plainRate,8:N0} docs/s {plainMbs,6:0.0} MB/s, peak {plainPeak:N0} MB");
            Console.WriteLine($"  ratio ours/plain: {ratio:0.00} docs/s (target >= 0.50: {(ratio >= 0.5 ? "met" : "NOT met")}), peak memory {oursPeak / plainPeak:0.00}x");
            summary.Add($"x{copies,-4} ours {oursRate,8:N0} docs/s {oursMbs,6:0.0} MB/s peak {oursPeak,6:N0} MB | plain {plainRate,8:N0} docs/s {plainMbs,6:0.0} MB/s peak {plainPeak,6:N0} MB | ratio {ratio:0.00} ({runs} runs)");
        }

        Console.WriteLine("\nsummary (medians):");
        summary.ForEach(Console.WriteLine);
        return 0;
    }
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
        Console.WriteLine(new IngestRun(documents, clock.Elapsed.TotalSeconds, Machine.PeakWorkingSetMb(), GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0), Machine.LoadAverage()).Format());
        return 0;
    }
}

internal sealed record IngestRun(int Documents, double Seconds, double PeakMb, double AllocatedMb, string Load)
{
    private const string Prefix = "RESULT ";

    public string Format() => FormattableString.Invariant($"{Prefix}{Documents} {Seconds} {PeakMb} {AllocatedMb} {Load}");

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
