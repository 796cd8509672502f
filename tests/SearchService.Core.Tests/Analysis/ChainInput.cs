using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Inputs in NFD with CRLF line ends, and the start of the chain that reads them.</summary>
internal static class ChainInput
{
    /// <summary>The text decomposed (NFD) with "\r\n" line ends, as some reports and typed queries come.</summary>
    public static string NfdCrLf(string text) => text.Normalize(NormalizationForm.FormD).Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>Char filter, tokenizer and lower-casing over <paramref name="text"/>.</summary>
    public static TokenStream Lowered(string text)
        => new LowerCaseFilter(VietnameseAnalyzers.Version, new VietnameseTokenizer(new VietnameseNormalizationCharFilter(new StringReader(text))));

    /// <summary>Start and end of the decomposed <paramref name="word"/> in <paramref name="original"/>.</summary>
    public static (int Start, int End) Span(string original, string word, int occurrence = 0)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = original.IndexOf(decomposed, start + 1, StringComparison.Ordinal);
        }

        return (start, start + decomposed.Length);
    }
}
