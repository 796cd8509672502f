using System.Text;
using SearchService.Core.Analysis;
using SearchService.Core.Text;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseAnalyzerTests
{
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = VietnameseAnalyzers.CreatePerFieldAnalyzer();

    [Fact]
    public void Exact_MixedCaseAndTonePlacement_LowerCaseOneSpelling()
    {
        AssertAnalyzesTo(_analyzer, AnalyzedFields.Text, "ĐẢNG ỦY Hòa Bình",
            ["đảng", "uỷ", "hoà", "bình"],
            startOffsets: [0, 5, 8, 12],
            endOffsets: [4, 7, 11, 16],
            positionIncrements: [1, 1, 1, 1]);
    }

    [Fact]
    public void Folded_Title_NoDiacritics()
    {
        AssertAnalyzesTo(_analyzer, AnalyzedFields.TitleFolded, "Chỉ thị 05-CT/TƯ của Đảng ủy",
            ["chi", "thi", "05-ct/tw", "05", "ct", "tu", "cua", "dang", "uy"],
            positionIncrements: [1, 1, 1, 0, 1, 1, 1, 1, 1]);
    }

    [Fact]
    public void Pairs_Text_AdjacentSyllablesFolded()
    {
        AssertAnalyzesTo(_analyzer, AnalyzedFields.TextPairs, "Tổ dân phố 05-CT/TW",
            ["to dan", "dan pho", "pho 05", "05 ct", "ct tw"],
            startOffsets: [0, 3, 7, 11, 14],
            endOffsets: [6, 10, 13, 16, 19]);
    }

    [Fact]
    public void Exact_NfdInput_OffsetsPointIntoOriginal()
    {
        var nfd = "Ủy ban nhân dân phường Cự Khối".Normalize(NormalizationForm.FormD);

        var tokens = Tokens(_analyzer, AnalyzedFields.Text, nfd);

        Assert.Equal(["uỷ", "ban", "nhân", "dân", "phường", "cự", "khối"], tokens.Select(t => t.Term));
        foreach (var token in tokens)
        {
            var original = nfd[token.Start..token.End];
            Assert.Equal(token.Term, VietnameseText.Normalize(original).ToLowerInvariant());
        }
    }

    [Fact]
    public void Exact_CrLfInput_OffsetsPointIntoOriginal()
    {
        const string text = "Đảng bộ\r\nphường Ngọc Thụy\r\n\r\nnăm 2018";

        AssertAnalyzesTo(_analyzer, AnalyzedFields.Text, text,
            ["đảng", "bộ", "phường", "ngọc", "thuỵ", "năm", "2018"],
            startOffsets: [0, 5, 9, 16, 21, 29, 33],
            endOffsets: [4, 7, 15, 20, 25, 32, 37]);
    }

    [Fact]
    public void OtherField_KeywordAnalyzer_WholeValue()
    {
        AssertAnalyzesTo(_analyzer, "id", "long-bien/cu-khoi/2019-01", ["long-bien/cu-khoi/2019-01"]);
    }

    [Fact]
    public void AllForms_RandomText_OffsetsCoverTheirTerm()
    {
        // Random Vietnamese-like text in NFC, NFD, with CRLF and punctuation: every token's offsets must
        // cut out of the original text exactly the characters it was made from.
        var random = new Random(20261129);
        string[] pieces = ["Đảng", "ủy", "hòa", "thuỷ", "Chỉ", "thị", "05-CT/TW", "08 - NQ/TƯ", "15/2020/NĐ-CP", "năm", "2018", "95,06%", "“", "”", ", ", ". ", "\r\n", "\n", " ", "  ", "-", "/"];
        for (var round = 0; round < 200; round++)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < random.Next(1, 30); i++)
            {
                var piece = pieces[random.Next(pieces.Length)];
                builder.Append(random.Next(3) == 0 ? piece.Normalize(NormalizationForm.FormD) : piece);
                builder.Append(random.Next(2) == 0 ? " " : "");
            }

            var text = builder.ToString();
            foreach (var field in AnalyzedFields.TextFields)
            {
                AssertOffsetsValid(field, text);
            }
        }
    }

    private void AssertOffsetsValid(string field, string text)
    {
        var stream = _analyzer.GetTokenStream(field, text);
        var tokens = Tokens(stream);
        foreach (var token in tokens)
        {
            Assert.InRange(token.Start, 0, text.Length);
            Assert.InRange(token.End, token.Start, text.Length);
            if (field == AnalyzedFields.Text && token.Type is TokenTypes.Word or TokenTypes.Number)
            {
                Assert.Equal(token.Term, VietnameseText.Normalize(text[token.Start..token.End]).ToLowerInvariant());
            }
        }
    }
}
