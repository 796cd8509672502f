using Lucene.Net.Index;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions.Index;
using SearchService.Core.Search;

namespace SearchService.Core.Mentions.Search;

/// <summary>The reference_actions of one segment, decoded for the wanted keys (null where another key's).</summary>
internal sealed record SegmentActions(OrdinalTable? Table, (string Action, int Count)?[] Decoded)
{
    /// <summary>The actions of the wanted keys' mentions per document of one segment, from reference_actions doc values.</summary>
    public static SegmentActions Of(AtomicReader reader, IReadOnlySet<string> wanted)
    {
        var table = OrdinalTable.For(reader, IndexFields.ReferenceActions);
        if (table is null)
        {
            return new SegmentActions(null, []);
        }

        var decoded = new (string Action, int Count)?[table.Values.Length];
        for (var ord = 0; ord < table.Values.Length; ord++)
        {
            var (name, count) = MentionCounts.Decode(table.Values[ord]);
            var (key, action) = MentionCounts.SplitAction(name);
            if (wanted.Contains(key))
            {
                decoded[ord] = (action, count);
            }
        }

        return new SegmentActions(table, decoded);
    }

    /// <summary>A document's mentions of the wanted keys per action.</summary>
    public IReadOnlyList<(string Action, int Count)> Of(int doc)
    {
        if (Table is null)
        {
            return [];
        }

        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = Table.Starts[doc], end = Table.Starts[doc + 1]; i < end; i++)
        {
            if (Decoded[Table.Ordinals[i]] is { } entry)
            {
                merged[entry.Action] = merged.GetValueOrDefault(entry.Action) + entry.Count;
            }
        }

        return merged.Select(kv => (kv.Key, kv.Value)).ToList();
    }
}
