namespace SearchService.Core.Indexing;

/// <summary>What one synchronization of the index with the archive did, counted.</summary>
public sealed record SyncReport
{
    public int FilesScanned { get; init; }

    /// <summary>Files whose bytes were read (new, or changed in size or time). Zero on an up-to-date index.</summary>
    public int FilesRead { get; init; }

    public int FilesUnchanged { get; init; }

    public int FilesAdded { get; init; }

    public int FilesChanged { get; init; }

    public int FilesRemoved { get; init; }

    /// <summary>Files read now and skipped, with the reason.</summary>
    public IReadOnlyList<SkippedSource> Skipped { get; init; } = [];

    /// <summary>Records inside readable files that were rejected (a bad JSON line), with the reason.</summary>
    public IReadOnlyList<SkippedSource> RejectedRecords { get; init; } = [];

    public int DocumentsIndexed { get; init; }

    public long BytesRead { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool Cancelled { get; init; }

    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? DocumentsIndexed / Elapsed.TotalSeconds : 0;
}

/// <summary>A source file (or a record in it) that could not be read, and why.</summary>
public sealed record SkippedSource(string SourcePath, string Reason);
