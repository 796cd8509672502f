using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;

namespace SearchService.Bench;

/// <summary>Opens (and builds once) the service's index over a benchmark archive.</summary>
internal static class BenchIndex
{
    public static IndexStore Open(string archive, string indexPath, out SyncReport report)
    {
        var store = new IndexStore(Options.Create(new IndexOptions { Path = indexPath }), NullLogger<IndexStore>.Instance);
        var synchronizer = new ArchiveSynchronizer(
            store,
            TextEnricher.CreateDefault(),
            Options.Create(new ArchiveOptions { Path = archive, MaxFileBytes = long.MaxValue }),
            Options.Create(new IndexOptions { Path = indexPath }),
            NullLogger<ArchiveSynchronizer>.Instance);
        var clock = Stopwatch.StartNew();
        report = synchronizer.SynchronizeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var synced = clock.Elapsed.TotalSeconds;

        // As the server does once it serves: the merge of the segments a large sync left. Searches are measured after it.
        var segments = store.SegmentCount;
        clock.Restart();
        store.MergeAfterSyncAsync().GetAwaiter().GetResult();
        var merged = segments == store.SegmentCount ? $"{segments} segments" : $"{segments} segments merged into {store.SegmentCount} in {clock.Elapsed.TotalSeconds:0.0} s";
        Console.WriteLine($"index {indexPath}: {store.Search(s => s.IndexReader.NumDocs):N0} documents ({report.DocumentsIndexed:N0} indexed now in {synced:0.0} s; {merged})");
        return store;
    }
}
