using System.Text.Json;
using System.Text.RegularExpressions;
using SearchService.Core.Citations;
using SearchService.Core.Documents;
using SearchService.Core.Errors;
using static SearchService.Core.Tests.Citations.CitationDocuments;

namespace SearchService.Core.Tests.Citations;

public sealed class CitationBuilderTests
{
    private readonly CitationBuilder _builder = new(new FixedClock(Now));

    [Fact]
    public void Build_TextStyle_NamesTheWardPortalDateAndUrl()
    {
        var document = Document("long-bien/cu-khoi-2018");

        var citation = Assert.Single(_builder.Build([document], CitationStyle.Text).Citations);

        Assert.Equal(
            "“Phường tổng kết công tác xây dựng Đảng”, Cổng thông tin phường Cự Khối, quận Long Biên, đăng ngày 09/01/2019, "
            + "https://cukhoi.longbien.hanoi.gov.vn/tin-tuc/bai-1, truy cập ngày 29/11/2026.",
            citation.Text);
    }

    [Fact]
    public void Build_TextStyle_WithoutWardOrUrl_NamesTheDistrictPortalAndTheSourceFile()
    {
        var document = Document("long-bien/quan-2019", ward: "", url: "");

        var text = _builder.Build([document], CitationStyle.Text).Citations[0].Text;

        Assert.Contains("Cổng thông tin quận Long Biên,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("phường", text, StringComparison.Ordinal);
        Assert.Contains("nguồn: long-bien/quan-2019.txt", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PublishedLateEveningUtc_UsesTheHanoiDay()
    {
        // 20:00 UTC on 8 January is 03:00 on 9 January in Hanoi, the date the portal shows.
        var document = Document("a", published: new DateTimeOffset(2019, 1, 8, 20, 0, 0, TimeSpan.Zero));

        var list = _builder.Build([document], CitationStyle.CslJson);

        using var json = JsonDocument.Parse(list.Formatted);
        Assert.Equal("[[2019,1,9]]", json.RootElement[0].GetProperty("issued").GetProperty("date-parts").GetRawText());
        Assert.Contains("đăng ngày 09/01/2019", _builder.Build([document], CitationStyle.Text).Formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameIdTwice_CitesItOnceWhereItFirstAppears()
    {
        var list = _builder.Build([Document("b"), Document("a"), Document("b")], CitationStyle.Text);

        Assert.Equal(["b", "a"], list.Citations.Select(c => c.DocumentId));
        Assert.StartsWith("[1] ", list.Formatted, StringComparison.Ordinal);
        Assert.Contains("\n[2] ", list.Formatted, StringComparison.Ordinal);
        Assert.DoesNotContain("[3]", list.Formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoMentionsInOneSentence_QuoteTheSentenceOnceWithItsOffsets()
    {
        var document = WithMentions("a");

        var quotes = _builder.Build([document], CitationStyle.Text, [DirectiveKey, PlenumKey]).Citations[0].Quotes;

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal(q.Text, document.Text[q.Start..q.End]));
        Assert.Equal(0, quotes[0].Start);
        Assert.Equal(PlenumKey, quotes[0].Key);
        Assert.StartsWith("Năm tới", quotes[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OnlyTheGivenKeys_AreQuoted()
    {
        var quotes = _builder.Build([WithMentions("a")], CitationStyle.Text, [PlenumKey]).Citations[0].Quotes;

        var quote = Assert.Single(quotes);
        Assert.Equal(PlenumKey, quote.Key);
        Assert.Empty(_builder.Build([WithMentions("a")], CitationStyle.Text).Citations[0].Quotes);
    }

    [Fact]
    public void Build_Markdown_IsANumberedListWithQuotesAsBlockquotesInsideTheItems()
    {
        var list = _builder.Build([WithMentions("a"), Document("b", title: "Tiêu đề *quan trọng* [1]")], CitationStyle.Markdown, [DirectiveKey]);

        var lines = list.Formatted.Split('\n');
        Assert.StartsWith("1. **Phường tổng kết", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.StartsWith("   > ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("2. **Tiêu đề \\*quan trọng\\* \\[1\\]**", StringComparison.Ordinal));
        Assert.Contains("<https://cukhoi.longbien.hanoi.gov.vn/tin-tuc/bai-1>", list.Formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CslJson_HasTheFieldsZoteroAndPandocRead()
    {
        var list = _builder.Build([WithMentions("a"), Document("b", url: "", category: "", published: null)], CitationStyle.CslJson, [DirectiveKey]);

        using var json = JsonDocument.Parse(list.Formatted);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.Equal("article-newspaper", first.GetProperty("type").GetString());
        Assert.Equal("Phường tổng kết công tác xây dựng Đảng", first.GetProperty("title").GetString());
        Assert.Equal("Cổng thông tin phường Cự Khối, quận Long Biên", first.GetProperty("container-title").GetString());
        Assert.Equal("[[2019,1,9]]", first.GetProperty("issued").GetProperty("date-parts").GetRawText());
        Assert.Equal("[[2026,11,29]]", first.GetProperty("accessed").GetProperty("date-parts").GetRawText());
        Assert.Equal("https://cukhoi.longbien.hanoi.gov.vn/tin-tuc/bai-1", first.GetProperty("URL").GetString());
        Assert.Contains("Năm tới tiếp tục thực hiện Chỉ thị 05.", first.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("webpage", items[1].GetProperty("type").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), items[1].GetProperty("id").GetString());
        using var single = JsonDocument.Parse(list.Citations[0].Text);
        Assert.Equal(first.GetProperty("id").GetString(), single.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Build_Bibtex_EscapesLatexSpecialsAndKeepsVietnamese()
    {
        var document = Document("a", title: "Lãi 5% & phí #1 $ {x} _y ~ ^ \\ Đảng");

        var entry = _builder.Build([document], CitationStyle.Bibtex).Citations[0].Text;

        Assert.Contains(@"title = {Lãi 5\% \& phí \#1 \$ \{x\} \_y \textasciitilde{} \textasciicircum{} \textbackslash{} Đảng}", entry, StringComparison.Ordinal);
        Assert.StartsWith("@online{cu-khoi-2019-", entry, StringComparison.Ordinal);
        Assert.Contains("author = {{Cổng thông tin phường Cự Khối, quận Long Biên}}", entry, StringComparison.Ordinal);
        Assert.Contains("urldate = {2026-11-29}", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BibtexWithoutUrl_IsAMiscEntryNamingTheArchiveFile()
    {
        var entry = _builder.Build([Document("long-bien/x_1", url: "")], CitationStyle.Bibtex).Citations[0].Text;

        Assert.StartsWith("@misc{", entry, StringComparison.Ordinal);
        Assert.Contains(@"howpublished = {Lưu trữ: long-bien/x\_1.txt}", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Keys_AreStableAndUniqueForOneWardAndYear()
    {
        var documents = Enumerable.Range(0, 200).Select(i => Document($"long-bien/cu-khoi-{i}")).ToList();

        var keys = _builder.Build(documents, CitationStyle.CslJson).Citations.Select(c => KeyOf(c.Text)).ToList();
        var again = _builder.Build(documents.AsEnumerable().Reverse().ToList(), CitationStyle.CslJson).Citations.Select(c => KeyOf(c.Text)).Reverse().ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys, again);
        Assert.All(keys, k => Assert.Matches("^cu-khoi-2019-[0-9a-f]{6}$", k));
    }

    [Fact]
    public void Build_NoPlaceOrDate_KeyFallsBackToDocAndNd()
    {
        var document = Document("x", ward: "", district: "", url: "") with { PublishedAt = null };

        var entry = _builder.Build([document], CitationStyle.Bibtex).Citations[0].Text;

        Assert.Matches(new Regex(@"^@misc\{doc-nd-[0-9a-f]{6},"), entry);
        Assert.DoesNotContain("author", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("date", entry.Replace("urldate", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", CitationStyle.Text)]
    [InlineData("text", CitationStyle.Text)]
    [InlineData("markdown", CitationStyle.Markdown)]
    [InlineData("csl_json", CitationStyle.CslJson)]
    [InlineData("bibtex", CitationStyle.Bibtex)]
    public void ParseStyle_KnownNames_AreRead(string name, CitationStyle expected)
    {
        Assert.Equal(expected, CitationStyles.Parse(name));
    }

    [Fact]
    public void ParseStyle_UnknownName_IsRefusedOnTheStyleField()
    {
        var error = Assert.Throws<InvalidRequestException>(() => CitationStyles.Parse("apa"));

        Assert.Equal("style", error.Field);
        Assert.Contains("csl_json", error.Reason, StringComparison.Ordinal);
    }

    private static string KeyOf(string cslItem)
    {
        using var json = JsonDocument.Parse(cslItem);
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
