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

    /// <summary>The documents of one file: one for a portal report, one per line for JSON Lines.</summary>
    public static IEnumerable<IngestItem> Read(string path, string id)
    {
        var shown = Shown(path);
        string text;
        try
        {
            text = SourceText.Decode(File.ReadAllBytes(path));
        }
        catch (ArchiveFormatException e)
        {
            return [new IngestItem(shown, null, e.Message)];
        }

        return Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? ReadJsonLines(shown, text)
            : [ReadPortal(shown, id, text)];
    }

    /// <summary>A path as the user would type it: relative to the current folder when inside it.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>A portal report, read by the same parser as the server's archive sync.</summary>
    internal static IngestItem ReadPortal(string origin, string id, string text)
    {
        SourceDocument document;
        try
        {
            document = PortalTextParser.Parse(SourceText.Clean(text), id, origin);
        }
        catch (ArchiveFormatException e)
        {
            return new IngestItem(origin, null, e.Message);
        }

        return new IngestItem(origin, new IngestDocumentRequest
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

    private static IEnumerable<IngestItem> ReadJsonLines(string path, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var (request, problem) = ParseLine(lines[i]);
            yield return new IngestItem($"{path}:{i + 1}", request, problem);
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
