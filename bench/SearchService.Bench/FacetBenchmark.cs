using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Search;

namespace SearchService.Bench;

/// <summary>
/// Search with and without every facet over 100,000+ matching documents (the corpus × 12 with varied
/// ids, wards and dates): median latency of each, and their ratio. Target: facets add at most 30%.
/// </summary>
internal sealed class FacetBenchmark : IBenchmark
{
    private static readonly string[] Queries = ["", "phường", "năm", "Việt Nam", "chính phủ"];

    public string Name => "facets";

    public string Description => "search with and without all facets over >= 100k matches; args: [copies=12] [runs=15]";

    public int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0]) : 12;
        var runs = args.Length > 1 ? int.Parse(args[1]) : 15;
        var archive = SyntheticCorpus.Archive(copies);
        using var store = BenchIndex.Open(archive, Path.Combine(archive, "..", $"index-x{copies}"), out _);
        var engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
        string[] facets = ["ward", "district", "year", "topic", "reference"];

        Console.WriteLine($"{"query",-14} {"matches",10} {"plain ms",10} {"facets ms",10} {"ratio",7}");
        var ratios = new List<double>();
        foreach (var text in Queries)
        {
            var plain = SearchQuery.For(text) with { PageSize = 10 };
            var faceted = plain with { Facets = facets };
            var matches = engine.Search(plain).TotalSize;
            for (var i = 0; i < 3; i++)
            {
                engine.Search(plain);
                engine.Search(faceted);
            }

            var plainTimes = new List<double>();
            var facetTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                plainTimes.Add(Time(() => engine.Search(plain)));
                facetTimes.Add(Time(() => engine.Search(faceted)));
            }

            var ratio = Stats.Median(facetTimes) / Stats.Median(plainTimes);
            ratios.Add(ratio);
            Console.WriteLine($"{(text.Length == 0 ? "(all)" : text),-14} {matches,10:N0} {Stats.Median(plainTimes),10:0.00} {Stats.Median(facetTimes),10:0.00} {ratio,7:0.00}");
        }

        Console.WriteLine($"median ratio with/without facets: {Stats.Median(ratios):0.00} (target <= 1.30)");
        return 0;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
