using System.Security.Cryptography;
using SearchService.Core.Documents;

namespace SearchService.Core.Archive;

/// <summary>Reads one archive file by its extension: portal text (.txt) or JSON Lines (.jsonl, .ndjson).</summary>
public sealed class ArchiveReader(long maxFileBytes)
{
    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".jsonl", ".ndjson"];

    /// <summary>Reads, hashes and parses the file. Never throws for bad content: the reason is in the result.</summary>
    public SourceReadResult Read(ArchiveFile file)
    {
        var extension = Path.GetExtension(file.RelativePath).ToLowerInvariant();
        if (!SupportedExtensions.Contains(extension))
        {
            return Fail("", $"unsupported file type '{extension}' (supported: {string.Join(", ", SupportedExtensions)})");
        }

        if (file.Size > maxFileBytes)
        {
            return Fail("", $"file is {file.Size:N0} bytes, over the {maxFileBytes:N0}-byte limit (Archive:MaxFileBytes)");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail("", $"cannot read the file: {e.Message}");
        }

        return Parse(bytes, file.RelativePath, extension);
    }

    /// <summary>Parses bytes as if they were the file at <paramref name="relativePath"/>.</summary>
    public static SourceReadResult Parse(byte[] bytes, string relativePath, string extension)
    {
        var hash = Hash(bytes);
        if (bytes.Length == 0)
        {
            return Fail(hash, "empty file");
        }

        try
        {
            var text = SourceText.Decode(bytes);
            if (extension == ".txt")
            {
                var document = PortalTextParser.Parse(text, DocumentIds.FromPath(relativePath), relativePath);
                return new SourceReadResult(hash, [document], [], null);
            }

            var documents = new List<SourceDocument>();
            var rejections = new List<string>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in JsonLinesParser.Parse(text, relativePath))
            {
                if (line.Document is not null && !ids.TryAdd(line.Document.Id, line.LineNumber))
                {
                    rejections.Add($"line {line.LineNumber}: {JsonLinesParser.RepeatedId(line.Document.Id, ids[line.Document.Id])}");
                }
                else if (line.Document is not null)
                {
                    documents.Add(line.Document);
                }
                else
                {
                    rejections.Add($"line {line.LineNumber}: {line.Error}");
                }
            }

            return documents.Count == 0 && rejections.Count > 0
                ? new SourceReadResult(hash, [], rejections, $"no readable record ({rejections[0]})")
                : new SourceReadResult(hash, documents, rejections, null);
        }
        catch (ArchiveFormatException e)
        {
            return Fail(hash, e.Message);
        }
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static SourceReadResult Fail(string hash, string reason) => new(hash, [], [], reason);
}
