using System.ComponentModel.DataAnnotations;

namespace SearchService.Core.Indexing;

/// <summary>The folder of source reports (configuration section "Archive").</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Folder of source documents. Default: the sample archive, index-data/archive in the repository.</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>Files larger than this are skipped with a reason. Default 128 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Bring the index up to date with the archive at start. Default true.</summary>
    public bool SyncOnStart { get; set; } = true;
}
