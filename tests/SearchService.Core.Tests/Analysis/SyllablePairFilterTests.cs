using System.Text;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Shingle;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class SyllablePairFilterTests
{
    [Fact]
    public void Filter_Syllables_AdjacentPairsWithOffsets()
    {
        var stream = new SyllablePairFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version, new StringReader("tổ dân phố văn hoá")));

        AssertTokenStreamContents(stream,
            ["tổ dân", "dân phố", "phố văn", "văn hoá"],
            startOffsets: [0, 3, 7, 11],
            endOffsets: [6, 10, 14, 18],
            positionIncrements: [1, 1, 1, 1],
            types: [SyllablePairFilter.PairType, SyllablePairFilter.PairType, SyllablePairFilter.PairType, SyllablePairFilter.PairType],
            finalOffset: 18);
    }

    [Fact]
    public void Filter_OneSyllable_NoPair()
    {
        var stream = new SyllablePairFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version, new StringReader(" phường ")));

        AssertTokenStreamContents(stream, [], finalOffset: 8);
    }

    [Fact]
    public void Filter_AfterReset_DoesNotPairAcrossValues()
    {
        var tokenizer = new WhitespaceTokenizer(VietnameseAnalyzers.Version, new StringReader("hội đồng"));
        var stream = new SyllablePairFilter(tokenizer);
        AssertTokenStreamContents(stream, ["hội đồng"]);

        tokenizer.SetReader(new StringReader("nhân dân"));

        AssertTokenStreamContents(stream, ["nhân dân"], startOffsets: [0], endOffsets: [8]);
    }

    [Fact]
    public void Filter_RandomText_SameAsShingleFilter()
    {
        var random = new Random(42);
        string[] syllables = ["uỷ", "ban", "nhân", "dân", "phường", "a", "thường", "trực", "hội", "đồng", "2018", "xây", "dựng", "Đảng"];
        for (var round = 0; round < 100; round++)
        {
            var text = new StringBuilder();
            for (var i = 0; i < random.Next(0, 40); i++)
            {
                text.Append(syllables[random.Next(syllables.Length)]).Append(random.Next(4) == 0 ? "  " : " ");
            }

            var ours = Tokens(new SyllablePairFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version, new StringReader(text.ToString()))));
            var shingles = new ShingleFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version, new StringReader(text.ToString())), 2, 2);
            shingles.SetOutputUnigrams(false);
            var theirs = Tokens(shingles);

            Assert.Equal(theirs.Select(t => (t.Term, t.Start, t.End)), ours.Select(t => (t.Term, t.Start, t.End)));
        }
    }
}
