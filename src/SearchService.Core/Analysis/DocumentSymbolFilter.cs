using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Normalises a document symbol found by <see cref="VietnameseTokenizer"/> ("05 - CT/TƯ" → "05-ct/tw",
/// "5-CT/TW" → "05-ct/tw") and adds its parts ("05", "ct", "tư") as tokens of their own: the first part
/// stacked on the symbol (position increment 0), the next ones at the following positions. So the query
/// "05-CT/TW" matches the one symbol term, and the phrase "chỉ thị 05" matches through the parts.
/// </summary>
/// <remarks>Expects lower-cased terms. Other tokens pass through unchanged.</remarks>
public sealed class DocumentSymbolFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly bool _keepWhole;
    private readonly Queue<(string Text, int Start, int End, int Increment)> _pending = new();
    private State? _state;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    /// <param name="input">The stream, lower-cased.</param>
    /// <param name="keepWhole">False to emit only the parts (for fields that want one token per position).</param>
    public DocumentSymbolFilter(TokenStream input, bool keepWhole = true)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _keepWhole = keepWhole;
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_state);
            var (text, start, end, increment) = _pending.Dequeue();
            _term.SetEmpty().Append(text);
            _offset.SetOffset(start, end);
            _positionIncrement.PositionIncrement = increment;
            _type.Type = TokenTypes.SymbolPart;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_type.Type != TokenTypes.Symbol)
        {
            return true;
        }

        var original = _term.ToString();
        var parts = Parts(original, _offset.StartOffset, _offset.EndOffset);
        if (parts.Count == 0)
        {
            return true;
        }

        var firstIncrement = _positionIncrement.PositionIncrement;
        _state = CaptureState();
        for (var i = 0; i < parts.Count; i++)
        {
            var increment = i == 0 ? (_keepWhole ? 0 : firstIncrement) : 1;
            _pending.Enqueue((parts[i].Text, parts[i].Start, parts[i].End, increment));
        }

        if (!_keepWhole)
        {
            return IncrementToken();
        }

        _term.SetEmpty().Append(Normalize(original));
        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }

    /// <summary>The normalised form of a lower-cased symbol: no spaces, "tư" issuer as "tw", number of at least two digits.</summary>
    public static string Normalize(string symbol)
    {
        var compact = new StringBuilder(symbol.Length);
        foreach (var c in symbol)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c == '–' ? '-' : c);
            }
        }

        var text = compact.ToString();
        var dash = text.IndexOf('-');
        var slash = text.IndexOf('/');
        if (dash > 0 && (slash < 0 || dash < slash))
        {
            // Party style: number-kind/issuer. Leading zeros differ between writers ("5-CT", "05-CT").
            var number = text[..dash].TrimStart('0');
            number = number.PadLeft(2, '0');
            var rest = text[dash..];
            if (rest.EndsWith("/tư", StringComparison.Ordinal))
            {
                rest = rest[..^2] + "tw";
            }

            return number + rest;
        }

        return text;
    }

    private static List<(string Text, int Start, int End)> Parts(string term, int startOffset, int endOffset)
    {
        var parts = new List<(string, int, int)>();
        var exact = endOffset - startOffset == term.Length;
        var i = 0;
        while (i < term.Length)
        {
            if (!char.IsLetterOrDigit(term[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < term.Length && char.IsLetterOrDigit(term[i]))
            {
                i++;
            }

            parts.Add(exact
                ? (term[start..i], startOffset + start, startOffset + i)
                : (term[start..i], startOffset, endOffset));
        }

        return parts;
    }
}
