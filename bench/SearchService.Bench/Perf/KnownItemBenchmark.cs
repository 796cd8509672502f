using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Errors;
using SearchService.Core.Search;
using SearchService.Tests.Shared.KnownItem;

namespace SearchService.Bench.Perf;

/// <summary>
/// Latency of the known-item queries of the evaluation (<see cref="KnownItemSuite"/>: 300 corpus
/// documents × 6 variants, generated from the corpus with a fixed seed) in process on one thread:
/// the service's SearchEngine on its index of the corpus against plain Lucene.Net with folding
/// (<see cref="FoldedPlainLucene"/>). Both indexes are built once under bench/results/known-item and
/// reused. One warm-up pass, then the timed passes, each on the index opened afresh (empty caches); per engine mean / p50 / p99 overall and per variant,
/// and the ratio ours/plain. Usage: known-item [passes=3].
/// </summary>
internal sealed class KnownItemBenchmark : IBenchmark
{
    public string Name => "known-item";

    public string Description => "known-item queries (evaluation's generator) in process: ours vs folded plain Lucene, mean/p50/p99 per variant; args: [passes=3]";

    public int Run(string[] args)
    {
        var passes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var corpus = SyntheticCorpus.CorpusFile;
        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"no corpus at {corpus} (set BENCH_CORPUS)");
            return 1;
        }

        Console.WriteLine(Machine.Describe());
        var folder = Path.Combine(SyntheticCorpus.RepoRoot, "bench", "results", "known-item");
        var archive = Path.Combine(folder, "archive");
        Directory.CreateDirectory(archive);
        var link = Path.Combine(archive, "docs.jsonl");
        if (!File.Exists(link))
        {
            File.CreateSymbolicLink(link, corpus);
        }

        var plainPath = Path.Combine(folder, "plain");
        if (!Directory.Exists(plainPath))
        {
            var clock = Stopwatch.StartNew();
            var count = FoldedPlainLucene.Build(corpus, plainPath);
            Console.WriteLine($"plain index {plainPath}: {count:N0} documents built in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var suite = KnownItemSuite.Generate(corpus);
        Console.WriteLine($"{suite.Queries.Count} queries from {suite.Sample.Count} documents: "
            + string.Join(", ", suite.Queries.GroupBy(q => q.Variant).Select(g => $"{g.Count()} {g.Key}")));

        var indexPath = Path.Combine(folder, "index");
        var store = BenchIndex.Open(archive, indexPath, out _);
        var engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
        using var plain = new FoldedPlainLucene.Searcher(plainPath);

        // Each timed pass opens the index afresh: the caches of a commit (terms looked up, documents read) start
        // empty, so no query finds what the same query left in them; earlier queries of the pass do warm them.
        void Reopen()
        {
            store.Dispose();
            store = BenchIndex.Open(archive, indexPath, out _);
            engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
        }

        void Ours(string text)
        {
            try
            {
                engine.Search(SearchQuery.For(text) with { PageSize = 10 });
            }
            catch (InvalidRequestException)
            {
                // Rejected queries cost their validation only; the evaluation counts them as no result.
            }
        }

        void Plain(string text) => plain.Search(text, 10);

        Time(suite.Queries, Ours);
        Time(suite.Queries, Plain);
        var ours = new List<(string Variant, double Ms)>();
        var baseline = new List<(string Variant, double Ms)>();
        // Processor time of the whole process over each side's passes (every thread: a lone search ranks and reads
        // its hits on every core, and the collector's and finalizer's work counts): on a shared machine the work
        // done, whatever share of the cores it got.
        var (oursCpu, plainCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var pass = 0; pass < passes; pass++)
        {
            Reopen();
            var start = Environment.CpuUsage.TotalTime;
            ours.AddRange(Time(suite.Queries, Ours));
            var middle = Environment.CpuUsage.TotalTime;
            baseline.AddRange(Time(suite.Queries, Plain));
            oursCpu += middle - start;
            plainCpu += Environment.CpuUsage.TotalTime - middle;
        }

        Console.WriteLine($"one thread, {passes} timed passes after a warm-up pass; ms per query");
        Console.WriteLine($"{"variant",-13} {"n",5} {"ours mean",10} {"p50",7} {"p99",8} {"plain mean",11} {"p50",7} {"p99",8} {"ratio mean",11} {"p50",6} {"p99",6}");
        foreach (var variant in KnownItemSuite.Variants.Append("all"))
        {
            var mine = ours.Where(t => variant == "all" || t.Variant == variant).Select(t => t.Ms).ToList();
            var theirs = baseline.Where(t => variant == "all" || t.Variant == variant).Select(t => t.Ms).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var (m, p50, p99) = (mine.Average(), Stats.Percentile(mine, 50), Stats.Percentile(mine, 99));
            var (pm, pp50, pp99) = (theirs.Average(), Stats.Percentile(theirs, 50), Stats.Percentile(theirs, 99));
            Console.WriteLine($"{variant,-13} {mine.Count / passes,5} {m,10:0.00} {p50,7:0.00} {p99,8:0.00} {pm,11:0.00} {pp50,7:0.00} {pp99,8:0.00} "
                + $"{m / pm,10:0.0}x {p50 / pp50,5:0.0}x {p99 / pp99,5:0.0}x");
        }

        var queries = (double)suite.Queries.Count * passes;
        Console.WriteLine($"processor time per query (all threads): ours {oursCpu.TotalMilliseconds / queries:0.00} ms, plain {plainCpu.TotalMilliseconds / queries:0.00} ms, "
            + $"ratio {oursCpu / plainCpu:0.0}x; load average at the end {Machine.LoadAverage()}");
        store.Dispose();
        return 0;
    }

    private static List<(string Variant, double Ms)> Time(IReadOnlyList<KnownItemQuery> queries, Action<string> search)
    {
        var times = new List<(string, double)>(queries.Count);
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            search(query.Text);
            times.Add((query.Variant, clock.Elapsed.TotalMilliseconds));
        }

        return times;
    }
}
