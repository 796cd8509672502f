using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SearchService.Core.Citations;

/// <summary>
/// CSL-JSON as Zotero and Pandoc import it: an array of items with id, type, title, container-title,
/// issued and accessed date-parts, URL, and the quoted sentences in note. A portal report with a
/// section line is an "article-newspaper", anything else a "webpage".
/// </summary>
internal sealed class CslJsonCitationFormatter : ICitationFormatter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Vietnamese stays readable; the output is a file, not HTML, so only JSON's own escapes are needed.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format(CitedDocument item) => Write(writer => WriteItem(writer, item));

    public string FormatList(IReadOnlyList<CitedDocument> items) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteItem(writer, item);
        }

        writer.WriteEndArray();
    }) + "\n";

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter writer, CitedDocument item)
    {
        var document = item.Document;
        writer.WriteStartObject();
        writer.WriteString("id", item.Key);
        writer.WriteString("type", document.Category.Length > 0 && document.PublishedAt is not null ? "article-newspaper" : "webpage");
        writer.WriteString("title", document.Title);
        if (item.Portal.Length > 0)
        {
            writer.WriteString("container-title", item.Portal);
        }

        if (item.Published is { } day)
        {
            WriteDate(writer, "issued", day);
        }

        if (document.Url.Length > 0)
        {
            writer.WriteString("URL", document.Url);
        }
        else
        {
            writer.WriteString("archive_location", item.Locator);
        }

        WriteDate(writer, "accessed", item.Accessed);
        writer.WriteString("language", "vi");
        if (document.Category.Length > 0)
        {
            writer.WriteString("section", document.Category);
        }

        if (item.Quotes.Count > 0)
        {
            writer.WriteString("note", CitationFields.QuoteLines(item.Quotes, "\n"));
        }

        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly day)
    {
        writer.WriteStartObject(name);
        writer.WritePropertyName("date-parts");
        // One line, as CSL-JSON is usually written; the indented writer would spread it over five.
        writer.WriteRawValue(string.Create(CultureInfo.InvariantCulture, $"[[{day.Year},{day.Month},{day.Day}]]"));
        writer.WriteEndObject();
    }
}
