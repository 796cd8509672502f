using Lucene.Net.Index;
using SearchService.Core.Analysis;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>Snippets of long reports: the first part is read first, the rest only when it holds no match.</summary>
public sealed class SnippetBuilderTests
{
    private static readonly HashSet<Term> Khuyen = [new Term(AnalyzedFields.Text, "khuyến")];

    [Fact]
    public void Build_LongReportMatchingOnlyFarIn_HighlightsThatMatch()
    {
        var text = string.Concat(Enumerable.Repeat("Phường tổ chức hội nghị sơ kết công tác năm. ", 1000)) + "Hội khuyến học phường trao 50 suất học bổng.";

        var snippets = new SnippetBuilder().Build(text, Khuyen);

        var snippet = Assert.Single(snippets);
        Assert.True(snippet.DocumentOffset > 20_000, $"snippet at {snippet.DocumentOffset}");
        var highlight = Assert.Single(snippet.Highlights);
        Assert.Equal("khuyến", snippet.Text[highlight.Start..highlight.End]);
    }

    [Fact]
    public void Build_LongReportMatchingEarly_ShowsTheEarlyMatch()
    {
        var filler = string.Concat(Enumerable.Repeat("Phường tổ chức hội nghị sơ kết công tác năm. ", 1000));
        var text = "Hội khuyến học phường ra mắt. " + filler + "Hội khuyến học trao học bổng.";

        var snippets = new SnippetBuilder().Build(text, Khuyen);

        Assert.Equal(0, snippets[0].DocumentOffset);
        Assert.NotEmpty(snippets[0].Highlights);
    }
}
