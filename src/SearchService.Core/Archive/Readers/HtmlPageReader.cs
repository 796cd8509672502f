using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SearchService.Core.Documents;
using SearchService.Core.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>
/// A saved portal page. The two portal generations are read by their layout: the older Liferay portals
/// (body in <c>div.journal-content-article</c>) and the newer portal CMS (time in <c>.detail-time</c> or
/// <c>.news-info .time</c>, body in <c>.detail-content</c>). Both share an anatomy: an h1 title, a line
/// "Ngày đăng dd/mm/yyyy | hh:mm | Lượt xem: N", and "Tệp đính kèm", "Tác giả", "Ảnh:" lines that are
/// not the report's text. Another layout goes to a readability extraction (SmartReader). The charset
/// comes from the byte-order mark or the meta tag (windows-1258 included); text in a legacy font
/// (.VnTime, VNI-Times in a style or a font tag) is decoded.
/// </summary>
public sealed partial class HtmlPageReader(ReaderLimits limits) : ISourceReader
{
    public SourceFormat Format => SourceFormat.Html;

    public SourceExtraction Read(SourceInput input, CancellationToken cancellationToken)
    {
        var (html, encoding) = Decode(input.Bytes);
        if (html.Length > limits.MaxTextChars)
        {
            return SourceExtraction.Refused(new SourceStatus(SourceState.Error, $"the page is {html.Length:N0} characters, over the {limits.MaxTextChars:N0}-character limit (Archive:Readers:MaxTextChars)", Format: "html"));
        }

        var document = new HtmlParser().ParseDocument(html);
        var legacy = DecodeLegacyFonts(document);
        encoding ??= legacy;

        foreach (var junk in document.QuerySelectorAll("script, style, noscript, template, iframe, svg, form, button").ToList())
        {
            junk.Remove();
        }

        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.Length > 0).ToList();
        var article = document.QuerySelector("div.journal-content-article")
            ?? document.QuerySelector(".detail-content")
            ?? document.QuerySelector("article .content, article");
        var title = Clean(document.QuerySelector("h1")?.TextContent)
            .OrDefault(Clean(document.QuerySelector("meta[property='og:title']")?.GetAttribute("content")))
            .OrDefault(Clean(document.Title));
        var pageText = BlockText(document.Body);
        var header = HeaderLine().Match(VietnameseText.Fold(pageText.ToLowerInvariant()));
        var published = header.Success ? HeaderDate(header) : null;
        long? views = header.Success && header.Groups["count"].Success ? ParseCount(header.Groups["count"].Value)
            : ViewsLine().Match(VietnameseText.Fold(pageText.ToLowerInvariant())) is { Success: true } seen ? ParseCount(seen.Groups["count"].Value) : null;
        if (published is null)
        {
            var time = Clean(document.QuerySelector(".detail-time, .news-info .time, .date, time")?.TextContent);
            published = TimeText(time);
        }

        string body;
        var usedFallback = false;
        if (article is not null)
        {
            body = BlockText(article);
        }
        else
        {
            usedFallback = true;
            body = Readability(input.RelativePath, document, ref title);
        }

        body = StripAnatomy(body, title);
        if (encoding is null)
        {
            var (repairedBody, found) = LegacyVietnamese.Repair(body);
            if (found is not null)
            {
                body = repairedBody;
                title = LegacyVietnamese.DecodeChars(title, found.Value);
                encoding = LegacyVietnamese.Name(found.Value);
            }
        }

        if (title.Length == 0)
        {
            title = body.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        }

        if (body.Trim().Length == 0 && title.Length == 0)
        {
            return new SourceExtraction(null, new SourceStatus(SourceState.Error, "no text in the page", Format: "html"), links);
        }

        var category = Clean((document.QuerySelectorAll(".breadcrumb li, .breadcrumb a").LastOrDefault() ?? document.QuerySelector(".portlet-title, .cat-name"))?.TextContent);
        var site = Clean(document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content"));
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content") ?? "";
        var source = new SourceDocument(
            DocumentIds.FromPath(input.RelativePath),
            SourceText.Clean(title),
            SourceText.Clean(body),
            SourceText.Clean(category),
            published,
            views,
            url,
            input.RelativePath,
            Source: SourceText.Clean(site));
        var status = encoding is { } name && !IsUnicodeCharset(name)
            ? new SourceStatus(SourceState.LegacyEncoding, usedFallback ? "unknown layout, read by readability" : "", name, Format: "html")
            : new SourceStatus(SourceState.Ok, usedFallback ? "unknown layout, read by readability" : "", Format: "html");
        return new SourceExtraction(source, status, links);
    }

