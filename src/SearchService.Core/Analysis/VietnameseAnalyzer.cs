using Lucene.Net.Analysis;

namespace SearchService.Core.Analysis;

/// <summary>
/// The Vietnamese analysis chain for one field form. Order:
/// <list type="number">
/// <item><see cref="VietnameseNormalizationCharFilter"/>: NFC and "\n" (length changes, so offsets are corrected);</item>
/// <item><see cref="VietnameseTokenizer"/>: syllables, numbers, whole document symbols;</item>
/// <item><see cref="RomanNumeralFilter"/> (exact and folded forms): "IV" also as "4", stacked (needs capitals, so before lower-casing);</item>
/// <item><see cref="VietnameseLowerCaseFilter"/> (culture-independent, Đ → đ);</item>
/// <item><see cref="VietnameseToneFilter"/>: one tone placement (needs NFC, before any dictionary or folding);</item>
/// <item><see cref="DocumentSymbolFilter"/>: normalised symbol plus its parts (needs lower case);</item>
/// <item><see cref="VietnameseFoldingFilter"/> for the folded and pair forms;</item>
/// <item><see cref="SyllablePairFilter"/> (adjacent pairs, without single syllables) for the pair form;</item>
/// <item>for the word form, <see cref="VietnameseWordFilter"/> (dictionary longest match) before folding.</item>
/// </list>
/// Nothing is removed: stopwords and abbreviations are handled when the query is built
/// (the query planner), so phrase positions stay those of the text.
/// </summary>
public sealed class VietnameseAnalyzer(VietnameseForm form, VietnameseLexicon? lexicon = null) : Analyzer
{
    /// <summary>The form this analyzer produces.</summary>
    public VietnameseForm Form { get; } = form;

    /// <summary>The word list of the <see cref="VietnameseForm.Words"/> form.</summary>
    public VietnameseLexicon Lexicon { get; } = lexicon ?? VietnameseLexicon.Empty;

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new VietnameseTokenizer(reader);
        TokenStream stream = source;
        if (Form is VietnameseForm.Exact or VietnameseForm.Folded)
        {
            stream = new RomanNumeralFilter(stream);
        }

        stream = new VietnameseLowerCaseFilter(stream);
        stream = new VietnameseToneFilter(stream);
        stream = new DocumentSymbolFilter(stream, keepWhole: Form is VietnameseForm.Exact or VietnameseForm.Folded);
        if (Form == VietnameseForm.Words)
        {
            stream = new VietnameseWordFilter(stream, Lexicon);
        }

        if (Form != VietnameseForm.Exact)
        {
            stream = new VietnameseFoldingFilter(stream);
        }

        if (Form == VietnameseForm.Pairs)
        {
            stream = new SyllablePairFilter(stream);
        }

        return new TokenStreamComponents(source, stream);
    }

    /// <inheritdoc/>
    protected override TextReader InitReader(string fieldName, TextReader reader)
        => new VietnameseNormalizationCharFilter(reader);
}
