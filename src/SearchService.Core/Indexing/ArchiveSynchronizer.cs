using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Index;
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
/// Commits happen only between batches of whole files, with the manifest describing exactly those
/// files, so a sync killed at any point leaves the last commit's consistent index; the next start
/// finishes the work. A streamed JSON Lines file (it can hold millions of records) is read on its own
/// and also commits checkpoints inside it, at line boundaries recorded in the manifest; the next sync
/// resumes an unchanged file at its last checkpoint instead of reading it again.
/// </remarks>
public sealed partial class ArchiveSynchronizer(
    IndexStore store,
    IDocumentEnricher enricher,
    IOptions<ArchiveOptions> archiveOptions,
    IOptions<IndexOptions> indexOptions,
    ILogger<ArchiveSynchronizer> logger)
{
    private const int BatchFiles = 64;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    /// <summary>The report of the last completed sync, for statistics.</summary>
    public SyncReport? LastReport { get; private set; }

    public async Task<SyncReport> SynchronizeAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(archiveOptions.Value.Path);
        using var writeLock = await store.AcquireWriteAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var files = ArchiveFile.List(root);
        var manifest = store.Manifest;
        var reader = new ArchiveReader(archiveOptions.Value.MaxFileBytes, archiveOptions.Value.Readers);

        var toRead = files.Where(f => manifest.Get(f.RelativePath) is not { } e
                || e.Size != f.Size || e.LastWriteTicks != f.LastWriteUtc.Ticks || e.Checkpoint is not null).ToList();
        var totalBytes = toRead.Sum(f => f.Size);
        var readNow = toRead.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        LogStarted(logger, root, files.Count, toRead.Count, totalBytes);

        Counters counters = null!;
        counters = new Counters(() => ReportProgress(counters, toRead.Count, totalBytes, clock.Elapsed));
        var skipped = new ConcurrentBag<SkippedSource>();
        var rejected = new ConcurrentBag<SkippedSource>();
        var lastCommit = Stopwatch.StartNew();
        var filesSinceCommit = 0;
        var dirty = false;
        var cancelled = false;

        var filesStarted = 0;
        foreach (var batch in Batches(toRead))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            filesStarted += batch.Count;
            var outcomes = new ConcurrentBag<(ArchiveFile File, ManifestEntry? Entry)>();
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
            {
                var entry = IndexFile(file, manifest, reader, readNow, counters, skipped, rejected, cancellationToken);
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
                || lastCommit.Elapsed.TotalSeconds >= indexOptions.Value.CommitEverySeconds)
            {
                store.Commit(manifest);
                LogCommitted(logger, filesStarted, toRead.Count, counters.Documents);
                dirty = false;
                filesSinceCommit = 0;
                lastCommit.Restart();
            }

            counters.FilesDone += batch.Count;
        }

        cancelled |= cancellationToken.IsCancellationRequested;
        var removed = 0;
        if (!cancelled)
        {
            var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            var pagesToRefresh = new SortedSet<string>(StringComparer.Ordinal);
            var removedPaths = manifest.Files.Keys.Where(p => !present.Contains(p)).ToHashSet(StringComparer.Ordinal);

            // An attachment whose page is removed is a report of its own from now on.
            pagesToRefresh.UnionWith(manifest.Files
                .Where(f => f.Value.Status?.AttachedTo is { Length: > 0 } page && removedPaths.Contains(page) && present.Contains(f.Key) && !readNow.Contains(f.Key))
                .Select(f => f.Key));
            foreach (var path in removedPaths.Order(StringComparer.Ordinal))
            {
                if (manifest.Get(path)?.Status?.AttachedTo is { Length: > 0 } page && present.Contains(page) && !readNow.Contains(page))
                {
                    pagesToRefresh.Add(page);
                }

                store.Writer.DeleteDocuments(new Term(IndexFields.SourcePath, path));
                manifest.Remove(path);
                removed++;
                dirty = true;
            }

            // A removed attachment's text leaves its page's report: the page is read again (and an orphaned attachment alone).
            foreach (var path in pagesToRefresh)
            {
                var result = reader.Read(files.First(f => f.RelativePath == path), cancellationToken);
                if (result.Error is null)
                {
                    foreach (var document in result.Documents)
                    {
                        IndexOne(document, result.ContentHash, counters);
                    }
                }

                manifest.Set(path, manifest.Get(path)! with
                {
                    Documents = result.AttachedTo.Length > 0 ? 0 : result.Documents.Count,
                    Error = result.Error,
                    Status = StatusOf(result),
                });
                dirty = true;
            }
        }

        if (dirty)
        {
            store.Commit(manifest);
        }

        var report = new SyncReport
        {
            FilesScanned = files.Count,
            FilesRead = counters.FilesRead,
            FilesUnchanged = files.Count - counters.FilesAdded - counters.FilesChanged,
            FilesAdded = counters.FilesAdded,
            FilesChanged = counters.FilesChanged,
            FilesRemoved = removed,
            Skipped = skipped.OrderBy(s => s.SourcePath, StringComparer.Ordinal).ToList(),
            RejectedRecords = rejected.OrderBy(s => s.SourcePath, StringComparer.Ordinal).ToList(),
            DocumentsIndexed = counters.Documents,
            BytesRead = counters.Bytes,
            Elapsed = clock.Elapsed,
            Cancelled = cancelled,
        };
        LastReport = report;
        LogFinished(logger, report.FilesScanned, report.FilesRead, report.FilesAdded, report.FilesChanged, report.FilesRemoved,
            report.FilesUnchanged, report.Skipped.Count, report.DocumentsIndexed, report.DocumentsPerSecond, report.Elapsed.TotalSeconds);
        return report;
    }

    // Whole files in batches read in parallel; a streamed file alone, since it commits checkpoints of its own.
    private static IEnumerable<List<ArchiveFile>> Batches(List<ArchiveFile> files)
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

    private ManifestEntry? IndexFile(
        ArchiveFile file,
        IndexManifest manifest,
        ArchiveReader reader,
        HashSet<string> readNow,
        Counters counters,
        ConcurrentBag<SkippedSource> skipped,
        ConcurrentBag<SkippedSource> rejected,
        CancellationToken cancellationToken)
    {
        var previous = manifest.Get(file.RelativePath);
        if (JsonLinesFile.CanStream(file))
        {
            return IndexStream(file, manifest, counters, skipped, rejected, cancellationToken);
        }

        var result = reader.Read(file, cancellationToken);
        counters.AddRead(file.Size);
        if (previous is not null && previous.Hash.Length > 0 && previous.Hash == result.ContentHash)
        {
            // Touched, not changed: remember the new time so the next start does not read it again.
            return previous with { Size = file.Size, LastWriteTicks = file.LastWriteUtc.Ticks };
        }

        if (previous is not null)
        {
            store.Writer.DeleteDocuments(new Term(IndexFields.SourcePath, file.RelativePath));
        }

        counters.AddFile(isNew: previous is null);
        if (result.Error is { } error)
        {
            return Skipped(file, result.ContentHash, error, skipped, result);
        }

        // An attachment gives its page's report; when the page is read in this sync too, the page indexes it.
        var documents = result.AttachedTo.Length > 0 && readNow.Contains(result.AttachedTo) ? [] : result.Documents;
        if (documents.Count > 16)
        {
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d => IndexOne(d, result.ContentHash, counters));
        }
        else
        {
            foreach (var document in documents)
            {
                IndexOne(document, result.ContentHash, counters);
            }
        }

        return Indexed(file, result.ContentHash, result.AttachedTo.Length > 0 ? 0 : documents.Count, result.Rejections, rejected) with { Status = StatusOf(result) };
    }

    private static ManifestStatus StatusOf(SourceReadResult result) => new(
        SearchService.Core.Archive.Readers.SourceStatus.Name(result.Status.State),
        result.Status.Reason,
        result.Status.Encoding,
        result.Status.Pages,
        result.Status.Format,
        result.AttachedTo);

    /// <summary>
    /// A JSON Lines file, streamed: read, parsed and indexed record by record on every core, in constant
    /// memory whatever its size. Every <see cref="IndexOptions.CommitEveryRecords"/> records or
    /// <see cref="IndexOptions.CommitEverySeconds"/> a checkpoint is committed at a line boundary; an
    /// unchanged file with a checkpoint is resumed there.
    /// </summary>
    private ManifestEntry? IndexStream(
        ArchiveFile file,
        IndexManifest manifest,
        Counters counters,
        ConcurrentBag<SkippedSource> skipped,
        ConcurrentBag<SkippedSource> rejected,
        CancellationToken cancellationToken)
    {
        var previous = manifest.Get(file.RelativePath);
        var resumable = previous is { Checkpoint: not null } && previous.Size == file.Size && previous.LastWriteTicks == file.LastWriteUtc.Ticks;
        if (!resumable && previous is { Checkpoint: null, Hash.Length: > 0 })
        {
            string hash;
            try
            {
                hash = JsonLinesFile.HashFile(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash = "";
            }

            if (hash == previous.Hash)
            {
                counters.AddRead(file.Size);
                return previous with { Size = file.Size, LastWriteTicks = file.LastWriteUtc.Ticks };
            }
        }

        counters.AddRead(0);
        JsonLinesFile.Resume? resume = null;
        var earlier = new List<string>();
        if (resumable)
        {
            // A file never read to its end counts as added.
            counters.AddFile(isNew: true);
            resume = ResumeAt(file, previous!.Checkpoint!);
            earlier.AddRange(previous.Rejections ?? []);
            LogResumed(logger, file.RelativePath, previous.Checkpoint!.Line, previous.Documents);
        }
        else
        {
            if (previous is not null)
            {
                store.Writer.DeleteDocuments(new Term(IndexFields.SourcePath, file.RelativePath));
            }

            counters.AddFile(isNew: previous is null);
        }

        var source = new JsonLinesFile(file, archiveOptions.Value.MaxRecordBytes, resume);
        var before = resumable ? previous!.Documents : 0;

        // The entry the committed index matches for this file: the resumed one, then each checkpoint.
        var checkpoint = resumable ? previous : null;
        var reported = 0L;
        var done = new object();
        long started = 0;
        long finished = 0;

        IEnumerable<SourceDocument> Records()
        {
            var clock = Stopwatch.StartNew();
            var sinceCheckpoint = 0;
            foreach (var document in source.ReadDocuments(cancellationToken))
            {
                if (started > 0 && (sinceCheckpoint >= indexOptions.Value.CommitEveryRecords || clock.Elapsed.TotalSeconds >= indexOptions.Value.CommitEverySeconds))
                {
                    // Every record handed out has been indexed before the commit, and none after the line before this one.
                    // (A stop while waiting ends the loop: the cancellation is handled below.)
                    lock (done)
                    {
                        while (finished < started)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            Monitor.Wait(done, TimeSpan.FromMilliseconds(100));
                        }
                    }

                    checkpoint = new ManifestEntry(file.Size, file.LastWriteUtc.Ticks, "", before + (int)started, null,
                        Capped([.. earlier, .. source.Rejections]), new StreamCheckpoint(source.RecordStart, source.RecordLine - 1));
                    manifest.Set(file.RelativePath, checkpoint);
                    store.Commit(manifest);
                    LogCheckpoint(logger, file.RelativePath, source.RecordLine - 1, before + started);
                    sinceCheckpoint = 0;
                    clock.Restart();
                }

                started++;
                sinceCheckpoint++;
                yield return document;
            }
        }

        try
        {
            // One record at a time from the reader (it is not thread-safe); enrichment and analysis in parallel.
            var records = Partitioner.Create(Records(), EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(records, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, document =>
            {
                try
                {
                    // The file's hash is known only at its end; the manifest keeps it, the documents carry none.
                    IndexOne(document, "", counters);
                }
                finally
                {
                    lock (done)
                    {
                        finished++;
                        Monitor.PulseAll(done);
                        var bytes = source.BytesRead;
                        counters.AddBytes(bytes - reported);
                        reported = bytes;
                    }
                }
            });
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested
            && (e is OperationCanceledException || (e is AggregateException all && all.InnerExceptions.All(i => i is OperationCanceledException))))
        {
            if (checkpoint is not null)
            {
                // The records indexed after the checkpoint are read again when the file is resumed.
                return checkpoint;
            }

            // Nothing of a half-read file stays: it is read again at the next sync.
            store.Writer.DeleteDocuments(new Term(IndexFields.SourcePath, file.RelativePath));
            return previous;
        }

        counters.AddBytes(source.BytesRead - reported);
        if (source.Error is { } error)
        {
            store.Writer.DeleteDocuments(new Term(IndexFields.SourcePath, file.RelativePath));
            return Skipped(file, source.ContentHash, error, skipped);
        }

        return Indexed(file, source.ContentHash, before + source.DocumentCount, source.Rejections, rejected, earlier);
    }

    /// <summary>
    /// The ids of the file's records up to the checkpoint, with their lines. Records past it (indexed
    /// after it before a stop) are read again and replace themselves by id.
    /// </summary>
    private JsonLinesFile.Resume ResumeAt(ArchiveFile file, StreamCheckpoint checkpoint)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        store.Search(searcher =>
        {
            var inFile = new Term(IndexFields.SourcePath, file.RelativePath);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var lines = reader.GetNumericDocValues(IndexFields.SourceLine);
                var idValues = reader.GetSortedDocValues(IndexFields.IdSort);
                var docs = reader.GetTermDocsEnum(inFile);
                if (docs is null || lines is null || idValues is null)
                {
                    continue;
                }

                var id = new Lucene.Net.Util.BytesRef();
                for (var doc = docs.NextDoc(); doc != DocsEnum.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    var line = (int)lines.Get(doc);
                    if (line <= checkpoint.Line)
                    {
                        idValues.Get(doc, id);
                        ids[id.Utf8ToString()] = line;
                    }
                }
            }

            return 0;
        });

        return new JsonLinesFile.Resume(checkpoint.Offset, checkpoint.Line, ids);
    }

    private static List<string>? Capped(List<string> rejections) => rejections.Count > 0 ? rejections.Take(100).ToList() : null;

    private ManifestEntry Skipped(ArchiveFile file, string hash, string error, ConcurrentBag<SkippedSource> skipped, SourceReadResult? result = null)
    {
        skipped.Add(new SkippedSource(file.RelativePath, error));
        LogSkipped(logger, file.RelativePath, error);
        return new ManifestEntry(file.Size, file.LastWriteUtc.Ticks, hash, 0, error, Status: result is null ? null : StatusOf(result));
    }

    /// <param name="rejections">Records rejected now: reported and logged.</param>
    /// <param name="earlier">Records rejected before a checkpoint the file was resumed from: kept in the manifest only.</param>
    private ManifestEntry Indexed(ArchiveFile file, string hash, int documents, IReadOnlyList<string> rejections, ConcurrentBag<SkippedSource> rejected, IReadOnlyList<string>? earlier = null)
    {
        foreach (var rejection in rejections)
        {
            rejected.Add(new SkippedSource(file.RelativePath, rejection));
            LogRecordRejected(logger, file.RelativePath, rejection);
        }

        return new ManifestEntry(file.Size, file.LastWriteUtc.Ticks, hash, documents, null, Capped([.. earlier ?? [], .. rejections]));
    }

    private void IndexOne(SourceDocument document, string contentHash, Counters counters)
    {
        var indexed = enricher.Enrich(document, contentHash);
        store.Writer.UpdateDocument(new Term(IndexFields.Id, document.Id), DocumentMapper.ToLucene(indexed));
        counters.AddDocument();
    }

    private void ReportProgress(Counters counters, int filesTotal, long totalBytes, TimeSpan elapsed)
    {
        var rate = counters.Documents / Math.Max(elapsed.TotalSeconds, 0.001);
        var fraction = totalBytes > 0 ? Math.Min(1, (double)counters.Bytes / totalBytes) : 1;
        var remaining = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
        LogProgress(logger, counters.FilesDone, filesTotal, counters.Documents, rate, fraction * 100, remaining.TotalSeconds);
    }

    /// <summary>What the sync has done so far; reports progress every <see cref="ProgressEvery"/>, also inside a long file.</summary>
    private sealed class Counters(Action report)
    {
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
        private readonly Lock _reportGate = new();
        private int _filesRead;
        private int _filesAdded;
        private int _filesChanged;
        private int _documents;
        private long _bytes;

        public int FilesRead => _filesRead;

        public int FilesAdded => _filesAdded;

        public int FilesChanged => _filesChanged;

        public int Documents => _documents;

        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Files finished, whole batches (written by the sync loop only).</summary>
        public int FilesDone { get; set; }

        public void AddRead(long bytes)
        {
            Interlocked.Increment(ref _filesRead);
            AddBytes(bytes);
        }

        public void AddBytes(long bytes)
        {
            Interlocked.Add(ref _bytes, bytes);
            MaybeReport();
        }

        public void AddFile(bool isNew) => Interlocked.Increment(ref isNew ? ref _filesAdded : ref _filesChanged);

        public void AddDocument()
        {
            Interlocked.Increment(ref _documents);
            MaybeReport();
        }

        private void MaybeReport()
        {
            if (_sinceReport.Elapsed < ProgressEvery || !_reportGate.TryEnter())
            {
                return;
            }

            try
            {
                if (_sinceReport.Elapsed >= ProgressEvery)
                {
                    _sinceReport.Restart();
                    report();
                }
            }
            finally
            {
                _reportGate.Exit();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synchronizing index with archive {ArchivePath}: {FileCount} files, {FilesToRead} to read ({BytesToRead} bytes)")]
    private static partial void LogStarted(ILogger logger, string archivePath, int fileCount, int filesToRead, long bytesToRead);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest progress: {FilesDone}/{FilesTotal} files, {Documents} documents, {DocumentsPerSecond:F0} docs/s, {PercentDone:F0}% of bytes, about {SecondsLeft:F0} s left")]
    private static partial void LogProgress(ILogger logger, int filesDone, int filesTotal, int documents, double documentsPerSecond, double percentDone, double secondsLeft);

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed {FilesDone}/{FilesTotal} files, {Documents} documents so far")]
    private static partial void LogCommitted(ILogger logger, int filesDone, int filesTotal, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint of {SourcePath} committed: lines 1-{Line} indexed, {Documents} documents")]
    private static partial void LogCheckpoint(ILogger logger, string sourcePath, int line, long documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {SourcePath} after line {Line} ({Documents} documents already indexed)")]
    private static partial void LogResumed(ILogger logger, string sourcePath, int line, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped archive file {SourcePath}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string sourcePath, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a record of {SourcePath}: {Reason}")]
    private static partial void LogRecordRejected(ILogger logger, string sourcePath, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index synchronized: {FilesScanned} files scanned, {FilesRead} read, {FilesAdded} added, {FilesChanged} changed, {FilesRemoved} removed, {FilesUnchanged} unchanged, {FilesSkipped} skipped; {DocumentsIndexed} documents indexed at {DocumentsPerSecond:F1} docs/s in {Seconds:F1} s")]
    private static partial void LogFinished(ILogger logger, int filesScanned, int filesRead, int filesAdded, int filesChanged, int filesRemoved, int filesUnchanged, int filesSkipped, int documentsIndexed, double documentsPerSecond, double seconds);
}
