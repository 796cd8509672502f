using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace SearchService.Core.Analysis;

/// <summary>Builds the analyzers of the index: one per analyzed field, keyword for the rest.</summary>
public static class VietnameseAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyzer for indexing and querying every field of <see cref="AnalyzedFields"/>.</summary>
    public static Analyzer CreatePerFieldAnalyzer() => CreatePerFieldAnalyzer(null);

    /// <summary>
    /// As <see cref="CreatePerFieldAnalyzer()"/>, and the dictionary-word fields (<see cref="AnalyzedFields.TitleWords"/>,
    /// <see cref="AnalyzedFields.TextWords"/>) segmented with <paramref name="lexicon"/>.
    /// </summary>
    public static Analyzer CreatePerFieldAnalyzer(VietnameseLexicon? lexicon)
    {
        var words = new VietnameseAnalyzer(VietnameseForm.Words, lexicon);
        var exact = new VietnameseAnalyzer(VietnameseForm.Exact);
        var folded = new VietnameseAnalyzer(VietnameseForm.Folded);
        var pairs = new VietnameseAnalyzer(VietnameseForm.Pairs);
        var perField = new Dictionary<string, Analyzer>
        {
            [AnalyzedFields.Title] = exact,
            [AnalyzedFields.Text] = exact,
            [AnalyzedFields.TitleFolded] = folded,
            [AnalyzedFields.TextFolded] = folded,
            [AnalyzedFields.TitlePairs] = pairs,
            [AnalyzedFields.TextPairs] = pairs,
            [AnalyzedFields.TitleWords] = words,
            [AnalyzedFields.TextWords] = words,
        };
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }
}
