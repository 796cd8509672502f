using System.Globalization;
using System.Text;

namespace SearchService.Core.Citations;

/// <summary>
/// BibTeX entries for biblatex: @online with a URL, @misc for an archive file without one. Field values
/// keep UTF-8 (Vietnamese needs it) and escape LaTeX's special characters.
/// </summary>
internal sealed class BibtexCitationFormatter : ICitationFormatter
{
    public string Format(CitedDocument item)
    {
        var document = item.Document;
        var fields = new List<(string Name, string Value)>
        {
            ("title", Escape(document.Title)),
        };
        if (item.Portal.Length > 0)
        {
            // Braced twice: an institution as author must not be split into first and last names.
            fields.Add(("author", "{" + Escape(item.Portal) + "}"));
            fields.Add(("organization", Escape(item.Portal)));
        }

        if (item.Published is { } day)
        {
            fields.Add(("date", CitationFields.IsoDate(day)));
            fields.Add(("year", day.Year.ToString(CultureInfo.InvariantCulture)));
            fields.Add(("month", day.Month.ToString(CultureInfo.InvariantCulture)));
        }

        if (document.Url.Length > 0)
        {
            fields.Add(("url", Url(document.Url)));
            fields.Add(("urldate", CitationFields.IsoDate(item.Accessed)));
        }
        else
        {
            fields.Add(("howpublished", Escape($"Lưu trữ: {item.Locator}")));
        }

        fields.Add(("langid", "vietnamese"));
        if (item.Quotes.Count > 0)
        {
            fields.Add(("note", Escape(CitationFields.QuoteLines(item.Quotes, " … "))));
        }

        var entry = new StringBuilder();
        entry.Append('@').Append(document.Url.Length > 0 ? "online" : "misc").Append('{').Append(item.Key).Append(",\n");
        for (var i = 0; i < fields.Count; i++)
        {
            entry.Append("  ").Append(fields[i].Name).Append(" = {").Append(fields[i].Value).Append('}');
            entry.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        return entry.Append('}').ToString();
    }

    public string FormatList(IReadOnlyList<CitedDocument> items) => string.Concat(items.Select(item => Format(item) + "\n\n")).TrimEnd('\n') + "\n";

    /// <summary>LaTeX's special characters (&amp; % $ # _ { } ~ ^ \) made literal; line breaks become spaces.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '\\' => "\\textbackslash{}",
                '\n' or '\r' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The url field is read verbatim; only what would unbalance the braces or end the value is percent-encoded.</summary>
    private static string Url(string url) => url
        .Replace("{", "%7B", StringComparison.Ordinal)
        .Replace("}", "%7D", StringComparison.Ordinal)
        .Replace("\\", "%5C", StringComparison.Ordinal)
        .Replace(" ", "%20", StringComparison.Ordinal);
}
