using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using SearchService.Core.Text;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>Builds the analyzers of the index: one per analyzed field, keyword for the rest.</summary>
public static class VietnameseAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyzer for indexing and querying every field of <see cref="AnalyzedFields"/>.</summary>
    public static Analyzer CreatePerFieldAnalyzer()
    {
        var exact = new VietnameseAnalyzer(folded: false);
        var folded = new VietnameseAnalyzer(folded: true);
        var perField = new Dictionary<string, Analyzer>
        {
            [AnalyzedFields.Title] = exact,
            [AnalyzedFields.Text] = exact,
            [AnalyzedFields.TitleFolded] = folded,
            [AnalyzedFields.TextFolded] = folded,
        };
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    private sealed class VietnameseAnalyzer(bool folded) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ToneFilter(stream, folded);
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class ToneFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly bool _fold;

        public ToneFilter(TokenStream input, bool fold) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _fold = fold;
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var span = _term.Buffer.AsSpan(0, _term.Length);
            VietnameseText.NormalizeToneInPlace(span);
            if (_fold)
            {
                VietnameseText.FoldInPlace(span);
            }

            return true;
        }
    }
}
