using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Api.V1;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Bench.Perf;

/// <summary>
/// Query latency and throughput on the synthetic corpus × N: a fixed mix of 240 calls (words, phrases,
/// folded text, themes, filters, facets, FindMentions, ResolveReference) over real gRPC on loopback
/// against the built server, the same calls in process, the server's start-up time on an existing
/// index, and plain Lucene.Net (classic QueryParser, StandardAnalyzer) on the same query texts.
/// Usage: query [copies=10] [runs=3] [seconds per run=10] [calls per run=1000].
/// </summary>
internal sealed class QueryBenchmark : IBenchmark
{
    private static readonly int[] Callers = [1, 8, 64];

    public string Name => "query";

    public string Description => "query p50/p99 and throughput over gRPC vs in-process vs plain Lucene; args: [copies=10] [runs=3] [seconds=10] [calls=1000]";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var limit = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        var maxCalls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
        Console.WriteLine(Machine.Describe());
        Console.WriteLine("note: the machine is shared with other work, and the bench's callers share its cores with the server; figures are noisy.");
        Console.WriteLine($"each figure: median over {runs} runs; a run stops after {maxCalls} calls or {limit.TotalSeconds:0} s");

        var archive = SyntheticCorpus.Archive(copies);
        var indexPath = Path.GetFullPath(Path.Combine(archive, "..", $"index-x{copies}"));
        var plainPath = Path.GetFullPath(Path.Combine(archive, "..", $"plain-x{copies}"));
        if (!Directory.Exists(plainPath))
        {
            var clock = Stopwatch.StartNew();
            var count = PlainLucene.Build(Path.Combine(archive, "docs.jsonl"), plainPath);
            Console.WriteLine($"plain index {plainPath}: {count:N0} documents built in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        List<BenchQuery> mix;
        var rows = new List<string>();
        var inProcess = new Dictionary<int, Figures>();
        using (var store = BenchIndex.Open(archive, indexPath, out _))
        {
            var engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
            var mentions = new MentionSearch(store);
            mix = QueryMix.Create(engine, mentions);
            Console.WriteLine($"query mix: {mix.Count} calls: {string.Join(", ", mix.GroupBy(q => q.Kind).Select(g => $"{g.Count()} {g.Key}"))}");
            void Call(int i) => Execute(engine, mentions, mix[i % mix.Count]);

            PerKind("in-process", mix, q => Time(() => Execute(engine, mentions, q)));
            foreach (var callers in Callers)
            {
                inProcess[callers] = Figures.Of(Enumerable.Range(0, runs).Select(_ => Load.RunThreads(callers, maxCalls, limit, Call)).ToList());
                rows.Add(inProcess[callers].Row("ours in-process", callers));
            }

            // Baseline: the text of every search in the mix, without filters and facets, on both sides.
            var texts = QueryMix.SearchTexts(mix);
            using var plain = new PlainLucene.Searcher(plainPath);
            Console.WriteLine($"baseline: {texts.Count} query texts, plain index of {plain.DocumentCount:N0} documents");
            foreach (var callers in new[] { 1, 8 })
            {
                var ours = Figures.Of(Enumerable.Range(0, runs).Select(_ => Load.RunThreads(callers, maxCalls, limit,
                    i => engine.Search(SearchQuery.For(texts[i % texts.Count]) with { PageSize = 10 }))).ToList());
                var baseline = Figures.Of(Enumerable.Range(0, runs).Select(_ => Load.RunThreads(callers, maxCalls, limit,
                    i => plain.Search(texts[i % texts.Count]))).ToList());
                rows.Add(ours.Row("ours text-only", callers));
                rows.Add(baseline.Row("plain Lucene", callers));
                rows.Add($"  ratio ours/plain at {callers} callers: p50 {ours.P50 / baseline.P50:0.00}x, throughput {ours.Throughput / baseline.Throughput:0.00}x");
            }
        }

        // Start-up on the existing, up-to-date index: the start-up sync reads nothing.
        var startups = new List<double>();
        for (var i = 0; i < 2; i++)
        {
            using var probe = ServerProcess.Start(archive, indexPath);
            startups.Add(probe.Startup.TotalMilliseconds);
        }

        using var server = ServerProcess.Start(archive, indexPath);
        startups.Add(server.Startup.TotalMilliseconds);
        Console.WriteLine($"server start-up on the existing index (process start to 'Now listening'): median {Stats.Median(startups):N0} ms of {string.Join(", ", startups.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} ms; listening on {server.Address}");

        using var channel = server.OpenChannel();
        var search = new SearchRpc.SearchServiceClient(channel);
        var mentionClient = new MentionService.MentionServiceClient(channel);
        Task CallAsync(int i) => ExecuteAsync(search, mentionClient, mix[i % mix.Count]);
        PerKind("gRPC", mix, q => Time(() => ExecuteAsync(search, mentionClient, q).GetAwaiter().GetResult()));
        var remote = new Dictionary<int, Figures>();
        foreach (var callers in Callers)
        {
            var results = new List<LoadResult>();
            for (var run = 0; run < runs; run++)
            {
                results.Add(await Load.RunTasksAsync(callers, maxCalls, limit, CallAsync));
            }

            remote[callers] = Figures.Of(results);
            rows.Add(remote[callers].Row("ours gRPC", callers));
        }

        Console.WriteLine($"\n{"",-18} {"callers",7} {"calls",7} {"fail",5} {"p50 ms",8} {"p99 ms",8} {"calls/s",9}");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        foreach (var callers in Callers)
        {
            var ratio = inProcess[callers].Throughput / remote[callers].Throughput;
            Console.WriteLine($"throughput in-process/gRPC at {callers,2} callers: {ratio:0.00}x (target <= 1.5: {(ratio <= 1.5 ? "met" : "NOT met")}); " +
                $"p50 gRPC-in-process {remote[callers].P50 - inProcess[callers].P50:0.00} ms");
        }

        var single = remote[1];
        Console.WriteLine($"single-caller gRPC at x{copies}: p50 {single.P50:0.00} ms (target <= 5: {(single.P50 <= 5 ? "met" : "NOT met")}), " +
            $"p99 {single.P99:0.00} ms (target <= 25: {(single.P99 <= 25 ? "met" : "NOT met")}); the targets are set for x100");
        Console.WriteLine($"load average at the end: {Machine.LoadAverage()}");
        return 0;
    }

    internal static void Execute(SearchEngine engine, MentionSearch mentions, BenchQuery query)
    {
        switch (query.Kind)
        {
            case "find-mentions":
                mentions.Find(query.Reference, SearchFilter.None, 20, "");
                break;
            case "resolve":
                mentions.Resolve(query.Reference);
                break;
            default:
                engine.Search(query.Search!);
                break;
        }
    }

    private static async Task ExecuteAsync(SearchRpc.SearchServiceClient search, MentionService.MentionServiceClient mentions, BenchQuery query)
    {
        switch (query.Kind)
        {
            case "find-mentions":
                await mentions.FindMentionsAsync(new FindMentionsRequest { Reference = query.Reference, PageSize = 20 });
                break;
            case "resolve":
                await mentions.ResolveReferenceAsync(new ResolveReferenceRequest { Reference = query.Reference });
                break;
            default:
                var q = query.Search!;
                var request = new SearchRequest { Query = q.Text, PageSize = q.PageSize ?? 10, Filter = ToFilter(q.Filter) };
                request.Facets.AddRange(q.Facets);
                await search.SearchAsync(request);
                break;
        }
    }

    /// <summary>Call <c>i</c> over gRPC: the search of text <c>i</c> (modulo their count), the top 10, no filter and no facet.</summary>
    internal static Func<int, Task> TextSearches(Grpc.Net.Client.GrpcChannel channel, IReadOnlyList<string> texts)
    {
        var search = new SearchRpc.SearchServiceClient(channel);
        return i => search.SearchAsync(new SearchRequest { Query = texts[i % texts.Count], PageSize = 10 }).ResponseAsync;
    }

    private static Filter ToFilter(SearchFilter filter)
    {
        var message = new Filter { YearFrom = filter.YearFrom ?? 0, YearTo = filter.YearTo ?? 0 };
        message.Wards.AddRange(filter.Wards);
        message.Districts.AddRange(filter.Districts);
        message.Years.AddRange(filter.Years);
        message.Topics.AddRange(filter.Topics);
        message.References.AddRange(filter.References);
        return message;
    }

    /// <summary>Two single-caller passes over the mix (the first warms up); the second's median and worst per kind.</summary>
    private static void PerKind(string mode, List<BenchQuery> mix, Func<BenchQuery, double> time)
    {
        foreach (var query in mix)
        {
            try
            {
                time(query);
            }
            catch (Exception e)
            {
                Console.WriteLine($"  {mode} failure on {query}: {e.GetType().Name}: {e.Message}");
            }
        }

        var timed = mix.Select(q =>
        {
            try
            {
                return (q, Ms: time(q));
            }
            catch (Exception)
            {
                return (q, Ms: double.NaN);
            }
        }).Where(t => !double.IsNaN(t.Ms)).ToList();
        Console.WriteLine($"{mode}, one caller, one pass after a warm-up pass, per kind: " + string.Join("; ", timed.GroupBy(t => t.q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} p50 {Stats.Median(g.Select(t => t.Ms).ToList()):0.0} max {g.Max(t => t.Ms):0.0} ms")));
        var slowest = timed.OrderByDescending(t => t.Ms).First();
        Console.WriteLine($"  slowest: {slowest.Ms:0.0} ms {slowest.q}");
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private sealed record Figures(int Calls, int Failures, double P50, double P99, double Throughput)
    {
        public static Figures Of(List<LoadResult> runs) => new(
            (int)Stats.Median(runs.Select(r => (double)r.Calls).ToList()),
            runs.Sum(r => r.Failures),
            Stats.Median(runs.Select(r => r.P50).ToList()),
            Stats.Median(runs.Select(r => r.P99).ToList()),
            Stats.Median(runs.Select(r => r.Throughput).ToList()));

        public string Row(string mode, int callers) => $"{mode,-18} {callers,7} {Calls,7} {Failures,5} {P50,8:0.00} {P99,8:0.00} {Throughput,9:0.0}";
    }
}

/// <summary>
/// The query mix in process only, on one thread, for profiling and quick before/after comparisons:
/// per kind p50 and p99 over several passes, and the slowest calls. Usage: query-inprocess [copies=10] [passes=5].
/// </summary>
internal sealed class QueryInProcessBenchmark : IBenchmark
{
    public string Name => "query-inprocess";

    public string Description => "the query mix in process on one thread, per kind p50/p99 and slowest calls; args: [copies=10] [passes=5]";

    public int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine(Machine.Describe());
        var archive = SyntheticCorpus.Archive(copies);
        var indexPath = Path.GetFullPath(Path.Combine(archive, "..", $"index-x{copies}"));
        using var store = BenchIndex.Open(archive, indexPath, out _);
        var engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
        var mentions = new MentionSearch(store);
        var mix = QueryMix.Create(engine, mentions);
        Console.WriteLine($"{store.Search(s => s.IndexReader.NumDocs):N0} documents; mix of {mix.Count} calls; {passes} passes after a warm-up pass");
        foreach (var query in mix)
        {
            QueryBenchmark.Execute(engine, mentions, query);
        }

        var times = new List<(BenchQuery Query, double Ms)>();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var query in mix)
            {
                var started = Stopwatch.GetTimestamp();
                QueryBenchmark.Execute(engine, mentions, query);
                times.Add((query, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }

        var all = times.Select(t => t.Ms).Order().ToList();
        Console.WriteLine($"all: p50 {Stats.Percentile(all, 50):0.00} ms, p99 {Stats.Percentile(all, 99):0.00} ms, mean {all.Average():0.00} ms");
        foreach (var group in times.GroupBy(t => t.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = group.Select(t => t.Ms).Order().ToList();
            Console.WriteLine($"  {group.Key,-16} {ms.Count,5} calls  p50 {Stats.Percentile(ms, 50),7:0.00}  p99 {Stats.Percentile(ms, 99),7:0.00}  max {ms[^1],7:0.00} ms");
        }

        Console.WriteLine("slowest (median over passes):");
        foreach (var slow in times.GroupBy(t => t.Query).Select(g => (g.Key, Ms: Stats.Median(g.Select(t => t.Ms).ToList()))).OrderByDescending(t => t.Ms).Take(12))
        {
            Console.WriteLine($"  {slow.Ms,8:0.00} ms  {slow.Key}");
        }

        return 0;
    }
}
