using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

public sealed class UserQueryParserTests
{
    [Fact]
    public void Parse_FreeWords_FormOneRunInOrder()
    {
        var query = UserQueryParser.Parse("  chỉ thị   05 ");

        var part = Assert.Single(query.Parts);
        Assert.Equal(new QueryPart("chỉ thị 05", IsPhrase: false, IsExcluded: false), part);
    }

    [Fact]
    public void Parse_PhrasesAndExclusions_AreSeparateParts()
    {
        var query = UserQueryParser.Parse("dân vận \"xây dựng Đảng\" -\"giải phóng mặt bằng\" -covid khéo");

        Assert.Equal(
            [
                new QueryPart("dân vận khéo", false, false),
                new QueryPart("xây dựng Đảng", true, false),
                new QueryPart("giải phóng mặt bằng", true, true),
                new QueryPart("covid", false, true),
            ],
            query.Parts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("-")]
    [InlineData("- +")]
    public void Parse_NothingToSearch_IsEmpty(string text)
    {
        Assert.True(UserQueryParser.Parse(text).IsEmpty);
    }

    [Fact]
    public void Parse_UnclosedQuote_RunsToTheEnd()
    {
        var query = UserQueryParser.Parse("ubnd \"hội đồng nhân dân");

        Assert.Equal([new QueryPart("ubnd", false, false), new QueryPart("hội đồng nhân dân", true, false)], query.Parts);
    }

    [Fact]
    public void Parse_HyphenInsideAWord_IsNotAnExclusion()
    {
        var query = UserQueryParser.Parse("05-CT/TW 15/2020/NĐ-CP");

        Assert.Equal([new QueryPart("05-CT/TW 15/2020/NĐ-CP", false, false)], query.Parts);
    }

    [Fact]
    public void Parse_TypographicQuotes_MakeAPhrase()
    {
        var query = UserQueryParser.Parse("“dân vận khéo”");

        Assert.Equal([new QueryPart("dân vận khéo", true, false)], query.Parts);
    }

    [Theory]
    [InlineData("title:(foo")]
    [InlineData("a* b? c~2 d^3 [x TO y] {a} \\ // && || !")]
    [InlineData("\"\"\"\"\"-\"-")]
    public void Parse_LuceneSyntax_IsPlainText(string text)
    {
        var query = UserQueryParser.Parse(text);

        Assert.All(query.Parts, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
    }
}
