using System.Globalization;
using System.Text.Json;
using SearchService.Api.V1;
using SearchService.Core.Archive;
using SearchService.Core.Documents;

namespace SearchService.Cli.Ingest;

/// <summary>
/// Reads what `searchctl ingest` sends: portal reports (.txt: section line, title, "Ngày đăng
/// dd/mm/yyyy | hh:mm | Lượt xem: N", body) and JSON Lines (.jsonl: one object per line with id, title,
/// text and optional date, category, url, source, ward, district). The server validates each document
/// again; this reader only splits the portal header from the body.
/// </summary>
internal static class IngestReader
{
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".jsonl"];

    /// <summary>The files named, and the .txt and .jsonl files under the folders named, in a stable order.</summary>
    /// <exception cref="UsageException">A path that does not exist.</exception>
    public static IReadOnlyList<(string Path, string Id)> Files(IEnumerable<string> paths)
    {
        var files = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal))
                {
                    files.Add((file, DocumentIds.FromPath(Path.GetRelativePath(root, file))));
                }
            }
            else if (File.Exists(path))
            {
                files.Add((Path.GetFullPath(path), DocumentIds.FromPath(Path.GetFileName(path))));
            }
            else
            {
                throw new UsageException($"'{path}' is neither a file nor a folder");
            }
        }

        return files;
    }

    /// <summary>
    /// The largest JSON Lines record sent: the server's default message limit (Limits:MaxReceiveMessageBytes);
    /// a longer line would end the whole call, so it is reported instead.
    /// </summary>
    public const long MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The documents of one file, read lazily: one for a portal report, one per line for JSON Lines
    /// (streamed line by line, so a file of any size is read in constant memory).
    /// </summary>
    public static IEnumerable<FileRecord> Read(string path, string id)
    {
        var shown = Shown(path);
        if (Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase) && !JsonLinesFile.StartsWithUtf16Mark(path))
        {
            return StreamJsonLines(path, shown);
        }

        long length;
        string text;
        try
        {
            var bytes = File.ReadAllBytes(path);
            length = bytes.Length;
            text = SourceText.Decode(bytes);
        }
        catch (Exception e) when (e is ArchiveFormatException or IOException or UnauthorizedAccessException)
        {
            return [new FileRecord(shown, 0, null, e.Message, FileLength(path))];
        }

        return Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonLines(shown, text, length)
            : [ReadPortal(shown, id, text) with { Bytes = length }];
    }

    /// <summary>A path as the user would type it: relative to the current folder when inside it.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>A portal report, read by the same parser as the server's archive sync.</summary>
    internal static FileRecord ReadPortal(string origin, string id, string text)
    {
        SourceDocument document;
        try
        {
            document = PortalTextParser.Parse(SourceText.Clean(text), id, origin);
        }
        catch (ArchiveFormatException e)
        {
            return new FileRecord(origin, 0, null, e.Message);
        }

        return new FileRecord(origin, 0, new IngestDocumentRequest
        {
            Id = id,
            Title = document.Title,
            Category = document.Category,
            // Hanoi local time without an offset: the server reads it as Hanoi time, as the portal meant it.
            Date = document.PublishedAt?.ToOffset(HanoiTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
            Text = document.Text,
            Source = id + Path.GetExtension(origin),
        }, null);
    }

    private static IEnumerable<FileRecord> StreamJsonLines(string path, string shown)
    {
        var (stream, problem) = Open(path);
        if (stream is null)
        {
            yield return new FileRecord(shown, 0, null, problem, FileLength(path));
            yield break;
        }

        using (stream)
        {
            var reader = new Utf8LineReader(stream, MaxRecordBytes, "limit of a record (the server's default message limit)");
            foreach (var line in reader.ReadLines())
            {
                if (line.Text is null)
                {
                    yield return new FileRecord(shown, line.Number, null, line.Problem, line.ByteCount);
                }
                else if (!string.IsNullOrWhiteSpace(line.Text))
                {
                    var (request, invalid) = ParseLine(SourceText.Clean(line.Text));
                    yield return new FileRecord(shown, line.Number, request, invalid, line.ByteCount);
                }
            }

            if (reader.Error is { } error)
            {
                yield return new FileRecord(shown, 0, null, error, Math.Max(stream.Length - reader.BytesRead, 0));
            }
            else if (reader.BytesRead == 0)
            {
                yield return new FileRecord(shown, 0, null, "empty file");
            }
        }
    }

    // UTF-16 JSON Lines are rare; they are read whole.
    private static IEnumerable<FileRecord> ReadJsonLines(string path, string text, long length)
    {
        var lines = text.Split('\n');
        var unaccounted = length;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var (request, problem) = ParseLine(lines[i]);
            yield return new FileRecord(path, i + 1, request, problem, unaccounted);
            unaccounted = 0;
        }
    }

    private static (FileStream? Stream, string? Problem) Open(string path)
    {
        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>The size of a file, 0 when it cannot be read (its reading says why).</summary>
    internal static long FileLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static (IngestDocumentRequest? Request, string? Problem) ParseLine(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "not a JSON object");
            }

            return (new IngestDocumentRequest
            {
                Id = Field(root, "id"),
                Title = Field(root, "title"),
                Text = Field(root, "text"),
                Date = Field(root, "date"),
                Category = Field(root, "category"),
                Url = Field(root, "url"),
                Source = Field(root, "source"),
                Ward = Field(root, "ward"),
                District = Field(root, "district"),
            }, null);
        }
        catch (JsonException e)
        {
            return (null, $"not JSON: {e.Message}");
        }
    }

    private static string Field(JsonElement root, string name) => root.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null => "",
            // A number or an object is passed on as written; the server says what is wrong with it.
            _ => value.GetRawText(),
        }
        : "";
}
