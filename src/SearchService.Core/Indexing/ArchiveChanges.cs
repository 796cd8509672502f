using SearchService.Core.Archive;

namespace SearchService.Core.Indexing;

/// <summary>
/// What changed in the archive since the last commit, by the manifest: the files to read (new, or a
/// different size or time, or a stream left at a checkpoint), the files removed, and the pages to read
/// again because an attachment of theirs was removed. Whether a file whose time changed has really
/// changed is decided when it is read, by its hash.
/// </summary>
internal sealed class ArchiveChanges
{
    private readonly IReadOnlyList<ArchiveFile> _files;
    private readonly HashSet<string> _present;
    private readonly HashSet<string> _readNow;

    private ArchiveChanges(IReadOnlyList<ArchiveFile> files, List<ArchiveFile> toRead)
    {
        _files = files;
        ToRead = toRead;
        _present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        _readNow = toRead.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The files to read, in the archive's order.</summary>
    public IReadOnlyList<ArchiveFile> ToRead { get; }

    public long BytesToRead => ToRead.Sum(f => f.Size);

    public static ArchiveChanges Find(IReadOnlyList<ArchiveFile> files, IndexManifest manifest) => new(
        files,
        files.Where(f => manifest.Get(f.RelativePath) is not { } e
            || e.Size != f.Size || e.LastWriteTicks != f.LastWriteUtc.Ticks || e.Checkpoint is not null).ToList());

    /// <summary>Whether the file is read in this sync.</summary>
    public bool IsReadNow(string path) => _readNow.Contains(path);

    public ArchiveFile File(string path) => _files.First(f => f.RelativePath == path);

    /// <summary>
    /// The files the manifest has and the archive no longer has (in ordinal order), and the pages, read
    /// earlier and not now, whose report changes with them: the page of a removed attachment loses its
    /// text, and an attachment whose page is removed becomes a report of its own.
    /// </summary>
    public (IReadOnlyList<string> Removed, IReadOnlyCollection<string> PagesToRefresh) Removals(IndexManifest manifest)
    {
        var removed = manifest.Files.Keys.Where(p => !_present.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var gone = removed.ToHashSet(StringComparer.Ordinal);
        var pages = new SortedSet<string>(StringComparer.Ordinal);
        pages.UnionWith(manifest.Files
            .Where(f => f.Value.Status?.AttachedTo is { Length: > 0 } page && gone.Contains(page) && _present.Contains(f.Key) && !_readNow.Contains(f.Key))
            .Select(f => f.Key));
        foreach (var path in removed)
        {
            if (manifest.Get(path)?.Status?.AttachedTo is { Length: > 0 } page && _present.Contains(page) && !_readNow.Contains(page))
            {
                pages.Add(page);
            }
        }

        return (removed, pages);
    }
}
