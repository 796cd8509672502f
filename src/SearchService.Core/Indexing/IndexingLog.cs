using Microsoft.Extensions.Logging;

namespace SearchService.Core.Indexing;

/// <summary>
/// The log events of the index, in one place, with ids in 3000-3099 and names a log query can select:
/// 3001-3009 Lucene's own reports, 3010-3019 the index folder, 3020-3039 the sync of the archive,
/// 3040-3059 the documents sent by clients.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "LuceneInfoStream", Level = LogLevel.Debug, Message = "Lucene {Component}: {LuceneMessage}")]
    public static partial void LuceneInfoStream(ILogger logger, string component, string luceneMessage);

    [LoggerMessage(EventId = 3002, EventName = "MergeFailed", Level = LogLevel.Error, Message = "A background merge of the index failed; the segments stay as they were and the next commit or merge retries")]
    public static partial void MergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, EventName = "MergeStarted", Level = LogLevel.Information, Message = "Merging the index's {Segments} segments ({Megabytes:F1} MB) into {Target} in the background")]
    public static partial void MergeStarted(ILogger logger, int segments, double megabytes, int target);

    [LoggerMessage(EventId = 3004, EventName = "MergeFinished", Level = LogLevel.Information, Message = "Merged the index's {SegmentsBefore} segments into {SegmentsAfter} in {Seconds:F1} s; searches now read the merged index")]
    public static partial void MergeFinished(ILogger logger, int segmentsBefore, int segmentsAfter, double seconds);

    [LoggerMessage(EventId = 3005, EventName = "MergeStopped", Level = LogLevel.Information, Message = "The merge of the index stopped after {Seconds:F1} s because the index is closing; it keeps its segments as they were")]
    public static partial void MergeStopped(ILogger logger, double seconds);

    [LoggerMessage(EventId = 3006, EventName = "MergeAfterSyncFailed", Level = LogLevel.Error, Message = "The merge of the index's {Segments} segments failed; the index keeps its segments as they were")]
    public static partial void MergeAfterSyncFailed(ILogger logger, Exception exception, int segments);

    [LoggerMessage(EventId = 3010, EventName = "IndexOpened", Level = LogLevel.Information, Message = "Opened index {IndexPath}: {DocumentCount} documents from {SourceFileCount} source files")]
    public static partial void IndexOpened(ILogger logger, string indexPath, int documentCount, int sourceFileCount);

    [LoggerMessage(EventId = 3020, EventName = "SyncStarted", Level = LogLevel.Information, Message = "Synchronizing index with archive {ArchivePath}: {FileCount} files, {FilesToRead} to read ({BytesToRead} bytes)")]
    public static partial void SyncStarted(ILogger logger, string archivePath, int fileCount, int filesToRead, long bytesToRead);

    [LoggerMessage(EventId = 3021, EventName = "SyncProgress", Level = LogLevel.Information, Message = "Ingest progress: {FilesDone}/{FilesTotal} files, {Documents} documents, {DocumentsPerSecond:F0} docs/s, {PercentDone:F0}% of bytes, about {SecondsLeft:F0} s left")]
    public static partial void SyncProgress(ILogger logger, int filesDone, int filesTotal, int documents, double documentsPerSecond, double percentDone, double secondsLeft);

    [LoggerMessage(EventId = 3022, EventName = "SyncCommitted", Level = LogLevel.Information, Message = "Committed {FilesDone}/{FilesTotal} files, {Documents} documents so far")]
    public static partial void SyncCommitted(ILogger logger, int filesDone, int filesTotal, int documents);

    [LoggerMessage(EventId = 3023, EventName = "CheckpointCommitted", Level = LogLevel.Information, Message = "Checkpoint of {SourcePath} committed: lines 1-{Line} indexed, {Documents} documents")]
    public static partial void CheckpointCommitted(ILogger logger, string sourcePath, int line, long documents);

    [LoggerMessage(EventId = 3024, EventName = "StreamResumed", Level = LogLevel.Information, Message = "Resuming {SourcePath} after line {Line} ({Documents} documents already indexed)")]
    public static partial void StreamResumed(ILogger logger, string sourcePath, int line, int documents);

    [LoggerMessage(EventId = 3025, EventName = "FileSkipped", Level = LogLevel.Warning, Message = "Skipped archive file {SourcePath}: {Reason}")]
    public static partial void FileSkipped(ILogger logger, string sourcePath, string reason);

    [LoggerMessage(EventId = 3026, EventName = "RecordRejected", Level = LogLevel.Warning, Message = "Rejected a record of {SourcePath}: {Reason}")]
    public static partial void RecordRejected(ILogger logger, string sourcePath, string reason);

    [LoggerMessage(EventId = 3027, EventName = "SyncFinished", Level = LogLevel.Information, Message = "Index synchronized: {FilesScanned} files scanned, {FilesRead} read, {FilesAdded} added, {FilesChanged} changed, {FilesRemoved} removed, {FilesUnchanged} unchanged, {FilesSkipped} skipped; {DocumentsIndexed} documents indexed at {DocumentsPerSecond:F1} docs/s in {Seconds:F1} s")]
    public static partial void SyncFinished(ILogger logger, int filesScanned, int filesRead, int filesAdded, int filesChanged, int filesRemoved, int filesUnchanged, int filesSkipped, int documentsIndexed, double documentsPerSecond, double seconds);

    [LoggerMessage(EventId = 3040, EventName = "IngestRejected", Level = LogLevel.Warning, Message = "Rejected ingested document {DocumentId} at {StreamIndex}: {Reason}")]
    public static partial void IngestRejected(ILogger logger, string documentId, int streamIndex, string reason);

    [LoggerMessage(EventId = 3041, EventName = "IngestCommitted", Level = LogLevel.Information, Message = "Ingest committed: {Accepted} accepted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
    public static partial void IngestCommitted(ILogger logger, int accepted, int updated, int unchanged, int rejected);

    [LoggerMessage(EventId = 3042, EventName = "DocumentDeleted", Level = LogLevel.Information, Message = "Deleted document {DocumentId}")]
    public static partial void DocumentDeleted(ILogger logger, string documentId);
}
