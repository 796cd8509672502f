using System.Security.Cryptography;
using SearchService.Core.Documents;

namespace SearchService.Core.Archive;

/// <summary>
/// Streams a UTF-8 JSON Lines file record by record, so a file of any size is read in constant memory
/// (a file read whole is limited to 2 GB by .NET and costs three times its size in memory). The
/// SHA-256 of the bytes is computed on the way and equals <see cref="ArchiveReader.Hash"/> of the file.
/// </summary>
/// <remarks>
/// <para>Each line is decoded and parsed on its own: a line that is not valid UTF-8, not a JSON object,
/// longer than the record limit, or repeats an id of an earlier line is rejected with its line number
/// and the other lines are read. Of two lines with the same id the first is kept, so the result does not
/// depend on the order in which documents are indexed.</para>
/// <para>Files starting with a UTF-16 byte-order mark are not streamed (<see cref="CanStream"/>); they
/// are read whole by <see cref="ArchiveReader"/>.</para>
/// <para>Reading can resume inside a file (<see cref="Resume"/>): the bytes before are only hashed, and
/// the ids of the lines already indexed still count as earlier lines.</para>
/// <para><see cref="ReadDocuments"/> is meant to be enumerated once, by one thread at a time;
/// <see cref="Error"/>, <see cref="Rejections"/> and <see cref="ContentHash"/> are final after it ends.</para>
/// </remarks>
public sealed class JsonLinesFile
{
    private const int BufferSize = 1 << 16;

    private readonly ArchiveFile _file;
    private readonly long _maxRecordBytes;
    private readonly Resume? _resume;
    private readonly List<string> _rejections = [];
    private long _bytesRead;

    /// <param name="file">The file.</param>
    /// <param name="maxRecordBytes">Longest line read; a longer one is rejected.</param>
    /// <param name="resume">Where to start instead of the beginning.</param>
    public JsonLinesFile(ArchiveFile file, long maxRecordBytes, Resume? resume = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 1);
        _file = file;
        _maxRecordBytes = maxRecordBytes;
        _resume = resume;
    }

    /// <summary>Where reading resumes: the line after <paramref name="Line"/>, at byte <paramref name="Offset"/>.</summary>
    /// <param name="Ids">Ids of the records before, with their lines: a later line with one of them is a repeat.</param>
    public sealed record Resume(long Offset, int Line, IReadOnlyDictionary<string, int> Ids);

    /// <summary>Line of the record last returned by <see cref="ReadDocuments"/>.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Byte offset where the line of the record last returned starts: every line before it has been read.</summary>
    public long RecordStart { get; private set; }

    /// <summary>The reason the whole file is skipped (empty, binary, unreadable, no readable record), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Rejected lines, "line N: reason", in file order.</summary>
    public IReadOnlyList<string> Rejections => _rejections;

    /// <summary>SHA-256 of the file's bytes, lower-case hex; empty until the whole file has been read.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>Documents read so far (after the resume point, if any).</summary>
    public int DocumentCount { get; private set; }

    /// <summary>Bytes read so far (for progress).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>True for .jsonl/.ndjson files that do not start with a UTF-16 byte-order mark.</summary>
    public static bool CanStream(ArchiveFile file)
    {
        var extension = Path.GetExtension(file.RelativePath).ToLowerInvariant();
        if (extension is not (".jsonl" or ".ndjson"))
        {
            return false;
        }

        return !StartsWithUtf16Mark(file.FullPath);
    }

    /// <summary>Whether a file starts with a UTF-16 byte-order mark; false for a file that cannot be read (streaming says why).</summary>
    public static bool StartsWithUtf16Mark(string path)
    {
        Span<byte> start = stackalloc byte[2];
        try
        {
            using var stream = File.OpenRead(path);
            return stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2
                && (start.SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.SequenceEqual((ReadOnlySpan<byte>)[0xFE, 0xFF]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SHA-256 of a file's bytes, read in blocks.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The documents of the file in line order; rejected lines are recorded in <see cref="Rejections"/>.</summary>
    public IEnumerable<SourceDocument> ReadDocuments(CancellationToken cancellationToken = default)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(_file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error = $"cannot read the file: {e.Message}";
            yield break;
        }

        using (stream)
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            void Hash(ReadOnlyMemory<byte> block)
            {
                hash.AppendData(block.Span);
                Interlocked.Add(ref _bytesRead, block.Length);
            }

            var offset = _resume?.Offset ?? 0;
            if (offset > 0 && HashPrefix(stream, offset, Hash, cancellationToken) is { } prefixError)
            {
                Error = prefixError;
                yield break;
            }

            var reader = new Utf8LineReader(stream, _maxRecordBytes, "record limit (Archive:MaxRecordBytes)", Hash, (_resume?.Line ?? 0) + 1);
            var ids = new Dictionary<string, int>(_resume?.Ids ?? new Dictionary<string, int>(), StringComparer.Ordinal);
            foreach (var line in reader.ReadLines(cancellationToken))
            {
                var start = offset;
                offset += line.ByteCount;
                var document = ReadLine(line, ids);
                if (document is not null)
                {
                    DocumentCount++;
                    RecordLine = line.Number;
                    RecordStart = start;
                    yield return document with { SourceLine = line.Number };
                }
            }

            if (reader.Error is { } error)
            {
                Error = error;
                yield break;
            }

            ContentHash = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (reader.BytesRead == 0)
            {
                Error = "empty file";
            }
            else if (DocumentCount == 0 && _rejections.Count > 0 && _resume is not { Ids.Count: > 0 })
            {
                Error = $"no readable record ({_rejections[0]})";
            }
        }
    }

    // The bytes before the resume point: hashed, not parsed.
    private static string? HashPrefix(Stream stream, long length, Action<ReadOnlyMemory<byte>> hash, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var left = length;
        try
        {
            while (left > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    return $"the file is shorter than the {length:N0} bytes already indexed";
                }

                hash(buffer.AsMemory(0, read));
                left -= read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the file: {e.Message}";
        }

        return null;
    }

    private SourceDocument? ReadLine(Utf8LineReader.Line line, Dictionary<string, int> ids)
    {
        if (line.Text is not { } text)
        {
            return Reject(line.Number, line.Problem!);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var document = JsonLinesParser.ParseLine(SourceText.Clean(text), _file.RelativePath);
            if (!ids.TryAdd(document.Id, line.Number))
            {
                return Reject(line.Number, JsonLinesParser.RepeatedId(document.Id, ids[document.Id]));
            }

            return document;
        }
        catch (ArchiveFormatException e)
        {
            return Reject(line.Number, e.Message);
        }
    }

    private SourceDocument? Reject(int lineNumber, string reason)
    {
        _rejections.Add($"line {lineNumber}: {reason}");
        return null;
    }
}
