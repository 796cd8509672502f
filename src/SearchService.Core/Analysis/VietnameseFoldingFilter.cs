using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// Removes tone and vowel marks and maps "đ" to "d" ("chỉ thị" → "chi thi"): the form of the folded
/// fields, which queries typed without diacritics match. Length-preserving, offsets untouched.
/// </summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>, which must deliver NFC terms.</summary>
    public VietnameseFoldingFilter(TokenStream input)
        : base(input)
        => _term = AddAttribute<ICharTermAttribute>();

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        VietnameseText.FoldInPlace(_term.Buffer.AsSpan(0, _term.Length));
        return true;
    }
}
