using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// Indexing analyses each text once and replays the tokens for the exact, folded and pair fields; every
/// replay must be token for token what the form's own analyzer gives, or queries would stop matching.
/// </summary>
public sealed class AnalyzedTextTests
{
    private static readonly VietnameseForm[] Forms = [VietnameseForm.Exact, VietnameseForm.Folded, VietnameseForm.Pairs];

    [Theory]
    [InlineData("")]
    [InlineData("Đảng")]
    [InlineData("Quán triệt Chỉ thị số 05-CT/TW, Nghị quyết TW4 khóa XII và Đề án số 15-ĐA/QU")]
    [InlineData("Thực hiện Chỉ thị 05 - CT/TƯ và 5140/QĐ-UBND, Nghị quyết Trung ương IV (khoá XI)")]
    [InlineData("Ủy ban nhân dân phường Cự Khối\r\nquận Long Biên: 19.738.179 đồng, 95,06%")]
    [InlineData("Chi\u0309 thi\u0323 NFD text, hoà và hòa, uỷ và ủy, IV V X XII")]
    [InlineData("05-CT/TW")]
    [InlineData("XII")]
    public void Replay_EachForm_SameTokensAsTheFormsAnalyzer(string text) => AssertSameAsAnalyzers(text);

    [Fact]
    public void Replay_SampleArchiveReports_SameTokensAsTheFormsAnalyzers()
    {
        var files = Directory.EnumerateFiles(TestPaths.SampleArchive, "*.txt", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            AssertSameAsAnalyzers(File.ReadAllText(path));
        }
    }

    [Fact]
    public void Replay_CorpusDocuments_SameTokensAsTheFormsAnalyzers()
    {
        TestPaths.RequireCorpus();
        foreach (var line in File.ReadLines(TestPaths.Corpus).Take(200))
        {
            using var json = JsonDocument.Parse(line);
            AssertSameAsAnalyzers(json.RootElement.GetProperty("title").GetString() ?? "");
            AssertSameAsAnalyzers(json.RootElement.GetProperty("text").GetString() ?? "");
        }
    }

    private static void AssertSameAsAnalyzers(string text)
    {
        var analyzed = AnalyzedText.Of(text);
        foreach (var form in Forms)
        {
            using var analyzer = new VietnameseAnalyzer(form);
            var expected = Tokens(analyzer.GetTokenStream("f", text));
            var actual = Tokens(analyzed.Stream(form));
            Assert.True(expected.Count == actual.Count, $"{form}: {expected.Count} tokens expected, {actual.Count} replayed");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i] == actual[i], $"{form}, token {i}: expected {expected[i]}, replayed {actual[i]}");
            }
        }
    }

    private static List<string> Tokens(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            var tokens = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add($"{term} [{offset.StartOffset},{offset.EndOffset}) +{increment.PositionIncrement} {type.Type}");
            }

            stream.End();
            tokens.Add($"end {offset.EndOffset}");
            return tokens;
        }
    }
}
