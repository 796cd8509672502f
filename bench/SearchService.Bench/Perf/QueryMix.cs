using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core;
using SearchService.Core.Errors;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchService.Core.Text;

namespace SearchService.Bench.Perf;

/// <summary>One call of the query mix: a search, a FindMentions or a ResolveReference.</summary>
internal sealed record BenchQuery(string Kind, SearchQuery? Search, string Reference = "")
{
    public override string ToString() => Search is { } s
        ? $"{Kind}: '{s.Text}'{(s.Filter == SearchFilter.None ? "" : " +filter")}{(s.Facets.Count > 0 ? " +facets" : "")}"
        : $"{Kind}: '{Reference}'";
}

/// <summary>
/// A deterministic mix of at least 200 calls built from the corpus vocabulary (a fixed sample of its
/// documents), the topic cues of the service's taxonomy (the sample archive's themes), the facet values
/// and cited references of the index, and the mentions in the sample archive — all read at run time.
/// </summary>
internal static class QueryMix
{
    private const int Seed = 20261129;

    public static List<BenchQuery> Create(SearchEngine engine, MentionSearch mentions)
    {
        var random = new Random(Seed);
        var documents = File.ReadLines(SyntheticCorpus.CorpusFile).Take(3000)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return json.RootElement.GetProperty("text").GetString() ?? "";
            })
            .Where(t => t.Length > 200)
            .ToList();

        // Syllables of the corpus by frequency; queries take mid-frequency ones (not stop-like, not rare).
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in documents)
        {
            foreach (var token in Tokens(text))
            {
                var word = token.ToLowerInvariant();
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }
        }

        var vocabulary = frequency.Where(kv => kv.Key.Length >= 2)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Skip(60).Take(3000).Select(kv => kv.Key).ToList();
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Count)]));

        string Phrase()
        {
            while (true)
            {
                var tokens = Tokens(documents[random.Next(documents.Count)]).ToList();
                var length = 2 + random.Next(2);
                if (tokens.Count > length)
                {
                    var start = random.Next(tokens.Count - length);
                    return string.Join(' ', tokens.Skip(start).Take(length));
                }
            }
        }

        var cues = ThemeCues();
        var all = engine.Search(SearchQuery.For("") with { Facets = ["ward", "district", "year", "topic"], FacetSize = 100, PageSize = 1 });
        string[] Values(string facet) => all.Facets.Single(f => f.Field == facet).Values.Select(v => v.Value).Where(v => v.Length > 0).ToArray();
        var (wards, districts, years, topics) = (Values("ward"), Values("district"), Values("year"), Values("topic"));
        var references = mentions.List(SearchFilter.None, 100, "").References.Select(r => r.Label).Take(30)
            .Concat(SampleArchiveMentions().Take(30))
            .Distinct(StringComparer.Ordinal)
            .Where(r => Resolves(mentions, r))
            .ToList();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        var texts = new List<(string Kind, string Text)>();
        texts.AddRange(Enumerable.Range(0, 50).Select(i => ("words", Words(1 + (i % 3)))));
        texts.AddRange(Enumerable.Range(0, 30).Select(_ => ("phrase", $"\"{Phrase()}\"")));
        texts.AddRange(Enumerable.Range(0, 30).Select(i => ("theme", i % 2 == 0 ? Pick(cues) : $"\"{Pick(cues)}\"")));
        var folded = texts.Where((_, i) => i % 3 == 0).Take(30).Select(t => (Kind: "folded", Text: VietnameseText.Fold(t.Text))).ToList();

        var queries = texts.Concat(folded).Select(t => new BenchQuery(t.Kind, SearchQuery.For(t.Text) with { PageSize = 10 })).ToList();
        for (var i = 0; i < 30; i++)
        {
            SearchFilter filter = (i % 4) switch
            {
                0 => SearchFilter.None with { Wards = [Pick(wards)] },
                1 => SearchFilter.None with { Districts = [Pick(districts)] },
                2 => SearchFilter.None with { Topics = [Pick(topics)] },
                _ => Range(int.Parse(Pick(years))),
            };
            var text = i % 5 == 4 ? "" : (i % 2 == 0 ? Words(1) : Pick(cues));
            queries.Add(new BenchQuery("filter", SearchQuery.For(text) with { Filter = filter, PageSize = 10 }));
        }

        for (var i = 0; i < 20; i++)
        {
            var text = i % 2 == 0 ? Words(1 + (i % 2)) : Pick(cues);
            queries.Add(new BenchQuery("facets", SearchQuery.For(text) with { Facets = ["ward", "district", "year", "topic", "reference"], PageSize = 10 }));
        }

        for (var i = 0; i < 25; i++)
        {
            queries.Add(new BenchQuery("find-mentions", null, references[i % references.Count]));
            queries.Add(new BenchQuery("resolve", null, references[(i * 7 + 3) % references.Count]));
        }

        // Shuffled once with the same seed, so every caller count sees the same interleaving.
        return queries.OrderBy(_ => random.Next()).ToList();
    }

    /// <summary>The text of every search in the mix that has one, without its filters and facets: what a plain baseline can run too.</summary>
    public static List<string> SearchTexts(IEnumerable<BenchQuery> mix) =>
        mix.Where(q => q.Search is { Text.Length: > 0 }).Select(q => q.Search!.Text).ToList();

    /// <summary>
    /// The search texts of the mix built on the service's index at <paramref name="index"/> (opened in this
    /// process, so no server may hold it). They come from the corpus and the topic cues, not from the index,
    /// so the list is the same at every size of the corpus.
    /// </summary>
    public static List<string> SearchTexts(string archive, string index)
    {
        using var store = BenchIndex.Open(archive, index, out _);
        return SearchTexts(Create(new SearchEngine(store, NullLogger<SearchEngine>.Instance), new MentionSearch(store)));
    }

    private static SearchFilter Range(int year) => SearchFilter.None with { YearFrom = year, YearTo = year + 2 };

    /// <summary>Whether a mention as written is a reference by itself ("27" after "Chỉ thị 05, " is not).</summary>
    private static bool Resolves(MentionSearch mentions, string reference)
    {
        try
        {
            mentions.Resolve(reference);
            return true;
        }
        catch (InvalidRequestException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Tokens(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.All(char.IsLetter));

    private static List<string> ThemeCues()
    {
        using var json = JsonDocument.Parse(EmbeddedResources.ReadText(EmbeddedResources.Topics));
        return json.RootElement.GetProperty("topics").EnumerateArray()
            .SelectMany(t => t.GetProperty("cues").EnumerateObject().Select(c => c.Name))
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The mentions as written in the sample archive's reports (index-data/archive), first seen first.</summary>
    private static IEnumerable<string> SampleArchiveMentions()
    {
        var extractor = new MentionExtractor();
        var folder = Path.Combine(SyntheticCorpus.RepoRoot, "index-data", "archive");
        return Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => extractor.Extract(File.ReadAllText(f)).Select(m => m.Text))
            .Distinct(StringComparer.Ordinal);
    }
}
