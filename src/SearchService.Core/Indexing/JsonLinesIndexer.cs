using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using SearchService.Core.Archive;
using SearchService.Core.Documents;

namespace SearchService.Core.Indexing;

/// <summary>
/// A JSON Lines file, streamed in constant memory whatever its size: one thread reads and parses batches
/// of records while the batch before is enriched and written on every core. Between two batches, every
/// <see cref="IndexOptions.CommitEveryRecords"/> records or <see cref="IndexOptions.CommitEverySeconds"/>,
/// a checkpoint is committed at the line before the next batch; an unchanged file with a checkpoint is
/// resumed there.
/// </summary>
internal sealed class JsonLinesIndexer(
    IndexStore store,
    IDocumentEnricher enricher,
    SyncProgress progress,
    long maxRecordBytes,
    IndexOptions options,
    ILogger logger)
{
    /// <summary>
    /// Records in a batch, at most; fewer when checkpoints come more often. Enough to keep every core busy
    /// between two batches, few enough that the batches in memory (the one written, the one read ahead, the
    /// one being read) stay a few megabytes.
    /// </summary>
    private const int BatchRecords = 256;

    /// <summary>Batches read ahead of the one being written.</summary>
    private const int ReadAhead = 1;

    /// <summary>Indexes a new or changed file, or resumes one; returns its manifest entry, or the last one committed when stopped.</summary>
    public ManifestEntry? Index(ArchiveFile file, IndexManifest manifest, CancellationToken cancellationToken)
    {
        var previous = manifest.Get(file.RelativePath);
        var resumable = previous is { Checkpoint: not null } && previous.Size == file.Size && previous.LastWriteTicks == file.LastWriteUtc.Ticks;
        if (!resumable && previous is { Checkpoint: null, Hash.Length: > 0 } && HashOrEmpty(file) == previous.Hash)
        {
            // Touched, not changed: remember the new time so the next start does not read it again.
            progress.AddRead(file.Size);
            return previous with { Size = file.Size, LastWriteTicks = file.LastWriteUtc.Ticks };
        }

        progress.AddRead(0);
        JsonLinesFile.Resume? resume = null;
        List<string> earlier = [];
        if (resumable)
        {
            // A file never read to its end counts as added.
            progress.AddFile(isNew: true);
            resume = ResumeAt(file, previous!.Checkpoint!);
            earlier.AddRange(previous.Rejections ?? []);
            Log.StreamResumed(logger, file.RelativePath, previous.Checkpoint!.Line, previous.Documents);
        }
        else
        {
            if (previous is not null)
            {
                store.DeleteSource(file.RelativePath);
            }

            progress.AddFile(isNew: previous is null);
        }

        var source = new JsonLinesFile(file, maxRecordBytes, resume);
        var before = resumable ? previous!.Documents : 0;

        // The entry the committed index matches for this file: the resumed one, then each checkpoint.
        var checkpoint = resumable ? previous : null;
        var written = 0;
        var sinceCheckpoint = 0;
        var sinceCommit = Stopwatch.StartNew();
        var reported = 0L;
        try
        {
            foreach (var batch in ReadBatches(source, Math.Min(BatchRecords, options.CommitEveryRecords), cancellationToken))
            {
                if (written > 0 && (sinceCheckpoint >= options.CommitEveryRecords || sinceCommit.Elapsed.TotalSeconds >= options.CommitEverySeconds))
                {
                    // Every record before this batch is written, and none of it.
                    checkpoint = new ManifestEntry(file.Size, file.LastWriteUtc.Ticks, "", before + written, null,
                        ManifestEntry.KeptRejections([.. earlier, .. batch.RejectionsBefore]), batch.Start);
                    store.Checkpoint(manifest, file.RelativePath, checkpoint);
                    Log.CheckpointCommitted(logger, file.RelativePath, batch.Start.Line, before + written);
                    sinceCheckpoint = 0;
                    sinceCommit.Restart();
                }

                // The file's hash is known only at its end; the manifest keeps it, the documents carry none.
                store.UpdateAll(batch.Documents, d => enricher.Enrich(d, ""), cancellationToken);

                written += batch.Documents.Count;
                sinceCheckpoint += batch.Documents.Count;
                progress.AddDocuments(batch.Documents.Count);
                progress.AddBytes(batch.BytesRead - reported);
                reported = batch.BytesRead;
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested
            && (e is OperationCanceledException || (e is AggregateException all && all.InnerExceptions.All(i => i is OperationCanceledException))))
        {
            if (checkpoint is not null)
            {
                // The records written after the checkpoint are read again when the file is resumed.
                return checkpoint;
            }

            // Nothing of a half-read file stays: it is read again at the next sync.
            store.DeleteSource(file.RelativePath);
            return previous;
        }

        progress.AddBytes(source.BytesRead - reported);
        if (source.Error is { } error)
        {
            store.DeleteSource(file.RelativePath);
            return progress.Skipped(file, source.ContentHash, error);
        }

        return progress.Indexed(file, source.ContentHash, before + source.DocumentCount, source.Rejections, earlier);
    }

    /// <summary>
    /// The file's records in batches, read on a thread of their own at most <see cref="ReadAhead"/> batches
    /// ahead. The reader is not thread-safe; only that thread touches it until the last batch is taken.
    /// </summary>
    private static IEnumerable<RecordBatch> ReadBatches(JsonLinesFile source, int size, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<RecordBatch>(ReadAhead);
        // A thread of its own: it blocks while the queue is full, which a thread-pool thread should not do.
        var reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var batch in Batch(source, size, stop.Token))
                    {
                        queue.Add(batch, stop.Token);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                yield return batch;
            }

            // A failure of the reading thread surfaces here; after it, the reader's state is final.
            reading.GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early (cancelled, or a write failed): the reading thread ends before the queue goes.
            stop.Cancel();
            try
            {
                reading.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its failure, if any, comes second to the one that stopped the writing.
            }
        }
    }

    private static IEnumerable<RecordBatch> Batch(JsonLinesFile source, int size, CancellationToken cancellationToken)
    {
        RecordBatch? batch = null;
        foreach (var document in source.ReadDocuments(cancellationToken))
        {
            // A batch starts at the line of its first record: every line before it is read.
            batch ??= new RecordBatch(new StreamCheckpoint(source.RecordStart, source.RecordLine - 1), source.Rejections.Take(100).ToList());
            batch.Documents.Add(document);
            if (batch.Documents.Count == size)
            {
                batch.BytesRead = source.BytesRead;
                yield return batch;
                batch = null;
            }
        }

        if (batch is not null)
        {
            batch.BytesRead = source.BytesRead;
            yield return batch;
        }
    }

    private static string HashOrEmpty(ArchiveFile file)
    {
        try
        {
            return JsonLinesFile.HashFile(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>
    /// The ids of the file's records up to the checkpoint, with their lines. Records past it (written
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

    /// <summary>Records read together.</summary>
    /// <param name="start">Where reading resumes to read them again: the line before the first record, and the offset where that record's line starts.</param>
    /// <param name="rejectionsBefore">The first hundred lines rejected before the batch (all the manifest keeps).</param>
    private sealed class RecordBatch(StreamCheckpoint start, List<string> rejectionsBefore)
    {
        public StreamCheckpoint Start { get; } = start;

        public List<string> RejectionsBefore { get; } = rejectionsBefore;

        public List<SourceDocument> Documents { get; } = [];

        /// <summary>Bytes of the file read when the batch was complete (for progress).</summary>
        public long BytesRead { get; set; }
    }
}
