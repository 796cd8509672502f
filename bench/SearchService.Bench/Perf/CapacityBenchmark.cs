using System.Diagnostics;
using System.Globalization;

namespace SearchService.Bench.Perf;

/// <summary>
/// A capacity curve (issue 17): for each size of the synthetic corpus, one ingest by the server into a fresh
/// index (documents/s, peak resident memory, processor time), the index size on disk, the server's start-up
/// on that index (median of 3 starts, process start to gRPC health SERVING) and the text searches of the
/// query mix over gRPC with 1 and 8 callers; beside each, plain Lucene.Net: its ingest as a child process,
/// its index size, the time to open its reader and the same texts with 1 and 8 threads. Per size a table
/// (ours, plain, ratio), at the end how each figure grew from size to size; every figure is appended to
/// bench/results/capacity.tsv as soon as its size is done. The indexes are kept (capacity-index-xN,
/// capacity-plain-xN) and rebuilt at the next run.
/// Usage: capacity [sizes=1,10,100] [seconds per caller run=10] [calls per run=500].
/// </summary>
internal sealed class CapacityBenchmark : IBenchmark
{
    /// <summary>The corpus ×100 takes about 45 minutes to ingest on 2 cores; the default wait for the server to listen is 30.</summary>
    private static readonly TimeSpan IngestWithin = TimeSpan.FromHours(8);

    private static readonly TimeSpan ServingWithin = TimeSpan.FromMinutes(1);

    public string Name => "capacity";

