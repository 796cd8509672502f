using System.ComponentModel.DataAnnotations;

namespace SearchService.Core.Indexing;

/// <summary>The folder of source reports (configuration section "Archive").</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Folder of source documents. Default: the sample archive, index-data/archive in the repository.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>
    /// Files read whole (portal text reports, UTF-16 files) larger than this are skipped with a reason.
    /// JSON Lines files are streamed and have no size limit; their lines have <see cref="MaxRecordBytes"/>.
    /// Default 128 MiB.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>A JSON Lines record (one line) longer than this is rejected with a reason. Default 16 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRecordBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Limits of the source readers (PDF pages, unpacked bytes, OCR time …): section "Archive:Readers".</summary>
    public SearchService.Core.Archive.Readers.ReaderLimits Readers { get; set; } = new();

    /// <summary>Bring the index up to date with the archive at start. Default true.</summary>
    public bool SyncOnStart { get; set; } = true;
}
