using System.Globalization;

namespace SearchService.Core.Mentions.Index;

/// <summary>
/// A document's number of mentions of one key, kept as a doc-values entry "key␟count", so mention
/// counts per key are summed over any set of documents in one collector pass, without stored fields.
/// </summary>
internal static class MentionCounts
{
    private const char Separator = '\u001F';

    public static string Encode(string key, int count) => key + Separator + count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The entry name of a key's mentions with one action ("18-NQ/TW/2022␟plan"), counted in reference_actions.</summary>
    public static string WithAction(string key, string action) => key + Separator + action;

    /// <summary>The key and action of a <see cref="WithAction"/> name.</summary>
    public static (string Key, string Action) SplitAction(string name)
    {
        var at = name.LastIndexOf(Separator);
        return (name[..at], name[(at + 1)..]);
    }

    public static (string Key, int Count) Decode(string entry)
    {
        var at = entry.LastIndexOf(Separator);
        return (entry[..at], int.Parse(entry.AsSpan(at + 1), CultureInfo.InvariantCulture));
    }
}
