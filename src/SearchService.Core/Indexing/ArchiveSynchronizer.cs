using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Archive;
using SearchService.Core.Documents;

namespace SearchService.Core.Indexing;

/// <summary>
/// Brings the index up to date with the archive folder: new and changed files are indexed, removed
/// files deleted, unchanged files not read at all (same size and modification time as recorded), and
/// files whose time changed but whose bytes did not are recognised by their SHA-256 and not re-indexed.
/// </summary>
/// <remarks>
/// <para>Who does what: <see cref="ArchiveChanges"/> finds what changed; <see cref="ArchiveFileIndexer"/>
/// indexes a file read whole, <see cref="JsonLinesIndexer"/> a streamed JSON Lines file with its
/// checkpoints; <see cref="SyncProgress"/> counts and reports; <see cref="IndexStore"/> writes and commits.</para>
/// <para>Commits happen only between batches of whole files, with the manifest describing exactly those
/// files, so a sync killed at any point leaves the last commit's consistent index; the next start
/// finishes the work. A streamed JSON Lines file (it can hold millions of records) is read on its own
/// and also commits checkpoints inside it, at line boundaries recorded in the manifest; the next sync
/// resumes an unchanged file at its last checkpoint instead of reading it again.</para>
/// </remarks>
public sealed class ArchiveSynchronizer(
    IndexStore store,
    IDocumentEnricher enricher,
    IOptions<ArchiveOptions> archiveOptions,
    IOptions<IndexOptions> indexOptions,
    ILogger<ArchiveSynchronizer> logger)
{
    /// <summary>Files read whole in one parallel batch.</summary>
    private const int BatchFiles = 64;

    /// <summary>The report of the last completed sync, for statistics.</summary>
    public SyncReport? LastReport { get; private set; }

    public async Task<SyncReport> SynchronizeAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(archiveOptions.Value.Path);
        using var writeLock = await store.AcquireWriteAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var files = ArchiveFile.List(root);
        var manifest = store.Manifest;
        var changes = ArchiveChanges.Find(files, manifest);
        Log.SyncStarted(logger, root, files.Count, changes.ToRead.Count, changes.BytesToRead);

        var progress = new SyncProgress(logger, clock, changes.ToRead.Count, changes.BytesToRead);
        var reader = new ArchiveReader(archiveOptions.Value.MaxFileBytes, archiveOptions.Value.Readers);
        var wholeFiles = new ArchiveFileIndexer(store, enricher, reader, changes, progress);
        var streams = new JsonLinesIndexer(store, enricher, progress, archiveOptions.Value.MaxRecordBytes, indexOptions.Value, logger);

        var dirty = IndexChangedFiles(changes, manifest, wholeFiles, streams, progress, cancellationToken);
        var cancelled = cancellationToken.IsCancellationRequested;
        var removed = 0;
        if (!cancelled)
        {
            var (removedPaths, pagesToRefresh) = changes.Removals(manifest);
            foreach (var path in removedPaths)
            {
                store.DeleteSource(path);
                manifest.Remove(path);
                removed++;
                dirty = true;
            }

            // A removed attachment's text leaves its page's report: the page is read again (and an orphaned attachment alone).
            foreach (var path in pagesToRefresh)
            {
                manifest.Set(path, wholeFiles.Refresh(changes.File(path), manifest.Get(path)!, cancellationToken));
                dirty = true;
            }
        }

        if (dirty)
        {
            store.Commit(manifest);
        }

        var report = progress.Finish(files.Count, removed, cancelled);
        LastReport = report;
        return report;
    }

    /// <summary>
    /// Reads the new and changed files, batch by batch, each batch on every core, and commits between
    /// batches every <see cref="IndexOptions.CommitEveryFiles"/> files or <see cref="IndexOptions.CommitEverySeconds"/>.
    /// Returns whether something is written and not yet committed.
    /// </summary>
    private bool IndexChangedFiles(
        ArchiveChanges changes,
        IndexManifest manifest,
        ArchiveFileIndexer wholeFiles,
        JsonLinesIndexer streams,
        SyncProgress progress,
        CancellationToken cancellationToken)
    {
        var sinceCommit = Stopwatch.StartNew();
        var filesSinceCommit = 0;
        var filesStarted = 0;
        var dirty = false;
        foreach (var batch in Batches(changes.ToRead))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            filesStarted += batch.Count;
            var outcomes = new ConcurrentBag<(ArchiveFile File, ManifestEntry? Entry)>();
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
            {
                var entry = JsonLinesFile.CanStream(file)
                    ? streams.Index(file, manifest, cancellationToken)
                    : wholeFiles.Index(file, manifest.Get(file.RelativePath), cancellationToken);
                outcomes.Add((file, entry));
            });

            foreach (var (file, entry) in outcomes)
            {
                // No entry: a stream cut short by cancellation; the file is read again next time.
                if (entry is not null)
                {
                    manifest.Set(file.RelativePath, entry);
                }
            }

            dirty = true;
            filesSinceCommit += batch.Count;
            if (filesSinceCommit >= indexOptions.Value.CommitEveryFiles
                || sinceCommit.Elapsed.TotalSeconds >= indexOptions.Value.CommitEverySeconds)
            {
                store.Commit(manifest);
                Log.SyncCommitted(logger, filesStarted, changes.ToRead.Count, progress.Documents);
                dirty = false;
                filesSinceCommit = 0;
                sinceCommit.Restart();
            }

            progress.FilesDone += batch.Count;
        }

        return dirty;
    }

    // Whole files in batches read in parallel; a streamed file alone, since it commits checkpoints of its own.
    private static IEnumerable<List<ArchiveFile>> Batches(IReadOnlyList<ArchiveFile> files)
    {
        var batch = new List<ArchiveFile>();
        foreach (var file in files)
        {
            if (JsonLinesFile.CanStream(file))
            {
                if (batch.Count > 0)
                {
                    yield return batch;
                    batch = [];
                }

                yield return [file];
            }
            else
            {
                batch.Add(file);
                if (batch.Count == BatchFiles)
                {
                    yield return batch;
                    batch = [];
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
