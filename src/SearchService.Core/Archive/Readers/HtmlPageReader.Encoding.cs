using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SearchService.Core.Archive.Readers;

/// <summary>The character encoding of a saved page: its charset, and the legacy Vietnamese fonts its styles name.</summary>
public sealed partial class HtmlPageReader
{
    /// <summary>Decodes the page by byte-order mark, then meta charset, then UTF-8, then the legacy encodings by score.</summary>
    internal static (string Html, string? Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), null);
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd(), null);
        }

        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var declared = MetaCharset().Match(head) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
        if (declared is "windows-1258" or "cp1258" or "x-cp1258")
        {
            return (LegacyVietnamese.Decode(bytes, LegacyEncoding.Windows1258), "windows-1258");
        }

        if (declared is "viscii")
        {
            return (LegacyVietnamese.Decode(bytes, LegacyEncoding.Viscii), "VISCII");
        }

        if (declared is "tcvn" or "tcvn3" or "tcvn5712-1" or "x-viet-tcvn5712")
        {
            return (LegacyVietnamese.Decode(bytes, LegacyEncoding.Tcvn3), "TCVN3");
        }

        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        if (declared is null or "utf-8" or "utf8")
        {
            try
            {
                return (strict.GetString(bytes), null);
            }
            catch (DecoderFallbackException)
            {
                var detection = LegacyVietnamese.Detect(bytes);
                if (detection.Encoding is { } found)
                {
                    return (detection.Text!, LegacyVietnamese.Name(found));
                }

                return (Encoding.UTF8.GetString(bytes), null);
            }
        }

        try
        {
            // windows-1252 / iso-8859-1 pages of the .VnTime era: the fonts decide later.
            return (Encoding.GetEncoding(declared).GetString(bytes), null);
        }
        catch (ArgumentException)
        {
            return (Encoding.UTF8.GetString(bytes), null);
        }
    }

    private static bool IsUnicodeCharset(string name) => name.StartsWith("utf", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Text nodes whose nearest font (a <c>font-family</c> in a style attribute, a <c>&lt;font face&gt;</c>, or a
    /// rule of a <c>&lt;style&gt;</c> block such as Word's <c>p.MsoNormal {font-family:".VnTime"}</c>) is a
    /// legacy font are decoded in place. Returns the encoding(s) found, or null.
    /// </summary>
    private static string? DecodeLegacyFonts(IHtmlDocument document)
    {
        var fonts = new Dictionary<IElement, string>();
        foreach (var style in document.QuerySelectorAll("style"))
        {
            foreach (Match rule in StyleRule().Matches(style.TextContent))
            {
                foreach (var selector in rule.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    try
                    {
                        foreach (var element in document.QuerySelectorAll(selector))
                        {
                            fonts[element] = rule.Groups[2].Value;
                        }
                    }
                    catch (Exception e) when (e is AngleSharp.Dom.DomException or ArgumentException)
                    {
                        // A selector AngleSharp does not know (@font-face, pseudo-elements): no element of the text.
                    }
                }
            }
        }

        foreach (var element in document.QuerySelectorAll("[style*='font-family'], font[face]"))
        {
            var font = element.LocalName == "font" ? element.GetAttribute("face") : FontFamily().Match(element.GetAttribute("style") ?? "") is { Success: true } m ? m.Groups[1].Value : null;
            if (font is not null)
            {
                fonts[element] = font;
            }
        }

        if (fonts.Count == 0)
        {
            return null;
        }

        var found = new List<string>();
        foreach (var node in document.Body?.Descendants<IText>().ToList() ?? [])
        {
            for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
            {
                if (!fonts.TryGetValue(parent, out var font))
                {
                    continue;
                }

                if (LegacyVietnamese.FromFontName(font.Split(',')[0], out var capitals) is { } encoding)
                {
                    node.Data = LegacyVietnamese.DecodeChars(node.Data, encoding, capitals);
                    var name = LegacyVietnamese.Name(encoding);
                    if (!found.Contains(name))
                    {
                        found.Add(name);
                    }
                }

                break;
            }
        }

        return found.Count == 0 ? null : string.Join(", ", found);
    }
}
