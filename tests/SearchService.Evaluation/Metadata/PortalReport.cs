using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchService.Evaluation.Metadata;

/// <summary>
/// A report in the portal text format, read minimally: line 1 section, line 3 title, line 4
/// "Ngày đăng dd/mm/yyyy | hh:mm | ...", the body after it.
/// </summary>
internal sealed partial record PortalReport(string Title, string Text, DateTimeOffset? Published)
{
    public static PortalReport Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var title = lines.Length > 2 ? lines[2].Trim() : "";
        var header = lines.Length > 3 ? lines[3] : "";
        DateTimeOffset? published = null;
        var date = DatePattern().Match(header);
        if (date.Success && DateTime.TryParseExact(date.Value, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            published = new DateTimeOffset(day, TimeSpan.Zero);
        }

        var text = lines.Length > 4 ? string.Join('\n', lines[4..]).Trim() : "";
        return new PortalReport(title, text, published);
    }

    [GeneratedRegex(@"\d{1,2}/\d{1,2}/\d{4}")]
    private static partial Regex DatePattern();
}
