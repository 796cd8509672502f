using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>
/// The tokens of one text through the exact chain, analysed once and replayed for each form of the
/// text: the exact form as it is, the folded form through <see cref="VietnameseFoldingFilter"/>, the
/// pair form through folding and <see cref="SyllablePairFilter"/>. Each replay gives exactly the tokens
/// the form's own <see cref="VietnameseAnalyzer"/> gives, at a third of the tokenizing cost: indexing
/// three forms used to run the char filter, tokenizer and five filters three times per text.
/// </summary>
/// <remarks>
/// The forms differ only at the end of the chain, except that the pair form has no Roman-numeral
/// values (stacked <see cref="TokenTypes.Number"/> tokens at increment 0) and no whole document symbols
/// (only their parts, the first part taking the symbol's position). The replay for pairs drops those.
/// </remarks>
public sealed class AnalyzedText
{
    private static readonly VietnameseAnalyzer ExactAnalyzer = new(VietnameseForm.Exact);

    private char[] _chars;
    private int[] _termStarts;
    private int[] _termLengths;
    private int[] _startOffsets;
    private int[] _endOffsets;
    private int[] _increments;
    private string[] _types;
    private int _charCount;
    private int _finalOffset;

    // Sized for the text: Vietnamese syllables average under five characters with their spaces.
    private AnalyzedText(int textLength)
    {
        var tokens = Math.Max(16, textLength / 4);
        _chars = new char[Math.Max(64, textLength)];
        _termStarts = new int[tokens];
        _termLengths = new int[tokens];
        _startOffsets = new int[tokens];
        _endOffsets = new int[tokens];
        _increments = new int[tokens];
        _types = new string[tokens];
    }

    /// <summary>The number of tokens of the exact form.</summary>
    public int Count { get; private set; }

    /// <summary>Runs the exact chain over <paramref name="text"/> once.</summary>
    public static AnalyzedText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new AnalyzedText(text.Length);
        using var stream = ExactAnalyzer.GetTokenStream(AnalyzedFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(term.Buffer.AsSpan(0, term.Length), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, type.Type);
        }

        stream.End();
        result._finalOffset = offset.EndOffset;
        return result;
    }

    /// <summary>The token stream of <paramref name="form"/> (exact, folded or pairs).</summary>
    public TokenStream Stream(VietnameseForm form) => form switch
    {
        VietnameseForm.Exact => new Replay(this, forPairs: false),
        VietnameseForm.Folded => new VietnameseFoldingFilter(new Replay(this, forPairs: false)),
        VietnameseForm.Pairs => new SyllablePairFilter(new VietnameseFoldingFilter(new Replay(this, forPairs: true))),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "only the exact, folded and pair forms are replayed"),
    };

    private void Add(ReadOnlySpan<char> term, int start, int end, int increment, string type)
    {
        if (Count == _termStarts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _termStarts, size);
            Array.Resize(ref _termLengths, size);
            Array.Resize(ref _startOffsets, size);
            Array.Resize(ref _endOffsets, size);
            Array.Resize(ref _increments, size);
            Array.Resize(ref _types, size);
        }

        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _termStarts[Count] = _charCount;
        _termLengths[Count] = term.Length;
        _startOffsets[Count] = start;
        _endOffsets[Count] = end;
        _increments[Count] = increment;
        _types[Count] = type;
        _charCount += term.Length;
        Count++;
    }

    /// <summary>Plays the captured tokens back; for pairs, without Roman values and whole symbols.</summary>
    private sealed class Replay : TokenStream
    {
        private readonly AnalyzedText _text;
        private readonly bool _forPairs;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private readonly ITypeAttribute _type;
        private int _next;
        private int _carriedIncrement;

        public Replay(AnalyzedText text, bool forPairs)
        {
            _text = text;
            _forPairs = forPairs;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _type = AddAttribute<ITypeAttribute>();
        }

        public override bool IncrementToken()
        {
            var t = _text;
            while (_next < t.Count)
            {
                var i = _next++;
                var increment = t._increments[i];
                var type = t._types[i];
                if (_forPairs)
                {
                    if (type == TokenTypes.Number && increment == 0)
                    {
                        continue;
                    }

                    if (type == TokenTypes.Symbol)
                    {
                        _carriedIncrement = increment;
                        continue;
                    }

                    if (type == TokenTypes.SymbolPart && increment == 0)
                    {
                        increment = _carriedIncrement;
                    }
                }

                // Every attribute of the chain is set below; Lucene.Net's ClearAttributes was a tenth of indexing time.
                _term.CopyBuffer(t._chars, t._termStarts[i], t._termLengths[i]);
                _offset.SetOffset(t._startOffsets[i], t._endOffsets[i]);
                _increment.PositionIncrement = increment;
                _type.Type = type;
                return true;
            }

            return false;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text._finalOffset, _text._finalOffset);
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _carriedIncrement = 0;
        }
    }
}
