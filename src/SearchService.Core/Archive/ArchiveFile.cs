namespace SearchService.Core.Archive;

/// <summary>A file of the archive as the file system lists it, before it is read.</summary>
/// <param name="RelativePath">Path under the archive root, "/"-separated, with extension.</param>
public sealed record ArchiveFile(string RelativePath, string FullPath, long Size, DateTime LastWriteUtc)
{
    /// <summary>Lists the files under <paramref name="root"/>, skipping hidden files and folders, in ordinal path order.</summary>
    public static IReadOnlyList<ArchiveFile> List(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the archive folder '{root}' does not exist");
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };
        var files = new List<ArchiveFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }

            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target)
            {
                // A linked file is the file it points to: its size and time decide whether it changed.
                info = target;
            }

            files.Add(new ArchiveFile(relative, path, info.Length, info.LastWriteTimeUtc));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
