using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace SearchService.Core.Analysis;

/// <summary>
/// Dictionary-based word segmentation by longest match: consecutive syllables that form a word of the
/// <see cref="VietnameseLexicon"/> become one token ("xây dựng", offsets from the first syllable's start
/// to the last one's end); other syllables pass as they are. One token per position.
/// </summary>
/// <remarks>Expects lower-cased, tone-normalised syllables without stacked tokens.</remarks>
public sealed class VietnameseWordFilter : TokenFilter
{
    private readonly VietnameseLexicon _lexicon;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly List<(AttributeSource.State State, string Term, int End, bool Word)> _window = [];
    private bool _exhausted;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public VietnameseWordFilter(TokenStream input, VietnameseLexicon lexicon)
        : base(input)
    {
        _lexicon = lexicon;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        while (!_exhausted && _window.Count < Math.Max(1, _lexicon.MaxSyllables))
        {
            if (!m_input.IncrementToken())
            {
                _exhausted = true;
                break;
            }

            _window.Add((CaptureState(), _term.ToString(), _offset.EndOffset, _type.Type == TokenTypes.Word));
        }

        if (_window.Count == 0)
        {
            return false;
        }

        var length = 1;
        if (_window[0].Word)
        {
            var words = _window.TakeWhile(w => w.Word).Select(w => w.Term).ToList();
            length = _lexicon.LongestMatch(words, 0);
        }

        RestoreState(_window[0].State);
        if (length > 1)
        {
            var start = _offset.StartOffset;
            _term.SetEmpty().Append(string.Join(' ', _window.Take(length).Select(w => w.Term)));
            _offset.SetOffset(start, _window[length - 1].End);
        }

        _window.RemoveRange(0, length);
        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _window.Clear();
        _exhausted = false;
    }
}
