using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace SearchService.Core.Analysis;

/// <summary>
/// Unicode NFC and "\n" line ends in front of the tokenizer: composes combining marks ("a" + U+0300 →
/// "à") and turns "\r\n" into "\n", recording where the text got shorter so that token offsets still
/// point into the original string (highlights and snippets depend on it).
/// </summary>
/// <remarks>
/// The analysed values are single report texts (kilobytes), so the filter reads its input whole on the
/// first read. Text that is already NFC with "\n" line ends — nearly all of it — passes through untouched.
/// </remarks>
public sealed class VietnameseNormalizationCharFilter : BaseCharFilter
{
    private string? _output;
    private int _position;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public VietnameseNormalizationCharFilter(TextReader input)
        : base(input)
    {
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count)
    {
        _output ??= Normalize(ReadInput());
        var n = Math.Min(count, _output.Length - _position);
        if (n <= 0)
        {
            return 0;
        }

        _output.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override int Read()
    {
        _output ??= Normalize(ReadInput());
        return _position < _output.Length ? _output[_position++] : -1;
    }

    // Lucene's reusable readers do not all honour ReadToEnd, so read block by block.
    private string ReadInput()
    {
        var result = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = m_input.Read(buffer, 0, buffer.Length)) > 0)
        {
            result.Append(buffer, 0, read);
        }

        return result.ToString();
    }

    private string Normalize(string input)
    {
        if (!NeedsWork(input))
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '\r')
            {
                output.Append('\n');
                i++;
                if (i < input.Length && input[i] == '\n')
                {
                    i++;
                    Shrunk(output.Length, 1);
                }

                continue;
            }

            // A starter and the combining marks after it are one unit of composition.
            var end = i + (char.IsHighSurrogate(c) && i + 1 < input.Length ? 2 : 1);
            while (end < input.Length && IsCombining(input[end]))
            {
                end++;
            }

            if (end - i == 1 && c < '\u0300')
            {
                output.Append(c);
                i = end;
                continue;
            }

            var unit = input.AsSpan(i, end - i);
            var composed = unit.IsNormalized(NormalizationForm.FormC) ? unit.ToString() : unit.ToString().Normalize(NormalizationForm.FormC);
            output.Append(composed);
            if (composed.Length < unit.Length)
            {
                Shrunk(output.Length, unit.Length - composed.Length);
            }
            else if (composed.Length > unit.Length)
            {
                // Rare (some singletons decompose): map the extra output characters back onto the unit's end.
                var outputStart = output.Length - (composed.Length - unit.Length);
                var previous = LastCumulativeDiff;
                for (var extra = 0; extra < composed.Length - unit.Length; extra++)
                {
                    AddOffCorrectMap(outputStart + extra, previous - extra - 1);
                }
            }

            i = end;
        }

        return output.ToString();
    }

    // The text got `by` characters shorter just before output position outputEnd: from there on,
    // output offsets are that much further behind the input.
    private void Shrunk(int outputEnd, int by) => AddOffCorrectMap(outputEnd, LastCumulativeDiff + by);

    private static bool NeedsWork(string input)
    {
        return input.Contains('\r') || !input.IsNormalized(NormalizationForm.FormC);
    }

    private static bool IsCombining(char c)
    {
        if (c < '\u0300')
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;
    }
}
