namespace SearchService.Core.Analysis;

/// <summary>
/// The word lists of the analysis, kept in the repository under Resources/analysis and embedded in the
/// assembly: abbreviations.tsv and stopwords.txt. Loaded once; a missing or empty one fails with its name
/// (<see cref="EmbeddedResources"/>). Lists from files (<see cref="LoadAbbreviations"/>) are for tools and tests.
/// </summary>
public static class AnalysisResources
{
    private static readonly Lazy<IReadOnlyList<Abbreviation>> LazyAbbreviations = new(() =>
    {
        var abbreviations = ParseAbbreviations(EmbeddedResources.ReadLines(EmbeddedResources.Abbreviations));
        return EmbeddedResources.Require(EmbeddedResources.Abbreviations, abbreviations, abbreviations.Count);
    });

    private static readonly Lazy<IReadOnlySet<string>> LazyStopwords = new(() =>
    {
        var stopwords = ParseStopwords(EmbeddedResources.ReadLines(EmbeddedResources.Stopwords));
        return EmbeddedResources.Require(EmbeddedResources.Stopwords, stopwords, stopwords.Count);
    });

    /// <summary>The abbreviations of the reports (abbreviations.tsv).</summary>
    public static IReadOnlyList<Abbreviation> Abbreviations => LazyAbbreviations.Value;

    /// <summary>Function words that are optional in a query (stopwords.txt), lower case, NFC.</summary>
    public static IReadOnlySet<string> Stopwords => LazyStopwords.Value;

    /// <summary>Reads an abbreviation file: abbreviation, expansion and optional flag "upper", tab-separated; '#' comments.</summary>
    public static IReadOnlyList<Abbreviation> LoadAbbreviations(string path)
    {
        return File.Exists(path) ? ParseAbbreviations(File.ReadLines(path)) : [];
    }

    /// <summary>Reads abbreviation lines (the abbreviations.tsv format).</summary>
    public static IReadOnlyList<Abbreviation> ParseAbbreviations(IEnumerable<string> lines)
    {
        var result = new List<Abbreviation>();
        foreach (var line in lines)
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
        return File.Exists(path) ? ParseStopwords(File.ReadLines(path)) : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Reads word-list lines (the stopwords.txt format).</summary>
    public static IReadOnlySet<string> ParseStopwords(IEnumerable<string> lines)
    {
        return lines
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => Text.VietnameseText.Normalize(l).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
