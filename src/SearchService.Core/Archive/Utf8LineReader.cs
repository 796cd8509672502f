using System.Text;

namespace SearchService.Core.Archive;

/// <summary>
/// Reads a UTF-8 text stream line by line in 64 KB blocks, in constant memory whatever its size. Each
/// line is decoded on its own: a line that is not valid UTF-8 or is longer than the limit comes with a
/// problem and the next lines are still read. A leading byte-order mark and "\r" before "\n" are dropped.
/// Used by the archive's JSON Lines reader and by searchctl.
/// </summary>
/// <remarks>
/// Reading stops with <see cref="Error"/> set when the stream holds NUL bytes in its first 8 KB (a
/// binary file) or cannot be read; an empty stream has no line and <see cref="BytesRead"/> 0. Enumerate <see cref="ReadLines"/> once.
/// </remarks>
/// <param name="stream">The stream, read from its current position; not disposed.</param>
/// <param name="maxLineBytes">Longest line kept; a longer one is flagged, not held in memory.</param>
/// <param name="limitName">How the limit is named in the problem of a longer line ("record limit (Archive:MaxRecordBytes)").</param>
/// <param name="onBlock">Called with each block read (hashing, counting).</param>
/// <param name="firstLineNumber">Number of the stream's first line: above 1 when reading resumes inside a file
/// (no byte-order mark or binary check then).</param>
public sealed class Utf8LineReader(Stream stream, long maxLineBytes, string limitName, Action<ReadOnlyMemory<byte>>? onBlock = null, int firstLineNumber = 1)
{
    private const int BufferSize = 1 << 16;
    private const int BinarySniffBytes = 8192;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>One line: its text, or why it could not be read.</summary>
    /// <param name="Number">Line number, from 1.</param>
    /// <param name="Text">The decoded line (not normalised), or null with <paramref name="Problem"/>.</param>
    /// <param name="Problem">Why the line was not decoded, or null.</param>
    /// <param name="ByteCount">Bytes of the line in the stream, its "\n" included: they add up to the stream's length (for progress).</param>
    public readonly record struct Line(int Number, string? Text, string? Problem, long ByteCount);

    /// <summary>Why reading stopped early (binary or unreadable stream), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The lines of the stream in order; blank lines included.</summary>
    public IEnumerable<Line> ReadLines(CancellationToken cancellationToken = default)
    {
        var splitter = new Splitter(maxLineBytes);
        var buffer = new byte[BufferSize];
        var number = firstLineNumber - 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read;
            try
            {
                read = stream.Read(buffer, 0, buffer.Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error = $"cannot read the file: {e.Message}";
                yield break;
            }

            if (firstLineNumber == 1 && BytesRead == 0 && read > 0 && buffer.AsSpan(0, Math.Min(read, BinarySniffBytes)).Contains((byte)0))
            {
                Error = "binary content (NUL bytes): not a text report";
                yield break;
            }

            onBlock?.Invoke(buffer.AsMemory(0, read));
            BytesRead += read;
            foreach (var raw in splitter.Push(buffer.AsMemory(0, read), final: read == 0))
            {
                number++;
                yield return Decode(raw, number);
            }

            if (read == 0)
            {
                break;
            }
        }
    }

    private Line Decode(Splitter.RawLine raw, int number)
    {
        var byteCount = raw.Length + (raw.Terminated ? 1 : 0);
        if (raw.TooLong)
        {
            return new Line(number, null, $"longer than the {maxLineBytes:N0}-byte {limitName}", byteCount);
        }

        var bytes = raw.Bytes.Span;
        if (number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        try
        {
            return new Line(number, StrictUtf8.GetString(bytes), null, byteCount);
        }
        catch (DecoderFallbackException e)
        {
            return new Line(number, null, $"not valid UTF-8 (bad byte at offset {e.Index} of the line); save the file as UTF-8", byteCount);
        }
    }

    /// <summary>Cuts a byte stream at '\n'; a line over the limit is not kept, only flagged.</summary>
    private sealed class Splitter(long maxLineBytes)
    {
        private byte[] _pending = new byte[4096];
        private int _pendingLength;
        private long _length;
        private bool _tooLong;

        public readonly record struct RawLine(ReadOnlyMemory<byte> Bytes, long Length, bool TooLong, bool Terminated);

        public IEnumerable<RawLine> Push(ReadOnlyMemory<byte> block, bool final)
        {
            var start = 0;
            while (start < block.Length)
            {
                var newline = block.Span[start..].IndexOf((byte)'\n');
                var end = newline < 0 ? block.Length : start + newline;
                Append(block[start..end]);
                if (newline < 0)
                {
                    break;
                }

                yield return Take(terminated: true);
                start = end + 1;
            }

            if (final && (_length > 0 || _tooLong))
            {
                yield return Take(terminated: false);
            }
        }

        private void Append(ReadOnlyMemory<byte> part)
        {
            _length += part.Length;
            if (_tooLong || _length > maxLineBytes)
            {
                _tooLong = true;
                _pendingLength = 0;
                return;
            }

            if (_pendingLength + part.Length > _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + part.Length));
            }

            part.Span.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += part.Length;
        }

        private RawLine Take(bool terminated)
        {
            // The caller reads the line before the next Push, so the buffer can be reused.
            var line = new RawLine(_pending.AsMemory(0, _pendingLength), _length, _tooLong, terminated);
            _pendingLength = 0;
            _length = 0;
            _tooLong = false;
            return line;
        }
    }
}
