using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Archive.Readers;

namespace SearchService.Core.Archive;

/// <summary>
/// A saved page and its attachments (same base name, or linked from the page) are one report: which files are a
/// page's attachments, their text, and the page an attachment belongs to.
/// </summary>
public sealed partial class ArchiveReader
{
    /// <summary>The page's report with the text of its attachments appended, each under "Tệp đính kèm: name".</summary>
    private SourceReadResult WithAttachments(ArchiveFile page, SourceReadResult result, CancellationToken cancellationToken)
    {
        var attachments = Attachments(page, result);
        if (attachments.Count == 0)
        {
            return result;
        }

        var document = result.Documents[0];
        var text = new StringBuilder(document.Text);
        var status = result.Status;
        var notes = new List<string>();
        foreach (var attachment in attachments)
        {
            var extraction = Attachment(attachment, cancellationToken);
            var name = Path.GetFileName(attachment.RelativePath);
            if (extraction.Document is { } read)
            {
                text.Append("\n\nTệp đính kèm: ").Append(name).Append("\n\n").Append(read.Text);
                document = document with
                {
                    Title = document.Title.Length > 0 ? document.Title : read.Title,
                    PublishedAt = document.PublishedAt ?? read.PublishedAt,
                };
                if (extraction.Status.State is SourceState.Ocr or SourceState.LegacyEncoding or SourceState.ScanWithoutOcr)
                {
                    notes.Add($"{name}: {SourceStatus.Name(extraction.Status.State)}");
                }

                if (extraction.Status.State is SourceState.Ocr)
                {
                    status = status with { State = SourceState.Ocr };
                }
            }
            else
            {
                notes.Add($"{name} not read: {SourceStatus.Name(extraction.Status.State)}");
            }
        }

        var reason = notes.Count == 0 ? status.Reason : string.Join("; ", new[] { status.Reason }.Where(r => r.Length > 0).Concat(["attachments: " + string.Join(", ", notes)]));
        return result with
        {
            Documents = [document with { Text = SourceText.Clean(text.ToString()) }],
            Status = status with { Reason = reason },
            Attachments = attachments.Select(a => a.RelativePath).ToList(),
        };
    }

    private SourceExtraction Attachment(ArchiveFile file, CancellationToken cancellationToken)
    {
        if (file.Size > _maxFileBytes)
        {
            return SourceExtraction.Refused(new SourceStatus(SourceState.Error, OverLimit(file)));
        }

        var key = $"{file.RelativePath}\u001F{file.Size}\u001F{file.LastWriteUtc.Ticks}";
        if (_attachments.Count > 256)
        {
            _attachments.Clear();
        }

        return _attachments.GetOrAdd(key, _ => new Lazy<SourceExtraction>(() =>
        {
            var (bytes, failure) = ReadFile(file);
            if (bytes is null)
            {
                return SourceExtraction.Refused(new SourceStatus(SourceState.Error, failure));
            }

            var identification = SourceSniffer.Identify(bytes, Path.GetExtension(file.RelativePath).ToLowerInvariant());
            if (identification.Refusal is { } refusal)
            {
                return SourceExtraction.Refused(refusal);
            }

            return _readers.TryGetValue(identification.Format, out var reader)
                ? reader.Read(new SourceInput(bytes, file.RelativePath), cancellationToken)
                : SourceExtraction.Refused(new SourceStatus(SourceState.Unsupported, "not an attachment format"));
        })).Value;
    }

    /// <summary>A page's attachments: files of its folder with its base name, and files of its folder it links to.</summary>
    private static List<ArchiveFile> Attachments(ArchiveFile page, SourceReadResult result)
    {
        var folder = Path.GetDirectoryName(page.FullPath)!;
        var relativeFolder = RelativeFolder(page.RelativePath);
        var baseName = Path.GetFileNameWithoutExtension(page.FullPath);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var extension in AttachmentExtensions)
        {
            if (File.Exists(Path.Combine(folder, baseName + extension)))
            {
                names.Add(baseName + extension);
            }
        }

        foreach (var link in LinkedNames(page.FullPath))
        {
            if (AttachmentExtensions.Contains(Path.GetExtension(link).ToLowerInvariant()) && File.Exists(Path.Combine(folder, link)))
            {
                names.Add(link);
            }
        }

        var files = new List<ArchiveFile>();
        foreach (var name in names)
        {
            var info = new FileInfo(Path.Combine(folder, name));
            files.Add(new ArchiveFile(relativeFolder + name, info.FullName, info.Length, info.LastWriteTimeUtc));
        }

        return files;
    }

    /// <summary>The page an attachment belongs to: the page of its folder with its base name, else one that links to it.</summary>
    private ArchiveFile? Owner(ArchiveFile attachment)
    {
        var folder = Path.GetDirectoryName(attachment.FullPath)!;
        var relativeFolder = RelativeFolder(attachment.RelativePath);
        var baseName = Path.GetFileNameWithoutExtension(attachment.FullPath);
        string? owner = PageExtensions.Select(e => baseName + e).FirstOrDefault(n => File.Exists(Path.Combine(folder, n)));
        if (owner is null)
        {
            var links = _linksByFolder.GetOrAdd(folder, f => new Lazy<Dictionary<string, string>>(() => LinksOfFolder(f))).Value;
            links.TryGetValue(Path.GetFileName(attachment.FullPath), out owner);
        }

        if (owner is null)
        {
            return null;
        }

        var info = new FileInfo(Path.Combine(folder, owner));
        return new ArchiveFile(relativeFolder + owner, info.FullName, info.Length, info.LastWriteTimeUtc);
    }

    // File name → the first page (in name order) of the folder linking to it.
    private static Dictionary<string, string> LinksOfFolder(string folder)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pages = Directory.EnumerateFiles(folder).Where(p => PageExtensions.Contains(Path.GetExtension(p).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var name in LinkedNames(page))
            {
                map.TryAdd(name, Path.GetFileName(page));
            }
        }

        return map;
    }

    /// <summary>The file names a page's links end in (query and fragment cut, URL-decoded), read cheaply from its bytes.</summary>
    private static IEnumerable<string> LinkedNames(string pagePath)
    {
        string html;
        try
        {
            html = Encoding.Latin1.GetString(File.ReadAllBytes(pagePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (Match m in Href().Matches(html))
        {
            var href = m.Groups[1].Value.Split('?', '#')[0];
            var last = href[(href.LastIndexOfAny(['/', '\\']) + 1)..];
            string name;
            try
            {
                name = Uri.UnescapeDataString(last);
            }
            catch (UriFormatException)
            {
                continue;
            }

            if (name.Length > 0 && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0)
            {
                // Latin-1 read of UTF-8 bytes: names with Vietnamese letters come back as UTF-8.
                yield return Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(name));
            }
        }
    }

    private static string RelativeFolder(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath[..(slash + 1)];
    }
}
