using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// One tone-mark placement for "oa", "oe", "uy" ("hòa"/"hoà", "ủy"/"uỷ" → "hoà", "uỷ"), so both spellings
/// meet; see <see cref="VietnameseText.NormalizeToneInPlace"/>. Length-preserving, offsets untouched.
/// </summary>
public sealed class VietnameseToneFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>, which must deliver NFC terms.</summary>
    public VietnameseToneFilter(TokenStream input)
        : base(input)
        => _term = AddAttribute<ICharTermAttribute>();

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var term = _term.Buffer.AsSpan(0, _term.Length);
        if (VietnameseText.NeedsToneNormalization(term))
        {
            VietnameseText.NormalizeToneInPlace(term);
        }
        return true;
    }
}