    public string Description => "capacity curve: ingest, index size, memory, start-up and search p50/p99 (1 and 8 callers) per corpus size, beside plain Lucene; args: [sizes=1,10,100] [seconds=10] [calls=500]";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var sizes = (args.Length > 0 ? args[0] : "1,10,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var limit = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        var maxCalls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        Console.WriteLine("note: one ingest per size, single figures (no medians of runs but the start-up's); the machine may be shared, see the load averages.");
        Console.WriteLine($"a search run stops after {maxCalls} calls or {limit.TotalSeconds:0} s, after one warm-up pass over the texts; the bench's callers share the cores with the server.");

        List<string>? texts = null;
        var curve = new List<(int Copies, List<Figure> Figures)>();
        foreach (var copies in sizes)
        {
            var figures = await MeasureAsync(copies, limit, maxCalls, index => texts ??= QueryMix.SearchTexts(SyntheticCorpus.Archive(copies), index));
            curve.Add((copies, figures));
        }

        PrintGrowth(curve);
        return 0;
    }

    private static async Task<List<Figure>> MeasureAsync(int copies, TimeSpan limit, int maxCalls, Func<string, List<string>> textsFor)
    {
        var archive = SyntheticCorpus.Archive(copies);
        var file = Path.Combine(archive, "docs.jsonl");
        var results = Path.GetFullPath(Path.Combine(archive, ".."));
        var index = Path.Combine(results, $"capacity-index-x{copies}");
        var plainIndex = Path.Combine(results, $"capacity-plain-x{copies}");
        var loadAtStart = Machine.LoadAverage();
        Console.WriteLine($"\n== corpus x{copies}: {file} ({new FileInfo(file).Length / 1e6:0.0} MB)");
        Console.WriteLine(Machine.Describe());

        // Ours: the server's start-up sync into a fresh index, timed from process start to SERVING.
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }

        // Then the merge the server runs once it serves; the searches below are measured after it, on what it leaves.
        IngestRun ingest;
        (TimeSpan Waited, int Segments) merge;
        double mergeCpu;
        using (var server = ServerProcess.Start(IngestWithin, archive, index))
        {
            ingest = IngestBenchmark.Measure(server);
            merge = server.WaitMerged(IngestWithin);
            mergeCpu = server.CpuSeconds() - ingest.CpuSeconds;
        }

        var bytes = IndexSizeBenchmark.BytesOnDisk(index);
        Console.WriteLine($"  ours ingest: {ingest.Documents:N0} docs in {ingest.Seconds:0.0} s, peak {ingest.PeakMb:N0} MB, index {bytes / 1e6:N0} MB, load {ingest.Load}");
        Console.WriteLine($"  then merged into {merge.Segments} segments in {merge.Waited.TotalSeconds:0.0} s ({mergeCpu:0.0} s of processor time) while serving");
        var texts = textsFor(index);

        // Start-up on the existing index, three times; the last server answers the searches.
        var startups = new List<double>();
        ServerProcess Restart()
        {
            var started = ServerProcess.Start(archive, index);
            startups.Add(started.WaitServing(ServingWithin).TotalMilliseconds);
            return started;
        }

        for (var i = 0; i < 2; i++)
        {
            Restart().Dispose();
        }

        LoadResult ours1, ours8;
        double servingPeak;
        using (var server = Restart())
        {
            using var channel = server.OpenChannel();
            var callAsync = QueryBenchmark.TextSearches(channel, texts);
            await Load.RunTasksAsync(1, texts.Count, limit, callAsync);
            ours1 = await Load.RunTasksAsync(1, maxCalls, limit, callAsync);
            ours8 = await Load.RunTasksAsync(8, maxCalls, limit, callAsync);
            servingPeak = server.PeakResidentMb();
        }

        Console.WriteLine($"  ours start-up {string.Join(", ", startups.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} ms; search p50 {ours1.P50:0.00}/{ours8.P50:0.00} ms at 1/8 callers, load {Machine.LoadAverage()}");

        // Plain Lucene.Net: its ingest as a process of its own, then its reader opened three times in this one.
        var plain = IngestBenchmark.RunChild("plain", file, archive, plainIndex);
        var plainBytes = IndexSizeBenchmark.BytesOnDisk(plainIndex);
        var opens = new List<double>();
        PlainLucene.Searcher Open()
        {
            var clock = Stopwatch.StartNew();
            var opened = new PlainLucene.Searcher(plainIndex);
            opens.Add(clock.Elapsed.TotalMilliseconds);
            return opened;
        }

        for (var i = 0; i < 2; i++)
        {
            Open().Dispose();
        }

        LoadResult plain1, plain8;
        using (var searcher = Open())
        {
            void Call(int i) => searcher.Search(texts[i % texts.Count]);
            Load.RunThreads(1, texts.Count, limit, Call);
            plain1 = Load.RunThreads(1, maxCalls, limit, Call);
            plain8 = Load.RunThreads(8, maxCalls, limit, Call);
        }

        Console.WriteLine($"  plain ingest: {plain.Documents:N0} docs in {plain.Seconds:0.0} s, peak {plain.PeakMb:N0} MB, index {plainBytes / 1e6:N0} MB, load {plain.Load}");

        List<Figure> figures =
        [
            new("documents", ingest.Documents, plain.Documents, Growth.Count),
            new("ingest documents/s", ingest.Documents / ingest.Seconds, plain.Documents / plain.Seconds, Growth.Rate),
            new("ingest time s", ingest.Seconds, plain.Seconds, Growth.Cost, "0.0"),
            new("ingest processor time s", ingest.CpuSeconds, plain.CpuSeconds, Growth.Cost, "0.0"),
            new("merge after SERVING s", merge.Waited.TotalSeconds, double.NaN, Growth.Cost, "0.0"),
            new("merge processor time s", mergeCpu, double.NaN, Growth.Cost, "0.0"),
            new("segments searched", merge.Segments, PlainLucene.SegmentCount(plainIndex), Growth.Count),
            new("index size MB", bytes / 1e6, plainBytes / 1e6, Growth.Cost, "0.0"),
            new("documents per GB", ingest.Documents / (bytes / 1e9), plain.Documents / (plainBytes / 1e9), Growth.Rate),
            new("peak resident MB, ingest", ingest.PeakMb, plain.PeakMb, Growth.Cost),
            new("peak resident MB, serving", servingPeak, double.NaN, Growth.Cost),
            new("start-up ms (plain: open reader)", Stats.Median(startups), Stats.Median(opens), Growth.Cost, "0.0"),
            new("search p50 ms, 1 caller", ours1.P50, plain1.P50, Growth.Cost, "0.00"),
            new("search p99 ms, 1 caller", ours1.P99, plain1.P99, Growth.Cost, "0.00"),
            new("calls/s, 1 caller", ours1.Throughput, plain1.Throughput, Growth.Rate, "0.0"),
            new("search p50 ms, 8 callers", ours8.P50, plain8.P50, Growth.Cost, "0.00"),
            new("search p99 ms, 8 callers", ours8.P99, plain8.P99, Growth.Cost, "0.00"),
            new("calls/s, 8 callers", ours8.Throughput, plain8.Throughput, Growth.Rate, "0.0"),
            new("failed calls", ours1.Failures + ours8.Failures, plain1.Failures + plain8.Failures, Growth.Count),
        ];
        var loadAtEnd = Machine.LoadAverage();
        Console.WriteLine($"\n  x{copies}: {texts.Count} search texts; load average at start {loadAtStart}, at end {loadAtEnd}");
        Console.WriteLine($"  {"",-34} {"ours",12} {"plain",12} {"ours/plain",10}");
        foreach (var figure in figures)
        {
            Console.WriteLine($"  {figure.Name,-34} {figure.Show(figure.Ours),12} {figure.Show(figure.Plain),12} {figure.Show(figure.Ratio, "0.00"),10}");
        }

        Append(copies, figures, loadAtStart, loadAtEnd);
        return figures;
    }

