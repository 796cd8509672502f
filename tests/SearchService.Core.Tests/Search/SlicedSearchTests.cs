using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Search;
using SearchService.Core.Tests.Indexing;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// A search cut into slices run at once (segments split in the middle) must give exactly what one
/// thread gives: the same total, hits in the same order with the same scores and snippets, the same
/// facet counts and page tokens.
/// </summary>
public sealed class SlicedSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Texts =
    [
        "", "chỉ thị 05", "chi thi 05", "\"vệ sinh môi trường\"", "Đảng ủy phường", "dang uy phuong", "UBND",
        "05-CT/TW", "khuyến học -học sinh", "trật tự đô thị", "nghị quyết", "cải cách hành chính", "phòng chống dịch",
    ];

    private static readonly string[] AllFacets = ["ward", "district", "year", "topic", "reference"];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Search_InSlices_GivesWhatOneThreadGives(int slices)
    {
        using var index = SeveralSegments();
        var serial = new SearchEngine(index.Store, NullLogger<SearchEngine>.Instance) { MinDocumentsToSlice = int.MaxValue };
        var sliced = new SearchEngine(index.Store, NullLogger<SearchEngine>.Instance) { MinDocumentsToSlice = 0, Slices = slices };
        var ward = serial.Search(SearchQuery.For("") with { Facets = ["ward"], PageSize = 1 }, Ct).Facets[0].Values[0].Value;
        SearchFilter[] filters = [SearchFilter.None, SearchFilter.None with { Wards = [ward] }, SearchFilter.None with { YearFrom = 2018, YearTo = 2021 }];
        var compared = 0;

        foreach (var text in Texts)
        {
            foreach (var filter in filters)
            {
                foreach (var order in new[] { "relevance", "date_desc", "date_asc" })
                {
                    var query = new SearchQuery(text, filter, AllFacets, PageSize: 10, OrderBy: order);
                    compared += AssertSamePages(serial, sliced, query);
                }
            }
        }

        Assert.True(compared > 150, $"only {compared} pages compared");
        Assert.Equal(compared, sliced.SlicedSearches);
        Assert.Equal(0, serial.SlicedSearches);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(1000)]
    public void Split_CoversEveryDocumentOnceInOrder(int slices)
    {
        using var index = SeveralSegments();
        var leaves = index.Store.Search(s => s.IndexReader.Leaves);

        var parts = SlicedSearch.Split(leaves, slices);

        Assert.InRange(parts.Count, 1, slices);
        var covered = parts.SelectMany(p => p).SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start).Select(d => r.Leaf.DocBase + d));
        Assert.Equal(Enumerable.Range(0, leaves.Sum(l => l.AtomicReader.MaxDoc)), covered);
    }

    private static int AssertSamePages(SearchEngine serial, SearchEngine sliced, SearchQuery query)
    {
        var pages = 0;
        var token = "";
        do
        {
            var expected = serial.Search(query with { PageToken = token }, Ct);
            var actual = sliced.Search(query with { PageToken = token }, Ct);

            Assert.Equal(expected.TotalSize, actual.TotalSize);
            Assert.Equal(expected.Hits.Select(h => (h.Document.Id, h.Score)), actual.Hits.Select(h => (h.Document.Id, h.Score)));
            Assert.Equal(expected.Hits.SelectMany(h => h.Snippets.Select(s => (s.Text, s.DocumentOffset, string.Join(',', s.Highlights)))),
                actual.Hits.SelectMany(h => h.Snippets.Select(s => (s.Text, s.DocumentOffset, string.Join(',', s.Highlights)))));
            Assert.Equal(Flatten(expected.Facets), Flatten(actual.Facets));
            Assert.Equal(expected.NextPageToken, actual.NextPageToken);
            token = expected.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 8);

        return pages;
    }

    private static IEnumerable<string> Flatten(IReadOnlyList<FacetResult> facets) =>
        facets.SelectMany(f => f.Values.Select(v => $"{f.Field}={v.Value}:{v.Count}"));

    /// <summary>The sample archive in three segments, one report replaced (a deleted document in the first).</summary>
    private static TestIndex SeveralSegments()
    {
        var archive = Directory.CreateTempSubdirectory("searchservice-sliced-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestPaths.SampleArchive, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(archive, Path.GetRelativePath(TestPaths.SampleArchive, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var index = new TestIndex(archive);
        index.Sync();
        var lines = Enumerable.Range(1, 30).Select(i => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = $"extra-{i}",
            ["title"] = $"Phường Cự Khối triển khai Chỉ thị 05-CT/TW, đợt {i}",
            ["text"] = $"Đảng ủy phường Cự Khối quận Long Biên tổ chức vệ sinh môi trường và trật tự đô thị, đợt {i}.",
            ["date"] = $"20{10 + (i % 12)}-0{1 + (i % 9)}-1{i % 10}",
        }));
        File.WriteAllLines(Path.Combine(archive, "extra.jsonl"), lines);
        index.Sync();
        var report = Directory.EnumerateFiles(archive, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(report, "\nBổ sung: phường tiếp tục thực hiện Chỉ thị 05-CT/TW.\n");
        File.SetLastWriteTimeUtc(report, DateTime.UtcNow.AddMinutes(1));
        index.Sync();
        Assert.True(index.Store.Search(s => s.IndexReader.Leaves.Count) >= 2);
        Assert.True(index.Store.Search(s => s.IndexReader.HasDeletions));
        return index;
    }
}
