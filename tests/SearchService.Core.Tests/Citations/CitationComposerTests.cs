using SearchService.Core.Citations;
using SearchService.Core.Errors;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Citations;

/// <summary>BuildCitations over the sample archive: which documents, in which order, quoting what.</summary>
public sealed class CitationComposerTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    private readonly CitationComposer _composer = new(archive.Index.Engine, new MentionSearch(archive.Index.Store), new FixedClock(CitationDocuments.Now));
    private readonly MentionSearch _mentions = new(archive.Index.Store);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Compose_Ids_KeepTheGivenOrderWithoutDuplicates()
    {
        var ids = Ids("", 3);
        string[] asked = [ids[2], ids[0], ids[2], ids[1]];

        var list = _composer.Compose(new CitationRequest(asked, "", SearchFilter.None), Ct);

        Assert.Equal([ids[2], ids[0], ids[1]], list.Citations.Select(c => c.DocumentId));
    }

    [Fact]
    public void Compose_Query_CitesTheTopResultsInRankOrder()
    {
        var expected = Ids("chỉ thị 05", 4);

        var list = _composer.Compose(new CitationRequest([], "chỉ thị 05", SearchFilter.None, MaxResults: 4), Ct);

        Assert.Equal(expected, list.Citations.Select(c => c.DocumentId));
    }

    [Fact]
    public void Compose_Reference_QuotesEverySentenceThatMentionsIt()
    {
        var mentions = _mentions.Find("Chỉ thị 05", SearchFilter.None, 100, "", Ct).Mentions;
        var ids = mentions.Select(m => m.Document.Id).Distinct().ToList();

        var list = _composer.Compose(new CitationRequest(ids, "", SearchFilter.None, Reference: "Chỉ thị 05", Style: "markdown"), Ct);

        foreach (var citation in list.Citations)
        {
            var document = archive.Index.Engine.GetDocument(citation.DocumentId);
            var sentences = mentions.Where(m => m.Document.Id == citation.DocumentId).Select(m => m.Mention.Sentence).Distinct().ToList();
            Assert.Equal(sentences, citation.Quotes.Select(q => q.Text));
            Assert.All(citation.Quotes, q => Assert.Equal(q.Text, document.Text[q.Start..q.End]));
            Assert.All(citation.Quotes, q => Assert.Contains($"> {q.Text[..20]}", list.Formatted, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Compose_ReferenceNeverCited_QuotesNothing()
    {
        var list = _composer.Compose(new CitationRequest(Ids("", 1), "", SearchFilter.None, Reference: "Chỉ thị 99-CT/TW"), Ct);

        Assert.Empty(Assert.Single(list.Citations).Quotes);
    }

    [Fact]
    public void Compose_UnknownId_IsNotFound()
    {
        Assert.Throws<DocumentNotFoundException>(() => _composer.Compose(new CitationRequest([Ids("", 1)[0], "no/such-report"], "", SearchFilter.None), Ct));
    }

    [Theory]
    [InlineData("document_ids", "", "", "", 0)]
    [InlineData("style", "x", "", "apa", 0)]
    [InlineData("max_results", "", "chỉ thị", "", 101)]
    [InlineData("max_results", "", "chỉ thị", "", -1)]
    [InlineData("reference", "", "chỉ thị", "", 0, "hello")]
    [InlineData("query", "x", "chỉ thị", "", 0)]
    [InlineData("document_ids[0]", " ", "", "", 0)]
    public void Compose_BadRequest_NamesTheField(string field, string id, string query, string style, int max, string reference = "")
    {
        string[] ids = id.Length > 0 ? [id] : [];

        var error = Assert.Throws<InvalidRequestException>(() => _composer.Compose(new CitationRequest(ids, query, SearchFilter.None, reference, style, max), Ct));

        Assert.Equal(field, error.Field);
    }

    private List<string> Ids(string query, int count) =>
        archive.Index.Engine.Search(new SearchQuery(query, SearchFilter.None, [], PageSize: count), Ct).Hits.Select(h => h.Document.Id).ToList();
}
