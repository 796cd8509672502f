using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchService.Api.V1;

namespace SearchService.Cli.Ingest;

/// <summary>
/// Reads what `searchctl ingest` sends: portal reports (.txt: section line, title, "Ngày đăng
/// dd/mm/yyyy | hh:mm | Lượt xem: N", body) and JSON Lines (.jsonl: one object per line with id, title,
/// text and optional date, category, url, source, ward, district). The server validates each document
/// again; this reader only splits the portal header from the body.
/// </summary>
internal static partial class IngestReader
{
    private const int HeaderSearchLines = 8;

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
                    files.Add((file, IdOf(Path.GetRelativePath(root, file))));
                }
            }
            else if (File.Exists(path))
            {
                files.Add((Path.GetFullPath(path), IdOf(Path.GetFileName(path))));
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
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            return [new IngestItem(shown, null, "not UTF-8 text")];
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF').Normalize(NormalizationForm.FormC);
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

    /// <summary>"long-bien/cu-khoi.txt" → "long-bien/cu-khoi": the archive's rule for ids.</summary>
    public static string IdOf(string relativePath)
    {
        var slashed = relativePath.Replace('\\', '/');
        var dot = slashed.LastIndexOf('.');
        return dot > slashed.LastIndexOf('/') + 1 ? slashed[..dot] : slashed;
    }

    internal static IngestItem ReadPortal(string origin, string id, string text)
    {
        var lines = text.Split('\n');
        var nonEmpty = Enumerable.Range(0, lines.Length).Where(i => !string.IsNullOrWhiteSpace(lines[i])).Take(HeaderSearchLines).ToList();
        var headerAt = nonEmpty.FindIndex(i => Header().IsMatch(lines[i].Replace('\u00A0', ' ').ToLowerInvariant()));
        if (headerAt < 0)
        {
            return new IngestItem(origin, null, "no header line 'Ngày đăng dd/mm/yyyy | hh:mm | Lượt xem: N' near the top");
        }

        if (headerAt == 0)
        {
            return new IngestItem(origin, null, "no title line before the 'Ngày đăng' header");
        }

        var match = Header().Match(lines[nonEmpty[headerAt]].Replace('\u00A0', ' ').ToLowerInvariant());
        var hour = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        var date = string.Create(
            CultureInfo.InvariantCulture,
            $"{int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture):0000}-{int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture):00}-{int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture):00}T{hour:00}:{minute:00}:00");
        var body = string.Join('\n', lines.Skip(nonEmpty[headerAt] + 1)).Trim();
        return new IngestItem(origin, new IngestDocumentRequest
        {
            Id = id,
            Title = Collapse(lines[nonEmpty[headerAt - 1]]),
            Category = headerAt >= 2 ? Collapse(lines[nonEmpty[headerAt - 2]]) : "",
            Date = date,
            Text = body,
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

    private static string Collapse(string line) => Spaces().Replace(line, " ").Trim();

    [GeneratedRegex(@"^\s*(?:ngày\s*đăng|ngay\s*dang|date|published)\s*:?\s*(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})(?:\s*[|,]?\s*(?<h>\d{1,2})\s*[:h]\s*(?<min>\d{2}))?", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Spaces();
}
