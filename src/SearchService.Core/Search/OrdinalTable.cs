using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// The values of one sorted-set doc-values field of one segment, unpacked once into plain arrays
/// (document → ordinals, ordinal → string), so counting facets over 100,000 matches is array lookups.
/// Segments never change, so a table is cached for the life of its segment core.
/// </summary>
internal sealed class OrdinalTable
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, OrdinalTable>> Cache = new();

    private OrdinalTable(int[] starts, int[] ordinals, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        Values = values;
    }

    /// <summary>Document d has the ordinals Ordinals[Starts[d] .. Starts[d + 1]).</summary>
    public int[] Starts { get; }

    public int[] Ordinals { get; }

    public string[] Values { get; }

    /// <summary>The table of a field in a segment; null when the segment has no such field.</summary>
    public static OrdinalTable? For(AtomicReader reader, string field)
    {
        var byField = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, OrdinalTable>(StringComparer.Ordinal));
        lock (byField)
        {
            if (byField.TryGetValue(field, out var table))
            {
                return table;
            }

            var values = reader.GetSortedSetDocValues(field);
            if (values is null)
            {
                return null;
            }

            table = Build(values, reader.MaxDoc);
            byField[field] = table;
            return table;
        }
    }

    private static OrdinalTable Build(SortedSetDocValues values, int maxDoc)
    {
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add((int)ord);
            }
        }

        starts[maxDoc] = ordinals.Count;
        var names = new string[values.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            names[ord] = scratch.Utf8ToString();
        }

        return new OrdinalTable(starts, ordinals.ToArray(), names);
    }
}
