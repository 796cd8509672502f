using System.Globalization;

namespace SearchService.Core.Indexing;

/// <summary>
/// A document's number of mentions of one key, kept as a doc-values entry "key␟count", so mention
/// counts per key are summed over any set of documents in one collector pass, without stored fields.
/// </summary>
internal static class ReferenceCount
{
    private const char Separator = '\u001F';

    public static string Encode(string key, int count) => key + Separator + count.ToString(CultureInfo.InvariantCulture);

    public static (string Key, int Count) Decode(string entry)
    {
        var at = entry.LastIndexOf(Separator);
        return (entry[..at], int.Parse(entry.AsSpan(at + 1), CultureInfo.InvariantCulture));
    }
}