    private static string Readability(string path, IHtmlDocument document, ref string title)
    {
        try
        {
            var reader = new SmartReader.Reader("file:///" + path.TrimStart('/'), document.DocumentElement.OuterHtml);
            var article = reader.GetArticle();
            if (title.Length == 0)
            {
                title = Clean(article.Title);
            }

            if (article.IsReadable && !string.IsNullOrWhiteSpace(article.Content))
            {
                var parsed = new HtmlParser().ParseDocument(article.Content);
                return BlockText(parsed.Body);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Readability gave up: the whole body is the text.
        }

        return BlockText(document.Body);
    }

    /// <summary>Drops what surrounds the report: the title repeated, the date line, the attachments list, author and photo lines.</summary>
    internal static string StripAnatomy(string body, string title)
    {
        var kept = new List<string>();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var key = VietnameseText.Fold(line.ToLowerInvariant());
            if (kept.Count == 0 && line.Length > 0 && line == title)
            {
                continue;
            }

            if (HeaderLine().IsMatch(key))
            {
                continue;
            }

            if (key.StartsWith("tep dinh kem", StringComparison.Ordinal))
            {
                // The attachments list runs to the end of the article.
                break;
            }

            if (key.StartsWith("tac gia:", StringComparison.Ordinal) || key.StartsWith("tac gia :", StringComparison.Ordinal)
                || key.StartsWith("anh:", StringComparison.Ordinal) || key.StartsWith("anh :", StringComparison.Ordinal)
                || key.StartsWith("(anh:", StringComparison.Ordinal))
            {
                continue;
            }

            kept.Add(lines[i]);
        }

        return BlankRuns().Replace(string.Join('\n', kept), "\n\n").Trim('\n', ' ');
    }

    private static DateTimeOffset? HeaderDate(Match m)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        return Valid(year, month, day, hour, minute) ? HanoiTime.At(year, month, day, hour, minute) : null;
    }

    /// <summary>"09/01/2019 09:07", "09:07 - 09/01/2019", "Thứ tư, 09/01/2019": the first date, with a time if one is next to it.</summary>
    internal static DateTimeOffset? TimeText(string text)
    {
        var date = DatePattern().Match(text);
        if (!date.Success)
        {
            return null;
        }

        var time = TimePattern().Match(text);
        var year = int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hour = time.Success ? int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = time.Success ? int.Parse(time.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        return Valid(year, month, day, hour, minute) ? HanoiTime.At(year, month, day, hour, minute) : null;
    }

    private static bool Valid(int year, int month, int day, int hour, int minute) =>
        month is >= 1 and <= 12 && year is >= 1900 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour <= 23 && minute <= 59;

    private static long? ParseCount(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string Clean(string? text) => text is null ? "" : Spaces().Replace(text, " ").Trim();

    // On the folded, lower-cased text: "ngay dang 09/01/2019 | 09:07 | luot xem: 8308".
    [GeneratedRegex(
        @"(?:ngay\s*dang|ngay\s*cap\s*nhat|cap\s*nhat)\s*:?\s*(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})" +
        @"(?:\s*[|,-]?\s*(?<h>\d{1,2})\s*[:h]\s*(?<min>\d{2}))?" +
        @"(?:\s*[|,]?\s*(?:luot\s*xem|view\s*count|views?)\s*:?\s*(?<count>\d[\d.,]*))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"luot\s*xem\s*:?\s*(?<count>\d[\d.,]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ViewsLine();

    [GeneratedRegex(@"(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?<h>\d{1,2})\s*[:h]\s*(?<min>\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"font-family\s*:\s*([^;""]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FontFamily();

    // "p.MsoNormal, li { … font-family: ".VnTime"; … }" in a style block: the selectors and the first family.
    [GeneratedRegex(@"([^{}@]+)\{[^}]*?font-family\s*:\s*([^;}]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StyleRule();

    [GeneratedRegex(@"[ \t\u00A0\u200B]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}

internal static class StringFallback
{
    public static string OrDefault(this string value, string fallback) => value.Length > 0 ? value : fallback;
}
