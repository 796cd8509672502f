using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Documents;
using SearchService.Core.Text;

namespace SearchService.Core.Archive;

/// <summary>
/// Reads the portal text format: a section line, the title, the header line
/// "Ngày đăng dd/mm/yyyy | hh:mm | Lượt xem: N", then the body.
/// </summary>
/// <remarks>
/// Real files vary and all of these are read: "View count: N" for "Lượt xem", the header typed without
/// diacritics ("Ngay dang", "Luot xem"), no-break spaces around the bars, a thousands separator in the
/// count ("1.204", "1,204"), a missing time or count, a missing section line, blank lines anywhere
/// before the title. The header is looked for among the first non-empty lines; the title is the
/// non-empty line before it and the section the one before that.
/// </remarks>
public static partial class PortalTextParser
{
    private const int HeaderSearchLines = 8;

    /// <summary>Parses decoded, cleaned text (see <see cref="SourceText"/>) into a document.</summary>
    /// <exception cref="ArchiveFormatException">No header line, a bad date, no title or no body.</exception>
    public static SourceDocument Parse(string text, string id, string sourcePath)
    {
        var lines = text.Split('\n');
        var nonEmpty = new List<int>();
        for (var i = 0; i < lines.Length && nonEmpty.Count < HeaderSearchLines; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                nonEmpty.Add(i);
            }
        }

        var headerAt = -1;
        Match match = Match.Empty;
        for (var k = 0; k < nonEmpty.Count; k++)
        {
            match = HeaderPattern().Match(HeaderKey(lines[nonEmpty[k]]));
            if (match.Success)
            {
                headerAt = k;
                break;
            }
        }

        if (headerAt < 0)
        {
            throw new ArchiveFormatException(
                $"no header line 'Ngày đăng dd/mm/yyyy | hh:mm | Lượt xem: N' among the first {HeaderSearchLines} non-empty lines");
        }

        if (headerAt == 0)
        {
            throw new ArchiveFormatException("no title: the header line 'Ngày đăng …' is the first line");
        }

        var title = CollapseSpaces(lines[nonEmpty[headerAt - 1]]);
        var section = headerAt >= 2 ? CollapseSpaces(lines[nonEmpty[headerAt - 2]]) : "";
        var published = ParseDate(match);
        var viewCount = ParseCount(match.Groups["count"].Value);
        var body = string.Join('\n', lines, nonEmpty[headerAt] + 1, lines.Length - nonEmpty[headerAt] - 1).Trim('\n', ' ', '\t', '\u00A0');
        if (body.Length == 0)
        {
            throw new ArchiveFormatException("no body text after the header line");
        }

        return new SourceDocument(id, title, body, section, published, viewCount, Url: "", SourcePath: sourcePath);
    }

    /// <summary>Lower case, folded, no-break spaces as spaces: one form for every spelling of the header.</summary>
    private static string HeaderKey(string line) => VietnameseText.Fold(line.Replace('\u00A0', ' ').ToLowerInvariant());

    private static DateTimeOffset ParseDate(Match m)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (month is < 1 or > 12 || day < 1 || year < 1900 || day > DateTime.DaysInMonth(Math.Min(year, 9999), month)
            || hour > 23 || minute > 59)
        {
            throw new ArchiveFormatException($"the header's date '{m.Value.Trim()}' is not a valid dd/mm/yyyy | hh:mm");
        }

        return HanoiTime.At(year, month, day, hour, minute);
    }

    private static long? ParseCount(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return null;
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArchiveFormatException($"the view count '{raw.Trim()}' is out of range");
    }

    private static string CollapseSpaces(string line) => WhiteSpace().Replace(line, " ").Trim();

    // On the folded, lower-cased line: "ngay dang 09/01/2019 | 09:07 | luot xem: 8308".
    [GeneratedRegex(
        @"^\s*(?:ngay\s*dang|date|published)\s*:?\s*(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})" +
        @"(?:\s*[|,]?\s*(?<h>\d{1,2})\s*[:h]\s*(?<min>\d{2}))?" +
        @"(?:\s*[|,]?\s*(?:luot\s*xem|view\s*count|views?)\s*:?\s*(?<count>\d[\d.,\s]*))?\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex WhiteSpace();
}
