using System.Text;

namespace SearchService.Core.Citations;

/// <summary>
/// A Vietnamese-style reference: “Title”, the portal, "đăng ngày dd/mm/yyyy", the URL or source, the
/// access date; each quote on its own indented line. The list numbers the entries [1], [2], ….
/// </summary>
internal sealed class TextCitationFormatter : ICitationFormatter
{
    public string Format(CitedDocument item)
    {
        var parts = new List<string> { $"“{item.Document.Title}”" };
        if (item.Portal.Length > 0)
        {
            parts.Add(item.Portal);
        }

        parts.Add(item.Published is { } day ? $"đăng ngày {CitationFields.VietnameseDate(day)}" : "không rõ ngày đăng");
        parts.Add(item.Document.Url.Length > 0 ? item.Document.Url : $"nguồn: {item.Locator}");
        parts.Add($"truy cập ngày {CitationFields.VietnameseDate(item.Accessed)}");
        var text = new StringBuilder(string.Join(", ", parts)).Append('.');
        foreach (var quote in item.Quotes)
        {
            text.Append("\n    Trích: “").Append(quote.Text).Append('”');
        }

        return text.ToString();
    }

    public string FormatList(IReadOnlyList<CitedDocument> items)
        => string.Concat(items.Select((item, i) => $"[{i + 1}] {Format(item)}\n"));
}
