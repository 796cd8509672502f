using SearchService.Core.Search;
using SearchService.Core.Tests.Indexing;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// Facet counts (doc values, one collector pass) must equal a brute-force count: every hit of the same
/// query with every filter but the facet's own, paged through, and its stored values counted.
/// </summary>
public sealed class FacetPropertyTests : IClassFixture<SampleArchiveIndex>
{
    private static readonly string[] Queries = ["", "phường", "dân vận", "chi thi 05", "\"xây dựng Đảng\"", "-covid", "ubnd", "môi trường -\"giải phóng mặt bằng\"", "giáo dục", "an ninh"];
    private static readonly string[] Facets = ["ward", "district", "year", "topic", "reference"];

    private readonly SampleArchiveIndex _archive;

    public FacetPropertyTests(SampleArchiveIndex archive) => _archive = archive;

    [Fact]
    public void Facets_RandomCombinations_EqualBruteForceCounts()
    {
        var engine = _archive.Index.Engine;
        var all = AllDocuments(engine, SearchQuery.For(""));
        Assert.NotEmpty(all);
        var random = new Random(4242);
        for (var round = 0; round < 60; round++)
        {
            var filter = RandomFilter(random, all);
            var facets = Facets.Where(_ => random.Next(2) == 0).DefaultIfEmpty("year").ToList();
            var query = SearchQuery.For(Queries[random.Next(Queries.Length)]) with { Filter = filter, Facets = facets, FacetSize = 1000 };

            var page = engine.Search(query, TestContext.Current.CancellationToken);

            foreach (var facet in page.Facets)
            {
                var expected = AllDocuments(engine, query with { Filter = Without(filter, facet.Field), Facets = [] })
                    .SelectMany(d => Values(d, facet.Field))
                    .GroupBy(v => v, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
                var actual = facet.Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);
                Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
                var order = facet.Values.Select(v => (-v.Count, v.Value)).ToList();
                Assert.Equal(order.OrderBy(o => o.Item1).ThenBy(o => o.Value, StringComparer.Ordinal), order);
            }
        }
    }

    private static List<Core.Documents.StoredDocument> AllDocuments(SearchEngine engine, SearchQuery query)
    {
        var documents = new List<Core.Documents.StoredDocument>();
        var token = "";
        do
        {
            var page = engine.Search(query with { PageSize = 100, PageToken = token }, TestContext.Current.CancellationToken);
            // A result holds what it shows; the mentions are read with the whole stored document.
            documents.AddRange(page.Hits.Select(h => engine.GetDocument(h.Document.Id)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return documents;
    }

    private static IEnumerable<string> Values(Core.Documents.StoredDocument document, string facet) => facet switch
    {
        "ward" => document.Ward.Length > 0 ? [document.Ward] : [],
        "district" => document.District.Length > 0 ? [document.District] : [],
        "year" => document.Year is { } y ? [y.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        "topic" => document.Topics,
        "reference" => document.Mentions.Select(m => m.Key).Distinct(StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(facet)),
    };

    private static SearchFilter RandomFilter(Random random, List<Core.Documents.StoredDocument> all)
    {
        T[] Pick<T>(IEnumerable<T> values)
        {
            var distinct = values.Distinct().ToList();
            return distinct.Count == 0 || random.Next(3) != 0 ? [] : distinct.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
        }

        var years = all.Where(d => d.Year is not null).Select(d => d.Year!.Value).ToList();
        int? from = random.Next(6) == 0 && years.Count > 0 ? years.Min() + random.Next(3) : null;
        return new SearchFilter(
            Pick(all.Select(d => d.Ward).Where(w => w.Length > 0)),
            Pick(all.Select(d => d.District).Where(w => w.Length > 0)),
            Pick(years),
            Pick(all.SelectMany(d => d.Topics)),
            Pick(all.SelectMany(d => d.Mentions.Select(m => m.Key))),
            from,
            from is null ? null : from + random.Next(0, 5));
    }

    private static SearchFilter Without(SearchFilter filter, string facet) => facet switch
    {
        "ward" => filter with { Wards = [] },
        "district" => filter with { Districts = [] },
        "year" => filter with { Years = [], YearFrom = null, YearTo = null },
        "topic" => filter with { Topics = [] },
        "reference" => filter with { References = [] },
        _ => filter,
    };
}

/// <summary>The repository's sample archive, indexed once for a test class.</summary>
public sealed class SampleArchiveIndex : IDisposable
{
    public SampleArchiveIndex()
    {
        Index = new TestIndex(TestPaths.SampleArchive);
        Index.Sync();
    }

    internal TestIndex Index { get; }

    public void Dispose() => Index.Dispose();
}
