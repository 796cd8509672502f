using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Splits Vietnamese text into syllables (runs of letters and digits; Vietnamese writes words
/// syllable by syllable with spaces between), numbers ("19.738.179", "95,06") and whole document symbols
/// ("05-CT/TW", "08 - NQ/TU", "15/2020/NĐ-CP", "5140/QĐ-UBND"), typed <see cref="TokenTypes.Symbol"/>
/// so that <see cref="DocumentSymbolFilter"/> can normalise them and add their parts.
/// </summary>
/// <remarks>
/// Offsets are corrected through the char filter in front of it. The analysed values are single reports,
/// so the tokenizer reads its input whole at <see cref="Reset"/>.
/// </remarks>
public sealed partial class VietnameseTokenizer : Tokenizer
{
    /// <summary>Longer runs are cut, as StandardTokenizer does.</summary>
    public const int MaxTokenLength = 255;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private char[] _text = [];
    private int _length;
    private int _position;

    /// <summary>Reads <paramref name="input"/>.</summary>
    public VietnameseTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        // No ClearAttributes(): Emit sets every attribute of the chain, and Lucene.Net's ClearAttributes
        // costs more than the tokenizing itself.
        while (_position < _length && !IsWordChar(_text[_position]))
        {
            _position++;
        }

        if (_position >= _length)
        {
            return false;
        }

        var start = _position;
        if (char.IsDigit(_text[start]) && TryMatchSymbol(start, out var symbolEnd))
        {
            Emit(start, symbolEnd, TokenTypes.Symbol);
            return true;
        }

        var end = start;
        var numeric = true;
        while (end < _length)
        {
            var c = _text[end];
            if (IsWordChar(c))
            {
                numeric &= char.IsDigit(c);
                end++;
            }
            else if (numeric && (c is '.' or ',') && end + 1 < _length && char.IsDigit(_text[end + 1]) && end > start)
            {
                // Grouped and decimal numbers stay whole: "19.738.179", "95,06".
                end++;
            }
            else
            {
                break;
            }
        }

        Emit(start, end, numeric ? TokenTypes.Number : TokenTypes.Word);
        return true;
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _length = 0;
        _position = 0;
        var buffer = _text.Length == 0 ? new char[4096] : _text;
        int read;
        while ((read = m_input.Read(buffer, _length, buffer.Length - _length)) > 0)
        {
            _length += read;
            if (_length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        _text = buffer;
    }

    private void Emit(int start, int end, string type)
    {
        _position = end;
        var length = Math.Min(end - start, MaxTokenLength);
        _term.CopyBuffer(_text, start, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        _positionIncrement.PositionIncrement = 1;
        _type.Type = type;
    }

    private bool TryMatchSymbol(int start, out int end)
    {
        end = start;
        if (start > 0 && IsWordChar(_text[start - 1]))
        {
            return false;
        }

        // Every symbol has a '-' or '/' after its first digits; most numbers (dates excepted) have not.
        var next = start;
        while (next < _length && char.IsDigit(_text[next]))
        {
            next++;
        }

        while (next < _length && _text[next] is ' ' or '\t' or '\u00A0')
        {
            next++;
        }

        if (next >= _length || _text[next] is not ('-' or '–' or '/'))
        {
            return false;
        }

        // A symbol is short; looking at a small window keeps the regex cheap.
        var window = Math.Min(_length - start, 48);
        foreach (var match in SymbolPattern().EnumerateMatches(_text.AsSpan(start, window)))
        {
            end = start + match.Length;
            return end >= _length || !IsWordChar(_text[end]);
        }

        return false;
    }

    // Letters, digits and combining marks; a table for the Latin ranges Vietnamese lives in.
    private static readonly bool[] WordChars = BuildWordChars();

    private static bool IsWordChar(char c) => c < WordChars.Length ? WordChars[c] : IsWordCharSlow(c);

    private static bool IsWordCharSlow(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool[] BuildWordChars()
    {
        var table = new bool[0x2000];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = IsWordCharSlow((char)c);
        }

        return table;
    }

    // Party style "05-CT/TW", "08 - NQ/TU", "01-CTr/QU"; State style "15/2020/NĐ-CP", "5140/QĐ-UBND";
    // Party style without issuer "703-QĐ" (capitals required there, so "5-sao" stays two words).
    [GeneratedRegex(@"\A(?:\d{1,5}[ \t\u00A0]*[-–][ \t\u00A0]*\p{L}{1,6}[ \t\u00A0]*/[ \t\u00A0]*\p{L}{1,8}(?:-\p{L}{1,8})?|\d{1,5}(?:/\d{4})?/\p{L}{1,8}-\p{L}{1,10}|\d{1,5}-\p{Lu}\p{Lu}\p{L}{0,3}(?![\p{L}\d/]))")]
    private static partial Regex SymbolPattern();
}
