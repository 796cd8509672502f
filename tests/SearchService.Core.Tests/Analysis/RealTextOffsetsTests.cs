using System.Text.Json;
using SearchService.Core.Analysis;
using SearchService.Core.Text;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

/// <summary>The chain on real text read at test time (seeds and the corpus in ../shared, never copied).</summary>
public sealed class RealTextOffsetsTests
{
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = VietnameseAnalyzers.CreatePerFieldAnalyzer();

    [Fact]
    public void Analyze_SeedReports_EveryWordOffsetCutsOutItsTerm()
    {
        TestPaths.RequireSeeds();

        foreach (var path in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            AssertOffsetsCutOutTerms(File.ReadAllText(path));
        }
    }

    [Fact]
    public void Analyze_CorpusIncludingNonNfcDocuments_EveryWordOffsetCutsOutItsTerm()
    {
        TestPaths.RequireCorpus();
        var nonNfc = 0;

        // The first 300 documents and every document not in NFC (65 of them in the whole file).
        foreach (var (line, index) in File.ReadLines(TestPaths.Corpus).Select((l, i) => (l, i)))
        {
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString() ?? "";
            var normalized = text.IsNormalized(System.Text.NormalizationForm.FormC);
            nonNfc += normalized ? 0 : 1;
            if (index < 300 || !normalized)
            {
                AssertOffsetsCutOutTerms(text);
            }
        }

        Assert.True(nonNfc > 0, "the corpus was expected to hold non-NFC documents");
    }

    private void AssertOffsetsCutOutTerms(string text)
    {
        foreach (var field in AnalyzedFields.TextFields)
        {
            var tokens = Tokens(_analyzer, field, text);
            foreach (var token in tokens)
            {
                Assert.InRange(token.Start, 0, text.Length);
                Assert.InRange(token.End, token.Start, text.Length);
                if (token.Increment == 0 || token.Type is not (TokenTypes.Word or TokenTypes.Number))
                {
                    continue;
                }

                var original = VietnameseText.Normalize(text[token.Start..token.End]).ToLowerInvariant();
                Assert.Equal(AnalyzedFields.IsFolded(field) ? VietnameseText.Fold(original) : original, token.Term);
            }
        }
    }
}
