using System.ComponentModel.DataAnnotations;

namespace SearchService.Core.Indexing;

/// <summary>The Lucene index (configuration section "Index").</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>Index folder. Default: index-data/index in the repository (ignored by git).</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>During a sync, commit after this many files (at a file boundary). Default 1000.</summary>
    [Range(1, int.MaxValue)]
    public int CommitEveryFiles { get; set; } = 1000;

    /// <summary>During a sync, commit at the next file boundary once this many seconds passed. Default 30.</summary>
    [Range(1, 3600)]
    public int CommitEverySeconds { get; set; } = 30;

    /// <summary>
    /// Inside a streamed JSON Lines file, commit a checkpoint after this many records (or once
    /// <see cref="CommitEverySeconds"/> passed), so a restart resumes the file there. Default 100,000.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int CommitEveryRecords { get; set; } = 100_000;

    /// <summary>
    /// How index files are read: "nio" (default), positional reads through the operating system's page cache, or
    /// "mmap", memory-mapped. Lucene.Net's memory-mapped inputs register every clone in a weak table (to unmap on
    /// close), and a search clones an input per term per segment: on the known-item suite that was a third of a
    /// search's processor time, and the collector's work it leaves behind slows every other search (issue 12).
    /// </summary>
    [Required]
    [RegularExpression("^(nio|mmap)$", ErrorMessage = "Index:Directory must be \"nio\" or \"mmap\"")]
    public string Directory { get; set; } = "nio";

    /// <summary>
    /// After the start-up sync, merge the segments it left in the background once the server serves, when at least a fifth
    /// of the index lies outside its largest segments (a first ingest, a re-sync). Default true. Searches on one segment
    /// instead of six cost 29 % less processor time on the corpus (known-item suite); the merge took 5 s after a 27 s ingest.
    /// </summary>
    public bool MergeAfterSync { get; set; } = true;

    /// <summary>
    /// The merge after a sync makes one segment per this many MB of index (Lucene's own merges stop at 5 GB). Default 5120.
    /// </summary>
    [Range(16, 1_048_576)]
    public double MaxMergedSegmentMb { get; set; } = 5120;

    /// <summary>IndexWriter RAM buffer in MB. Default 64.</summary>
    [Range(1, 2048)]
    public double RamBufferMb { get; set; } = 64;
}
