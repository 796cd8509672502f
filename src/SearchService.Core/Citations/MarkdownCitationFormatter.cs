using System.Text;

namespace SearchService.Core.Citations;

/// <summary>A numbered Markdown list: the reference with the title in bold and a link, quotes as blockquotes under it.</summary>
internal sealed class MarkdownCitationFormatter : ICitationFormatter
{
    // Three spaces keep the blockquote inside the list item of "1. ".
    private const string Indent = "   ";

    public string Format(CitedDocument item) => Entry(item, "");

    public string FormatList(IReadOnlyList<CitedDocument> items)
    {
        var list = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            list.Append(i + 1).Append(". ").Append(Entry(items[i], Indent)).Append('\n');
        }

        return list.ToString();
    }

    private static string Entry(CitedDocument item, string indent)
    {
        var text = new StringBuilder();
        text.Append("**").Append(Escape(item.Document.Title)).Append("**");
        if (item.Portal.Length > 0)
        {
            text.Append(". ").Append(Escape(item.Portal));
        }

        text.Append(item.Published is { } day ? $", đăng ngày {CitationFields.VietnameseDate(day)}" : ", không rõ ngày đăng");
        text.Append(item.Document.Url.Length > 0 ? $". <{item.Document.Url}>" : $". Nguồn: `{item.Locator.Replace('`', '\'')}`");
        text.Append(", truy cập ngày ").Append(CitationFields.VietnameseDate(item.Accessed)).Append('.');
        foreach (var quote in item.Quotes)
        {
            text.Append('\n').Append(indent).Append('\n').Append(indent).Append("> ").Append(Escape(quote.Text));
        }

        return text.ToString();
    }

    /// <summary>Characters that would otherwise start emphasis, links, code or HTML.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
