using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Indexing;

namespace SearchService.Evaluation;

/// <summary>
/// Builds an index the way the server does (IndexStore, ArchiveSynchronizer, the server's enricher), so
/// the steps that rank measure what users get.
/// </summary>
internal static class ShippedIndex
{
    /// <summary>Syncs <paramref name="archive"/> into a fresh index under the scratch folder and returns the open store.</summary>
    public static IndexStore Build(EvaluationContext context, string label, string archive, CancellationToken cancellationToken, out SyncReport report)
    {
        var indexPath = context.NewFolder(label + "-index");
        var store = Open(indexPath);
        try
        {
            var synchronizer = new ArchiveSynchronizer(
                store,
                EvaluationEnricher.Create(),
                Options.Create(new ArchiveOptions { Path = archive }),
                Options.Create(new IndexOptions { Path = indexPath }),
                NullLogger<ArchiveSynchronizer>.Instance);
            report = synchronizer.SynchronizeAsync(cancellationToken).GetAwaiter().GetResult();

            // The server merges what its start-up sync left once it serves; searches are judged on that index.
            store.MergeAfterSyncAsync().GetAwaiter().GetResult();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static IndexStore Open(string indexPath)
        => new(Options.Create(new IndexOptions { Path = indexPath }), NullLogger<IndexStore>.Instance);
}
