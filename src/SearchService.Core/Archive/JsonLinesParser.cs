using System.Globalization;
using System.Text.Json;
using SearchService.Core.Documents;

namespace SearchService.Core.Archive;

/// <summary>
/// Reads JSON Lines sources: one object per line with <c>id, title, text</c> and optional
/// <c>date, category, url, source, ward, district</c>. A bad line is reported and the others are read.
/// </summary>
public static partial class JsonLinesParser
{
    /// <summary>One line's outcome: a document, or the reason it was rejected.</summary>
    public readonly record struct LineResult(int LineNumber, SourceDocument? Document, string? Error);

    public static IEnumerable<LineResult> Parse(string text, string sourcePath)
    {
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SourceDocument? document = null;
            string? error = null;
            try
            {
                document = ParseLine(line, sourcePath);
            }
            catch (ArchiveFormatException e)
            {
                error = e.Message;
            }

            yield return new LineResult(lineNumber, document, error);
        }
    }

    /// <summary>Why a line is rejected whose id an earlier line of the file has: the first is kept.</summary>
    public static string RepeatedId(string id, int firstLine) => $"id '{id}' repeats line {firstLine}; the first is kept";

    /// <summary>One JSON object, as sent to IngestDocuments or written on one line.</summary>
    public static SourceDocument ParseLine(string line, string sourcePath)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ArchiveFormatException($"not a JSON object: {e.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArchiveFormatException("not a JSON object");
            }

            var id = RequiredString(root, "id");
            var title = RequiredString(root, "title");
            var text = RequiredString(root, "text");
            return new SourceDocument(
                DocumentIds.Validate(id),
                SourceText.Clean(title).Trim(),
                SourceText.Clean(text).Trim(),
                SourceText.Clean(OptionalString(root, "category")),
                ParseDate(OptionalString(root, "date")),
                ViewCount: null,
                Url: OptionalString(root, "url"),
                SourcePath: sourcePath,
                Ward: SourceText.Clean(OptionalString(root, "ward")),
                District: SourceText.Clean(OptionalString(root, "district")),
                Source: OptionalString(root, "source"));
        }
    }

    /// <summary>"2019-01-09" (a day in Hanoi), an ISO date-time with offset, or one without (Hanoi time).</summary>
    public static DateTimeOffset? ParseDate(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var iso = IsoDate().Match(value);
        if (!iso.Success)
        {
            throw new ArchiveFormatException($"'date' is not an ISO date (yyyy-mm-dd) or date-time: '{Truncate(value)}'");
        }

        if (!iso.Groups["time"].Success && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return HanoiTime.At(day.Year, day.Month, day.Day);
        }

        if (iso.Groups["offset"].Success && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        if (!iso.Groups["offset"].Success && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // No offset: the portals' local time, Hanoi.
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), HanoiTime.Offset);
        }

        throw new ArchiveFormatException($"'date' is not an ISO date (yyyy-mm-dd) or date-time: '{Truncate(value)}'");
    }

    private static string RequiredString(JsonElement root, string name)
    {
        var value = OptionalString(root, name);
        return value.Trim().Length == 0 ? throw new ArchiveFormatException($"'{name}' is missing or empty") : value;
    }

    private static string OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? "",
            JsonValueKind.Number => element.GetRawText(),
            _ => throw new ArchiveFormatException($"'{name}' must be a string, not {element.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?<time>[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<offset>Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex IsoDate();

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