    /// <summary>
    /// Each figure's factor from one size to the next, beside the factor of the documents: a cost (time,
    /// size, memory, latency) that grows more than the documents grows faster than linear (marked *);
    /// a rate stays flat when its cost grows linearly.
    /// </summary>
    private static void PrintGrowth(List<(int Copies, List<Figure> Figures)> curve)
    {
        if (curve.Count < 2)
        {
            Console.WriteLine("\ngrowth: needs two sizes or more");
            return;
        }

        var steps = curve.Zip(curve.Skip(1)).ToList();
        Console.WriteLine("\ngrowth from size to size (ours | plain); * = a cost that grows more than the documents, i.e. faster than linear");
        Console.WriteLine($"  {"",-34} " + string.Join(" ", steps.Select(s => $"{$"x{s.First.Copies}->x{s.Second.Copies}",21}")));
        for (var row = 0; row < curve[0].Figures.Count; row++)
        {
            if (curve[0].Figures[row].Growth == Growth.Count && row > 0)
            {
                continue;
            }

            var cells = steps.Select(s =>
            {
                var documents = s.Second.Figures[0].Ours / s.First.Figures[0].Ours;
                var (before, after) = (s.First.Figures[row], s.Second.Figures[row]);
                string Cell(double a, double b, double docs) =>
                    double.IsFinite(b / a) ? $"{b / a:0.00}{(before.Growth == Growth.Cost && b / a > docs ? "*" : " ")}" : "-";
                return $"{Cell(before.Ours, after.Ours, documents),9} | {Cell(before.Plain, after.Plain, s.Second.Figures[0].Plain / s.First.Figures[0].Plain),9}";
            });
            Console.WriteLine($"  {curve[0].Figures[row].Name,-34} " + string.Join(" ", cells.Select(c => $"{c,21}")));
        }
    }

    /// <summary>One line per figure in bench/results/capacity.tsv, written when its size is done (the ×100 takes most of an hour).</summary>
    private static void Append(int copies, List<Figure> figures, string loadAtStart, string loadAtEnd)
    {
        var tsv = Path.Combine(SyntheticCorpus.RepoRoot, "bench", "results", "capacity.tsv");
        var lines = new List<string>();
        if (!File.Exists(tsv))
        {
            lines.Add("utc\tcopies\tfigure\tours\tplain\tratio\tload_start\tload_end\tcores\tserver");
        }

        var utc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        lines.AddRange(figures.Select(f => string.Join('\t',
            utc, copies, f.Name, Raw(f.Ours), Raw(f.Plain), Raw(f.Ratio), loadAtStart, loadAtEnd, Environment.ProcessorCount, ServerProcess.ServerDll)));
        File.AppendAllLines(tsv, lines);
        Console.WriteLine($"  appended to {tsv}");
    }

    private static string Raw(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "";

    private enum Growth
    {
        /// <summary>Counted, not grown against the documents.</summary>
        Count,

        /// <summary>Time, size, memory or latency: linear when it grows as the documents do.</summary>
        Cost,

        /// <summary>Per second or per GB: flat when its cost is linear.</summary>
        Rate,
    }

    private sealed record Figure(string Name, double Ours, double Plain, Growth Growth, string Format = "N0")
    {
        public double Ratio => Ours / Plain;

        public string Show(double value, string? format = null) =>
            double.IsFinite(value) ? value.ToString(format ?? Format, CultureInfo.InvariantCulture) : "-";
    }
}
