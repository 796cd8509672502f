using System.Text;

namespace SearchService.Tests.Shared.KnownItem;

/// <summary>
/// Vietnamese text as typed in Telex with the input method off: â→aa, ă→aw, ê→ee, ô→oo, ơ→ow, ư→uw,
/// đ→dd, and the tone key (s acute, f grave, r hook, x tilde, j dot) at the end of the syllable:
/// "nghị quyết" → "nghij quyeets".
/// </summary>
internal static class TelexEncoder
{
    public static string Encode(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        char? tone = null;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsLetter(c))
            {
                Flush(output, ref tone);
                output.Append(c);
                continue;
            }

            if (c is 'đ' or 'Đ')
            {
                output.Append(c == 'đ' ? "dd" : "DD");
                continue;
            }

            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            var letter = parts[0];
            output.Append(letter);
            foreach (var mark in parts.AsSpan(1))
            {
                switch (mark)
                {
                    case '\u0302':
                        output.Append(letter);
                        break;
                    case '\u0306' or '\u031B':
                        output.Append(char.IsUpper(letter) ? 'W' : 'w');
                        break;
                    case '\u0301':
                        tone = 's';
                        break;
                    case '\u0300':
                        tone = 'f';
                        break;
                    case '\u0309':
                        tone = 'r';
                        break;
                    case '\u0303':
                        tone = 'x';
                        break;
                    case '\u0323':
                        tone = 'j';
                        break;
                    default:
                        output.Append(mark);
                        break;
                }
            }
        }

        Flush(output, ref tone);
        return output.ToString();
    }

    private static void Flush(StringBuilder output, ref char? tone)
    {
        if (tone is { } key)
        {
            output.Append(key);
            tone = null;
        }
    }
}
