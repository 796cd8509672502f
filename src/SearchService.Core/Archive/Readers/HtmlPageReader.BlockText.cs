using System.Text;
using AngleSharp.Dom;

namespace SearchService.Core.Archive.Readers;

/// <summary>The text of an element as a reader sees it: blocks on lines of their own, inline text run together.</summary>
public sealed partial class HtmlPageReader
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "header", "footer", "blockquote", "pre", "figure", "figcaption", "dt", "dd", "hr", "tbody", "thead",
    };

    /// <summary>The element's text with a line per block, cells of a row separated by " | ", spaces collapsed.</summary>
    internal static string BlockText(INode? root)
    {
        if (root is null)
        {
            return "";
        }

        var text = new StringBuilder();
        Walk(root, text);
        var lines = text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim().Trim('|').Trim());
        var result = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = result.Length > 0;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = false;
        }

        return result.ToString();
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when e.LocalName is "td" or "th":
                    Walk(e, text);
                    text.Append(" | ");
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    var paragraph = e.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "table" or "figure" or "blockquote";
                    LineBreaks(text, paragraph ? 2 : 1);
                    Walk(e, text);
                    LineBreaks(text, paragraph ? 2 : 1);
                    break;
                case IElement e:
                    Walk(e, text);
                    break;
            }
        }
    }

    // At least n line ends at the end of the text: blocks in blocks make one break, not several.
    private static void LineBreaks(StringBuilder text, int n)
    {
        var have = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] is '\n' or ' ' or '\t'; i--)
        {
            if (text[i] == '\n')
            {
                have++;
            }
        }

        for (; have < n; have++)
        {
            text.Append('\n');
        }
    }
}
