using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Adds the Arabic form of a Roman numeral written in capitals ("IV" → "4", stacked at the same position),
/// so that "Nghị quyết Trung ương 4" and "Nghị quyết Trung ương IV", "khóa 12" and "khóa XII" meet.
/// Only I to XXXIX, only in capitals: lower-case "vi", "xi" are Vietnamese syllables.
/// </summary>
/// <remarks>Must run before lower-casing.</remarks>
public sealed class RomanNumeralFilter : TokenFilter
{
    private const int MaxValue = 39;

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private State? _state;
    private string? _pending;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public RomanNumeralFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending);
            _positionIncrement.PositionIncrement = 0;
            _type.Type = TokenTypes.Number;
            _pending = null;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var value = Value(_term.Buffer.AsSpan(0, _term.Length));
        if (value > 0)
        {
            _state = CaptureState();
            _pending = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _state = null;
    }

    /// <summary>The value of a Roman numeral in capitals from 1 to 39, else 0.</summary>
    public static int Value(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 6)
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var current = Digit(text[i]);
            if (current == 0)
            {
                return 0;
            }

            var next = i + 1 < text.Length ? Digit(text[i + 1]) : 0;
            total += current < next ? -current : current;
        }

        // Only the canonical spelling counts (so "IIII" or "VX" are not numerals).
        return total is > 0 and <= MaxValue && Canonical(total).AsSpan().SequenceEqual(text) ? total : 0;
    }

    private static int Digit(char c) => c switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        _ => 0,
    };

    private static string Canonical(int value)
    {
        string[] tens = ["", "X", "XX", "XXX"];
        string[] ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return tens[value / 10] + ones[value % 10];
    }
}
