namespace SearchService.Core.Analysis;

/// <summary>
/// The word lists of the analysis, kept in the repository under Resources/analysis and copied next to
/// the assembly: abbreviations.tsv and stopwords.txt. Loaded once; a missing file gives an empty list.
/// </summary>
public static class AnalysisResources
{
    private static readonly Lazy<IReadOnlyList<Abbreviation>> LazyAbbreviations = new(
        () => LoadAbbreviations(Path.Combine(Folder, "abbreviations.tsv")));

    private static readonly Lazy<IReadOnlySet<string>> LazyStopwords = new(
        () => LoadStopwords(Path.Combine(Folder, "stopwords.txt")));

    /// <summary>Resources/analysis next to the assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Resources", "analysis");

    /// <summary>The abbreviations of the reports (abbreviations.tsv).</summary>
    public static IReadOnlyList<Abbreviation> Abbreviations => LazyAbbreviations.Value;

    /// <summary>Function words that are optional in a query (stopwords.txt), lower case, NFC.</summary>
    public static IReadOnlySet<string> Stopwords => LazyStopwords.Value;

    /// <summary>Reads an abbreviation file: abbreviation, expansion and optional flag "upper", tab-separated; '#' comments.</summary>
    public static IReadOnlyList<Abbreviation> LoadAbbreviations(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var result = new List<Abbreviation>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 2 || columns[0].Trim().Length == 0 || columns[1].Trim().Length == 0)
            {
                continue;
            }

            var upper = columns.Length > 2 && columns[2].Trim() == "upper";
            result.Add(new Abbreviation(columns[0].Trim(), columns[1].Trim(), upper));
        }

        return result;
    }

    /// <summary>Reads a word list, one word a line, '#' comments; words are normalised and lower-cased.</summary>
    public static IReadOnlySet<string> LoadStopwords(string path)
    {
        if (!File.Exists(path))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => Text.VietnameseText.Normalize(l).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
