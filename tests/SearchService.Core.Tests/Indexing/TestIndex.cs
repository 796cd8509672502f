using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;
using SearchService.Core.Search;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Indexing;

/// <summary>An index over a temporary archive, opened the way the server opens it.</summary>
internal sealed class TestIndex : IDisposable
{
    public TestIndex(string? archive = null, string? indexPath = null, ArchiveOptions? archiveOptions = null)
    {
        Archive = archive ?? TestReports.WriteArchive();
        IndexPath = indexPath ?? TestReports.NewIndexFolder();
        Store = new IndexStore(Options.Create(new IndexOptions { Path = IndexPath }), NullLogger<IndexStore>.Instance);
        Synchronizer = new ArchiveSynchronizer(
            Store,
            TextEnricher.CreateDefault(),
            Options.Create(archiveOptions is null ? new ArchiveOptions { Path = Archive } : new ArchiveOptions
            {
                Path = Archive,
                MaxFileBytes = archiveOptions.MaxFileBytes,
                MaxRecordBytes = archiveOptions.MaxRecordBytes,
                Readers = archiveOptions.Readers,
            }),
            Options.Create(new IndexOptions { Path = IndexPath }),
            NullLogger<ArchiveSynchronizer>.Instance);
        Engine = new SearchEngine(Store, NullLogger<SearchEngine>.Instance);
    }

    public string Archive { get; }

    public string IndexPath { get; }

    public IndexStore Store { get; }

    public ArchiveSynchronizer Synchronizer { get; }

    public SearchEngine Engine { get; }

    public SyncReport Sync() => Synchronizer.SynchronizeAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Closes this index and opens the same folders again, as a restart does.</summary>
    public TestIndex Reopen()
    {
        Dispose();
        return new TestIndex(Archive, IndexPath);
    }

    public void Dispose() => Store.Dispose();
}
