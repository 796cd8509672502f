using SearchService.Core.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>A title for a document whose metadata has none: its first line that is not the heading of an office paper.</summary>
internal static class TitleGuess
{
    private const int MaxLength = 200;

    // The national motto and the issuing body open most administrative papers; they name no report.
    private static readonly string[] Headings =
    [
        "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap – tu do – hanh phuc",
        "uy ban nhan dan", "dang bo", "dang cong san viet nam", "so:", "so :",
    ];

    public static string FromBody(string body)
    {
        string? first = null;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            first ??= line;
            var key = VietnameseText.Fold(line.ToLowerInvariant());
            if (Headings.Any(h => key.StartsWith(h, StringComparison.Ordinal)) || key.All(c => !char.IsLetter(c)))
            {
                continue;
            }

            return Cut(line);
        }

        return Cut(first ?? "");
    }

    private static string Cut(string line) => line.Length > MaxLength ? line[..MaxLength].TrimEnd() : line;
}
