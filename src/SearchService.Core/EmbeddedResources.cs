using System.Text;
using SearchService.Core.Analysis;
using SearchService.Core.Metadata;

namespace SearchService.Core;

/// <summary>
/// The data files compiled into this assembly from Resources/: the analysis word lists, the gazetteer, the
/// topic taxonomy and the catalogue of central documents. Each is read once by its owner. A missing or empty one fails with its name, rather than
/// becoming an empty list that quietly degrades search and metadata.
/// </summary>
public static class EmbeddedResources
{
    public const string Abbreviations = "analysis/abbreviations.tsv";
    public const string Stopwords = "analysis/stopwords.txt";
    public const string Gazetteer = "gazetteer/hanoi.tsv";
    public const string Topics = "topics.json";
    public const string CentralDocuments = "mentions/central-documents.tsv";

    /// <summary>Every resource the assembly must hold.</summary>
    public static IReadOnlyList<string> Names { get; } = [Abbreviations, Stopwords, Gazetteer, Topics, CentralDocuments];

    /// <summary>Loads and parses every resource now, so that a broken build fails at start with the name.</summary>
    /// <exception cref="InvalidOperationException">A resource is missing, empty or holds no entry.</exception>
    public static void LoadAll()
    {
        _ = AnalysisResources.Abbreviations;
        _ = AnalysisResources.Stopwords;
        _ = Metadata.Gazetteer.Default;
        _ = TopicClassifier.Default;
        _ = Mentions.CentralDocuments.Default;
    }

    /// <summary>The text of a resource (UTF-8).</summary>
    /// <exception cref="InvalidOperationException">It is not in the assembly, or it is empty.</exception>
    public static string ReadText(string name)
    {
        var assembly = typeof(EmbeddedResources).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource '{name}' is missing from {assembly.GetName().Name}: the build must embed Resources/{name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        return text.Trim().Length > 0 ? text : throw new InvalidOperationException($"resource '{name}' is empty");
    }

    /// <summary>The lines of a resource, without line ends.</summary>
    public static IReadOnlyList<string> ReadLines(string name)
        => ReadText(name).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>The entries parsed from a resource; an empty result fails with the resource's name.</summary>
    internal static T Require<T>(string name, T parsed, int count)
        => count > 0 ? parsed : throw new InvalidOperationException($"resource '{name}' holds no entry");
}
