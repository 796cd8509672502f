using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SearchService.Core.Archive;

namespace SearchService.Core.Indexing;

/// <summary>
/// What a sync has done so far, counted from every core: files read, added and changed, documents and
/// bytes; the files skipped and the records rejected, logged as they are found; a progress line every
/// <see cref="Every"/>, also inside a long file; and, at the end, the <see cref="SyncReport"/>.
/// </summary>
internal sealed class SyncProgress(ILogger logger, Stopwatch clock, int filesTotal, long bytesTotal)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private readonly Lock _reportGate = new();
    private readonly ConcurrentBag<SkippedSource> _skipped = [];
    private readonly ConcurrentBag<SkippedSource> _rejected = [];
    private int _filesRead;
    private int _filesAdded;
    private int _filesChanged;
    private int _documents;
    private long _bytes;

    public int Documents => Volatile.Read(ref _documents);

    /// <summary>Files finished, whole batches (written by the sync loop only).</summary>
    public int FilesDone { get; set; }

    /// <summary>A file was read (or hashed): its bytes count towards the progress.</summary>
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

    /// <summary>A file's documents are indexed anew: it was added to the archive, or changed.</summary>
    public void AddFile(bool isNew) => Interlocked.Increment(ref isNew ? ref _filesAdded : ref _filesChanged);

    public void AddDocuments(int count)
    {
        Interlocked.Add(ref _documents, count);
        MaybeReport();
    }

    /// <summary>A file skipped whole, with its reason: logged and reported; its manifest entry.</summary>
    public ManifestEntry Skipped(ArchiveFile file, string hash, string error, ManifestStatus? status = null)
    {
        _skipped.Add(new SkippedSource(file.RelativePath, error));
        Log.FileSkipped(logger, file.RelativePath, error);
        return new ManifestEntry(file.Size, file.LastWriteUtc.Ticks, hash, 0, error, Status: status);
    }

    /// <summary>A file indexed: its rejected records are logged and reported; its manifest entry.</summary>
    /// <param name="rejections">Records rejected now: reported and logged.</param>
    /// <param name="earlier">Records rejected before a checkpoint the file was resumed from: kept in the manifest only.</param>
    public ManifestEntry Indexed(ArchiveFile file, string hash, int documents, IReadOnlyList<string> rejections, IReadOnlyList<string>? earlier = null)
    {
        foreach (var rejection in rejections)
        {
            _rejected.Add(new SkippedSource(file.RelativePath, rejection));
            Log.RecordRejected(logger, file.RelativePath, rejection);
        }

        return new ManifestEntry(file.Size, file.LastWriteUtc.Ticks, hash, documents, null, ManifestEntry.KeptRejections([.. earlier ?? [], .. rejections]));
    }

    /// <summary>The report of the whole sync, logged.</summary>
    public SyncReport Finish(int filesScanned, int filesRemoved, bool cancelled)
    {
        var report = new SyncReport
        {
            FilesScanned = filesScanned,
            FilesRead = _filesRead,
            FilesUnchanged = filesScanned - _filesAdded - _filesChanged,
            FilesAdded = _filesAdded,
            FilesChanged = _filesChanged,
            FilesRemoved = filesRemoved,
            Skipped = _skipped.OrderBy(s => s.SourcePath, StringComparer.Ordinal).ToList(),
            RejectedRecords = _rejected.OrderBy(s => s.SourcePath, StringComparer.Ordinal).ToList(),
            DocumentsIndexed = _documents,
            BytesRead = Interlocked.Read(ref _bytes),
            Elapsed = clock.Elapsed,
            Cancelled = cancelled,
        };
        Log.SyncFinished(logger, report.FilesScanned, report.FilesRead, report.FilesAdded, report.FilesChanged, report.FilesRemoved,
            report.FilesUnchanged, report.Skipped.Count, report.DocumentsIndexed, report.DocumentsPerSecond, report.Elapsed.TotalSeconds);
        return report;
    }

    private void MaybeReport()
    {
        if (_sinceReport.Elapsed < Every || !_reportGate.TryEnter())
        {
            return;
        }

        try
        {
            if (_sinceReport.Elapsed >= Every)
            {
                _sinceReport.Restart();
                var elapsed = clock.Elapsed;
                var rate = Documents / Math.Max(elapsed.TotalSeconds, 0.001);
                var fraction = bytesTotal > 0 ? Math.Min(1, (double)Interlocked.Read(ref _bytes) / bytesTotal) : 1;
                var remaining = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
                Log.SyncProgress(logger, FilesDone, filesTotal, Documents, rate, fraction * 100, remaining.TotalSeconds);
            }
        }
        finally
        {
            _reportGate.Exit();
        }
    }
}
