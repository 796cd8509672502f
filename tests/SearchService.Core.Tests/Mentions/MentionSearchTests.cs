using SearchService.Core.Errors;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Mentions;

/// <summary>The MentionService queries over the sample archive, checked against the stored mentions.</summary>
public sealed class MentionSearchTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    private readonly MentionSearch _mentions = new(archive.Index.Store);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Resolve_OpenReference_GivesEveryFittingKeyWithCounts()
    {
        var keys = _mentions.Resolve("Directive 05");

        var directive = Assert.Single(keys, k => k.Key == "05-CT/TW");
        Assert.Equal("directive", directive.Kind);
        Assert.StartsWith("Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về", directive.Label, StringComparison.Ordinal);
        Assert.True(directive.DocumentCount >= 3);
        Assert.True(directive.MentionCount >= directive.DocumentCount);
        Assert.All(keys, k => Assert.StartsWith("05-CT", k.Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("chi thi so 05-CT/TƯ")]
    [InlineData("Chỉ thị số 05-CT/TW")]
    [InlineData("05-CT/TW")]
    public void Resolve_SpellingsOfOneDirective_GiveTheSameKey(string typed)
    {
        Assert.Equal(["05-CT/TW"], _mentions.Resolve(typed).Select(k => k.Key));
    }

    [Fact]
    public void Resolve_ReferenceNeverCited_IsEmpty()
    {
        Assert.Empty(_mentions.Resolve("Chỉ thị 99-CT/TW"));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    public void Resolve_NotAReference_IsInvalidArgument(string typed)
    {
        var error = Assert.Throws<InvalidRequestException>(() => _mentions.Resolve(typed));

        Assert.Equal("reference", error.Field);
    }

    [Fact]
    public void Find_Paging_VisitsEveryMentionOnceWithOffsetsIntoTheText()
    {
        var seen = new List<(string, int)>();
        var token = "";
        long total;
        do
        {
            var page = _mentions.Find("Directive 05", Core.Search.SearchFilter.None, 3, token, Ct);
            total = page.TotalSize;
            foreach (var hit in page.Mentions)
            {
                Assert.Equal(hit.Mention.Text, hit.Document.Text[hit.Mention.Start..hit.Mention.End]);
                Assert.Contains(hit.Mention.Text, hit.Mention.Sentence, StringComparison.Ordinal);
                seen.Add((hit.Document.Id, hit.Mention.Start));
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var expected = _mentions.Resolve("Directive 05").Sum(k => k.MentionCount);
        Assert.Equal(expected, total);
    }

    [Fact]
    public void Summarize_ByYear_AddsUpToTheDocumentsThatCiteIt()
    {
        var summary = _mentions.Summarize("Directive 05", Core.Search.SearchFilter.None, "year", Ct);

        var citing = _mentions.Find("Directive 05", Core.Search.SearchFilter.None, 100, "", Ct).Mentions.Select(m => m.Document.Id).Distinct().Count();
        Assert.Equal(citing, summary.Groups.Sum(g => g.DocumentCount));
        Assert.Equal(summary.Keys.Sum(k => k.MentionCount), summary.Groups.Sum(g => g.MentionCount));
        Assert.Equal(summary.Groups.Select(g => g.Value).Order(StringComparer.Ordinal), summary.Groups.Select(g => g.Value));
        Assert.All(summary.Groups, g => Assert.True(g.FirstPublished <= g.LastPublished));
    }

    [Fact]
    public void Summarize_UnknownGroup_IsInvalidArgument()
    {
        var error = Assert.Throws<InvalidRequestException>(() => _mentions.Summarize("Directive 05", Core.Search.SearchFilter.None, "author", Ct));

        Assert.Equal("group_by", error.Field);
    }

    [Fact]
    public void List_IsMostCitedFirstAndCoversEveryKey()
    {
        var page = _mentions.List(Core.Search.SearchFilter.None, 100, "");

        Assert.NotEmpty(page.References);
        var counts = page.References.Select(r => r.MentionCount).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.Equal(page.TotalSize, page.References.Count + (page.NextPageToken.Length > 0 ? page.TotalSize - 100 : 0));
    }

    [Fact]
    public void SearchFilter_Reference_KeepsOnlyCitingDocuments()
    {
        var page = archive.Index.Engine.Search(
            SearchQuery.For("") with { Filter = Core.Search.SearchFilter.None with { References = ["Directive 05"] }, PageSize = 100 }, Ct);

        Assert.NotEmpty(page.Hits);
        Assert.All(page.Hits, h => Assert.Contains(archive.Index.Engine.GetDocument(h.Document.Id).Mentions, m => m.Key.StartsWith("05-CT", StringComparison.Ordinal)));
    }

    [Fact]
    public void SearchFilter_UnreadableReference_IsInvalidArgument()
    {
        var error = Assert.Throws<InvalidRequestException>(() => archive.Index.Engine.Search(
            SearchQuery.For("") with { Filter = Core.Search.SearchFilter.None with { References = ["hello"] } }, Ct));

        Assert.Equal("filter.references", error.Field);
    }
}
