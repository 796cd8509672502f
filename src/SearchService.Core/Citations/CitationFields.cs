using System.Globalization;

namespace SearchService.Core.Citations;

/// <summary>Pieces of a reference shared by every style.</summary>
internal static class CitationFields
{
    private static readonly string[] WardPrefixes = ["phường ", "xã ", "thị trấn "];
    private static readonly string[] DistrictPrefixes = ["quận ", "huyện ", "thị xã ", "thành phố "];

    public static string Portal(string ward, string district)
    {
        var wardName = Named(ward, WardPrefixes, "phường");
        var districtName = Named(district, DistrictPrefixes, "quận");
        return (wardName, districtName) switch
        {
            ("", "") => "",
            ("", _) => $"Cổng thông tin {districtName}",
            (_, "") => $"Cổng thông tin {wardName}",
            _ => $"Cổng thông tin {wardName}, {districtName}",
        };
    }

    /// <summary>"09/01/2019": the date as Vietnamese references write it.</summary>
    public static string VietnameseDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The quotes as one line each, in curly quotes.</summary>
    public static string QuoteLines(IReadOnlyList<CitationQuote> quotes, string separator)
        => string.Join(separator, quotes.Select(q => $"“{q.Text}”"));

    private static string Named(string name, string[] prefixes, string defaultPrefix)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        // A value that already says what it is ("Thị trấn Trâu Quỳ", "huyện Gia Lâm") keeps its own word.
        foreach (var prefix in prefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return string.Concat(prefix, trimmed.AsSpan(prefix.Length));
            }
        }

        return $"{defaultPrefix} {trimmed}";
    }
}
