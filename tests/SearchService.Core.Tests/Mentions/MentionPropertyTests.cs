using System.Globalization;
using SearchService.Core.Documents;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchService.Core.Tests.Indexing;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Mentions;

/// <summary>
/// FindMentions and SummarizeMentions (ordered and counted from doc values, stored fields only for the
/// page) must give exactly what listing every matching stored document gives: for every key the sample
/// archive cites and a few filters, all pages at several sizes, and every grouping.
/// </summary>
public sealed class MentionPropertyTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    private static readonly int?[] PageSizes = [1, 7, null, 100];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Find_EveryCitedKeyAndFilter_PagesThroughTheStoredMentionsInOrder()
    {
        var compared = AssertFindEqualsBruteForce(archive.Index, Filters(archive.Index));

        Assert.True(compared > PageSizes.Length * 10, $"only {compared} comparisons");
    }

    [Fact]
    public void Summarize_EveryCitedKeyFilterAndGroup_EqualsGroupingTheStoredDocuments()
    {
        var nonEmpty = AssertSummarizeEqualsBruteForce(archive.Index, Filters(archive.Index));

        Assert.True(nonEmpty > 10, $"only {nonEmpty} non-empty summaries");
    }

    [Fact]
    public void FindAndSummarize_UndatedAndSameDayReportsInSeveralSegments_KeepTheOrderOfTheStoredDocuments()
    {
        // Same publication day in both segments (ties broken by id across segments), reports without a
        // date (listed last, but first among a group's ids), one to three mentions per report.
        var folder = Directory.CreateTempSubdirectory("searchservice-archive-").FullName;
        using var index = new TestIndex(folder);
        string Line(string id, string? date, int mentions, string ward) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = id,
            ["title"] = "Báo cáo " + id,
            ["text"] = string.Join(" ", Enumerable.Repeat("Đảng ủy phường thực hiện Chỉ thị 05-CT/TW.", mentions)),
            ["date"] = date,
            ["ward"] = ward,
            ["district"] = "Long Biên",
        });
        File.WriteAllLines(Path.Combine(folder, "a.jsonl"), [Line("r-b", "2020-05-01", 2, "Cự Khối"), Line("r-d", null, 1, "Cự Khối"), Line("r-f", "2020-05-01", 1, ""), Line("r-h", "2019-01-02", 3, "Bồ Đề")]);
        index.Sync();
        File.WriteAllLines(Path.Combine(folder, "b.jsonl"), [Line("r-a", "2020-05-01", 1, "Bồ Đề"), Line("r-c", null, 2, ""), Line("r-e", "2020-05-01", 3, "Cự Khối"), Line("r-g", "2021-07-08", 1, "Bồ Đề")]);
        index.Sync();

        var compared = AssertFindEqualsBruteForce(index, [SearchFilter.None]);
        var nonEmpty = AssertSummarizeEqualsBruteForce(index, [SearchFilter.None]);

        var ids = new MentionSearch(index.Store).Find("05-CT/TW", SearchFilter.None, 100, "", Ct).Mentions.Select(m => m.Document.Id).Distinct();
        Assert.Equal(["r-h", "r-a", "r-b", "r-e", "r-f", "r-g", "r-c", "r-d"], ids);
        Assert.True(compared > 0 && nonEmpty > 0);
    }

    private static int AssertFindEqualsBruteForce(TestIndex index, IEnumerable<SearchFilter> filters)
    {
        var mentions = new MentionSearch(index.Store);
        var compared = 0;
        foreach (var filter in filters)
        {
            var documents = AllDocuments(index, filter);
            foreach (var reference in References(mentions))
            {
                var expected = BruteForceMentions(documents, WantedKeys(mentions, reference));
                foreach (var size in PageSizes)
                {
                    var actual = AllPages(mentions, reference, filter, size);

                    Assert.Equal(expected.Select(e => (e.Document.Id, e.Mention)), actual.Hits.Select(h => (h.Document.Id, h.Mention)));
                    Assert.All(actual.Totals, total => Assert.Equal(expected.Count, total));
                    compared++;
                }
            }
        }

        return compared;
    }

    private static int AssertSummarizeEqualsBruteForce(TestIndex index, IEnumerable<SearchFilter> filters)
    {
        var mentions = new MentionSearch(index.Store);
        var nonEmpty = 0;
        foreach (var filter in filters)
        {
            var documents = AllDocuments(index, filter);
            foreach (var reference in References(mentions))
            {
                var wanted = WantedKeys(mentions, reference);
                foreach (var groupBy in MentionSearch.GroupFields)
                {
                    var expected = BruteForceGroups(documents, wanted, groupBy);

                    var actual = mentions.Summarize(reference, filter, groupBy, Ct).Groups;

                    Assert.Equal(expected.Select(Describe), actual.Select(Describe));
                    nonEmpty += actual.Count > 0 ? 1 : 0;
                }
            }
        }

        return nonEmpty;
    }

    private static string Describe(MentionGroup g) => string.Join(
        " | ",
        g.Value,
        g.DocumentCount.ToString(CultureInfo.InvariantCulture),
        g.MentionCount.ToString(CultureInfo.InvariantCulture),
        g.FirstPublished?.ToString("O", CultureInfo.InvariantCulture) ?? "-",
        g.LastPublished?.ToString("O", CultureInfo.InvariantCulture) ?? "-",
        string.Join(",", g.DocumentIds),
        string.Join(";", (g.Actions ?? []).Select(a => string.Join(
            " ", a.Action, a.DocumentCount, a.MentionCount, a.FirstPublished?.ToString("O", CultureInfo.InvariantCulture) ?? "-",
            a.LastPublished?.ToString("O", CultureInfo.InvariantCulture) ?? "-"))),
        g.FirstRollout?.ToString("O", CultureInfo.InvariantCulture) ?? "-",
        g.LastReview?.ToString("O", CultureInfo.InvariantCulture) ?? "-");

    /// <summary>Every key the archive cites, and an open reference that resolves to several keys.</summary>
    private static List<string> References(MentionSearch mentions)
    {
        var keys = new List<string>();
        var token = "";
        do
        {
            var page = mentions.List(SearchFilter.None, MentionSearch.MaxPageSize, token);
            keys.AddRange(page.References.Select(r => r.Key));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.NotEmpty(keys);
        return [.. keys, "Directive 05"];
    }

    private static HashSet<string> WantedKeys(MentionSearch mentions, string reference) =>
        mentions.Resolve(reference).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<SearchFilter> Filters(TestIndex index)
    {
        var all = AllDocuments(index, SearchFilter.None);
        var ward = all.Where(d => d.Ward.Length > 0).GroupBy(d => d.Ward).OrderByDescending(g => g.Count()).First().Key;
        var topic = all.SelectMany(d => d.Topics).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        var years = all.Where(d => d.Year is not null).Select(d => d.Year!.Value).Order().ToList();
        yield return SearchFilter.None;
        yield return SearchFilter.None with { Wards = [ward] };
        yield return SearchFilter.None with { Topics = [topic] };
        yield return SearchFilter.None with { YearFrom = years[years.Count / 2], YearTo = years[^1] };
    }

    private static List<StoredDocument> AllDocuments(TestIndex index, SearchFilter filter)
    {
        var documents = new List<StoredDocument>();
        var query = SearchQuery.For("") with { Filter = filter, PageSize = 100 };
        var token = "";
        do
        {
            var page = index.Engine.Search(query with { PageToken = token }, Ct);
            // A result holds what it shows; the mentions are read with the whole stored document.
            documents.AddRange(page.Hits.Select(h => index.Engine.GetDocument(h.Document.Id)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return documents;
    }

    private static (List<MentionHit> Hits, List<long> Totals) AllPages(MentionSearch mentions, string reference, SearchFilter filter, int? size)
    {
        var hits = new List<MentionHit>();
        var totals = new List<long>();
        var token = "";
        do
        {
            var page = mentions.Find(reference, filter, size, token, Ct);
            Assert.True(page.Mentions.Count == (size ?? MentionSearch.DefaultPageSize) || page.NextPageToken.Length == 0);
            hits.AddRange(page.Mentions);
            totals.Add(page.TotalSize);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return (hits, totals);
    }

    /// <summary>The citing documents oldest first (undated last, then by id), as the index sorted them before.</summary>
    private static List<StoredDocument> Citing(List<StoredDocument> documents, HashSet<string> wanted) => documents
        .Where(d => d.Mentions.Any(m => wanted.Contains(m.Key)))
        .OrderBy(d => d.PublishedAt is null ? 1 : 0)
        .ThenBy(d => d.PublishedAt)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    private static List<(StoredDocument Document, Core.Mentions.Mention Mention)> BruteForceMentions(List<StoredDocument> documents, HashSet<string> wanted) =>
        Citing(documents, wanted)
            .SelectMany(d => d.Mentions.Where(m => wanted.Contains(m.Key)).OrderBy(m => m.Start).Select(m => (d, m)))
            .ToList();

    private static List<MentionGroup> BruteForceGroups(List<StoredDocument> documents, HashSet<string> wanted, string groupBy)
    {
        if (groupBy == "action")
        {
            // One group per action class, in the order of MentionActions.All, over the mentions with that action.
            return MentionActions.All
                .Select(action => (Action: action, Documents: Citing(documents, wanted)
                    .Select(d => (Document: d, Mentions: d.Mentions.Count(m => wanted.Contains(m.Key) && m.Action == action)))
                    .Where(x => x.Mentions > 0)
                    .ToList()))
                .Where(g => g.Documents.Count > 0)
                .Select(g => new MentionGroup(
                    g.Action,
                    g.Documents.Count,
                    g.Documents.Sum(x => x.Mentions),
                    g.Documents.Min(x => x.Document.PublishedAt),
                    g.Documents.Max(x => x.Document.PublishedAt),
                    g.Documents.OrderBy(x => x.Document.PublishedAt).ThenBy(x => x.Document.Id, StringComparer.Ordinal).Select(x => x.Document.Id).ToList()))
                .ToList();
        }

        var groups = Citing(documents, wanted)
            .SelectMany(d => GroupValues(d, groupBy).Select(v => (Value: v, Document: d, Mentions: d.Mentions.Count(m => wanted.Contains(m.Key)))))
            .GroupBy(x => x.Value, StringComparer.Ordinal)
            .Select(g => new MentionGroup(
                g.Key,
                g.Count(),
                g.Sum(x => x.Mentions),
                g.Min(x => x.Document.PublishedAt),
                g.Max(x => x.Document.PublishedAt),
                g.OrderBy(x => x.Document.PublishedAt).ThenBy(x => x.Document.Id, StringComparer.Ordinal).Select(x => x.Document.Id).ToList(),
                BruteForceTimeline(g.Select(x => x.Document).ToList(), wanted),
                g.Where(x => x.Document.Mentions.Any(m => wanted.Contains(m.Key) && m.Action == MentionActions.Plan)).Min(x => x.Document.PublishedAt),
                g.Where(x => x.Document.Mentions.Any(m => wanted.Contains(m.Key) && MentionActions.IsReview(m.Action))).Max(x => x.Document.PublishedAt)))
            .ToList();
        return groupBy == "year"
            ? groups.OrderBy(g => g.Value, StringComparer.Ordinal).ToList()
            : groups.OrderByDescending(g => g.DocumentCount).ThenByDescending(g => g.MentionCount).ThenBy(g => g.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per action class: the group's documents with a mention of that action, their mentions of it, first and last date.</summary>
    private static List<ActionTimeline> BruteForceTimeline(List<StoredDocument> group, HashSet<string> wanted) => MentionActions.All
        .Select(action => (Action: action, Documents: group
            .Select(d => (Document: d, Mentions: d.Mentions.Count(m => wanted.Contains(m.Key) && m.Action == action)))
            .Where(x => x.Mentions > 0)
            .ToList()))
        .Where(a => a.Documents.Count > 0)
        .Select(a => new ActionTimeline(a.Action, a.Documents.Count, a.Documents.Sum(x => x.Mentions),
            a.Documents.Min(x => x.Document.PublishedAt), a.Documents.Max(x => x.Document.PublishedAt)))
        .ToList();

    private static IEnumerable<string> GroupValues(StoredDocument document, string groupBy) => groupBy switch
    {
        "ward" => [document.Ward],
        "district" => [document.District],
        "year" => [document.Year?.ToString(CultureInfo.InvariantCulture) ?? ""],
        _ => document.Topics.Count > 0 ? document.Topics : [""],
    };
}
