using System.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>Encoding text back into the legacy encodings: the sample files and the tests are written with it.</summary>
public static partial class LegacyVietnamese
{
    /// <summary>Encodes NFC Vietnamese text in a legacy encoding (sample files and tests); null for an unencodable character.</summary>
    public static byte[]? Encode(string text, LegacyEncoding encoding)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        switch (encoding)
        {
            case LegacyEncoding.Windows1258:
            {
                var decomposed = new StringBuilder();
                foreach (var c in nfc)
                {
                    // Windows-1258 has â ê ô ơ ư ă đ precomposed and the five tones as separate bytes.
                    var (letter, modifier, tone) = Split(c);
                    var baseChar = tone == '\0' ? c.ToString() : (modifier == '\0' ? letter.ToString() : (letter.ToString() + modifier).Normalize(NormalizationForm.FormC));
                    decomposed.Append(baseChar);
                    if (tone != '\0')
                    {
                        decomposed.Append(tone);
                    }
                }

                var strict = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                try
                {
                    return strict.GetBytes(decomposed.ToString());
                }
                catch (EncoderFallbackException)
                {
                    return null;
                }
            }

            case LegacyEncoding.Vni:
                return EncodeVni(nfc);
            default:
            {
                var reverse = new Dictionary<char, byte>();
                for (var b = 255; b >= 0; b--)
                {
                    reverse[encoding == LegacyEncoding.Tcvn3 ? Tcvn3Char((byte)b) : VisciiChar((byte)b)] = (byte)b;
                }

                var bytes = new byte[nfc.Length];
                for (var i = 0; i < nfc.Length; i++)
                {
                    var c = nfc[i];
                    if (c < 0x80)
                    {
                        bytes[i] = (byte)c;
                    }
                    else if (reverse.TryGetValue(c, out var b))
                    {
                        bytes[i] = b;
                    }
                    else
                    {
                        return null;
                    }
                }

                return bytes;
            }
        }
    }
}
