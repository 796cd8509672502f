using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Counts the values of sorted-set doc-values fields over every matching document (Lucene.Net.Facet
/// is not used): per segment by ordinal in cached <see cref="OrdinalTable"/>s, resolved to strings
/// once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> docValuesFields) : ICollector
{
    private readonly Dictionary<string, long>[] _totals =
        docValuesFields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();

    private readonly OrdinalTable?[] _tables = new OrdinalTable?[docValuesFields.Count];
    private readonly int[]?[] _segmentCounts = new int[]?[docValuesFields.Count];

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>The counts of several collectors of the same fields added into the first; null for none.</summary>
    public static FacetCollector? Sum(IEnumerable<FacetCollector?> collectors)
    {
        FacetCollector? sum = null;
        foreach (var collector in collectors)
        {
            if (collector is null)
            {
                continue;
            }

            if (sum is null)
            {
                sum = collector;
                sum.Flush();
                continue;
            }

            for (var f = 0; f < sum._totals.Length; f++)
            {
                foreach (var (key, count) in collector.Counts(f))
                {
                    sum._totals[f][key] = sum._totals[f].GetValueOrDefault(key) + count;
                }
            }
        }

        return sum;
    }

    public IReadOnlyDictionary<string, long> Counts(int field)
    {
        Flush();
        return _totals[field];
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var f = 0; f < docValuesFields.Count; f++)
        {
            var table = OrdinalTable.For(context.AtomicReader, docValuesFields[f]);
            _tables[f] = table;
            _segmentCounts[f] = table is null ? null : new int[table.Values.Length];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _tables.Length; f++)
        {
            var table = _tables[f];
            if (table is null)
            {
                continue;
            }

            var counts = _segmentCounts[f]!;
            var ordinals = table.Ordinals;
            for (int i = table.Starts[doc], end = table.Starts[doc + 1]; i < end; i++)
            {
                counts[ordinals[i]]++;
            }
        }
    }

    private void Flush()
    {
        for (var f = 0; f < _tables.Length; f++)
        {
            var table = _tables[f];
            var counts = _segmentCounts[f];
            if (table is null || counts is null)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] != 0)
                {
                    var key = table.Values[ord];
                    _totals[f][key] = _totals[f].GetValueOrDefault(key) + counts[ord];
                }
            }

            _tables[f] = null;
            _segmentCounts[f] = null;
        }
    }
}
