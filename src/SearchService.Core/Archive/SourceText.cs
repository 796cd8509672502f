using System.Text;

namespace SearchService.Core.Archive;

/// <summary>Decodes the bytes of an archive file into NFC text with "\n" line ends.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark. Anything else, or text
    /// with NUL characters (a binary file), is an <see cref="ArchiveFormatException"/>.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var hasUtf16Mark = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!hasUtf16Mark && bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0))
        {
            throw new ArchiveFormatException("binary content (NUL bytes): not a text report");
        }

        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = DecodeUtf8(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = DecodeUtf16(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16LE");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = DecodeUtf16(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16BE");
        }
        else
        {
            text = DecodeUtf8(bytes);
        }

        if (text.Contains('\0'))
        {
            throw new ArchiveFormatException("binary content (NUL characters): not a text report");
        }

        return Clean(text);
    }

    /// <summary>NFC and "\n" line ends; no-break spaces stay (they are content), other text is untouched.</summary>
    public static string Clean(string text)
    {
        if (text.Contains('\r'))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArchiveFormatException($"not valid UTF-8 (bad byte at offset {e.Index}); save the file as UTF-8");
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArchiveFormatException($"not valid {name} although it starts with a {name} byte-order mark");
        }
    }
}
