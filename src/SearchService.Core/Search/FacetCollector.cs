using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Counts the values of sorted-set doc-values fields over every matching document (Lucene.Net.Facet
/// is not used): per segment by ordinal, then resolved to strings once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> docValuesFields) : ICollector
{
    private readonly Dictionary<string, long>[] _totals =
        docValuesFields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();

    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[docValuesFields.Count];
    private readonly int[]?[] _segmentCounts = new int[]?[docValuesFields.Count];

    public bool AcceptsDocsOutOfOrder => true;

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
            var values = context.AtomicReader.GetSortedSetDocValues(docValuesFields[f]);
            _values[f] = values;
            _segmentCounts[f] = values is null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null)
            {
                continue;
            }

            var counts = _segmentCounts[f]!;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    private void Flush()
    {
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            var counts = _segmentCounts[f];
            if (values is null || counts is null)
            {
                continue;
            }

            var scratch = new Lucene.Net.Util.BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                _totals[f][key] = _totals[f].GetValueOrDefault(key) + counts[ord];
            }

            _values[f] = null;
            _segmentCounts[f] = null;
        }
    }
}
