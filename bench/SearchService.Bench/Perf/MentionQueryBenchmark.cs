using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;

namespace SearchService.Bench.Perf;

/// <summary>
/// FindMentions and SummarizeMentions in process, on the most cited key of the corpus × N, without a
/// server: the first page, a deep page and every group_by, each timed many times. The index is built
/// once into bench/results/mentions-xN and reused. Usage: mention-queries [copies=1] [runs=30].
/// </summary>
internal sealed class MentionQueryBenchmark : IBenchmark
{
    public string Name => "mention-queries";

    public string Description => "FindMentions / SummarizeMentions latency in process on the most cited key; args: [copies=1] [runs=30]";

    public int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var archive = SyntheticCorpus.Archive(copies);
        var index = Path.Combine(archive, "..", $"mentions-x{copies}");
        using var store = BenchIndex.Open(archive, index, out _);

        var mentions = new MentionSearch(store);
        var top = mentions.List(SearchFilter.None, 1, "").References[0];
        Console.WriteLine($"most cited key: {top.Key}: {top.DocumentCount:N0} documents, {top.MentionCount:N0} mentions");

        var deepToken = "";
        var first = mentions.Find(top.Key, SearchFilter.None, MentionSearch.DefaultPageSize, "");
        for (var hop = 0; hop < 2 && first.NextPageToken.Length > 0; hop++)
        {
            deepToken = first.NextPageToken;
            first = mentions.Find(top.Key, SearchFilter.None, MentionSearch.MaxPageSize, deepToken);
        }

        Time("resolve (floor)", runs, () => mentions.Resolve(top.Key));
        Time("find first page (20)", runs, () => mentions.Find(top.Key, SearchFilter.None, MentionSearch.DefaultPageSize, ""));
        Time("find a later page (100)", runs, () => mentions.Find(top.Key, SearchFilter.None, MentionSearch.MaxPageSize, deepToken));
        foreach (var group in MentionSearch.GroupFields)
        {
            Time($"summarize by {group}", runs, () => mentions.Summarize(top.Key, SearchFilter.None, group));
        }

        return 0;
    }

    private static void Time(string label, int runs, Action action)
    {
        action();
        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)runs / (1024 * 1024);
        Console.WriteLine(FormattableString.Invariant($"  {label,-24} median {Stats.Median(times),8:0.00} ms  p90 {Stats.Percentile(times, 90),8:0.00} ms  allocated {perCall,7:0.0} MB/call"));
    }
}
