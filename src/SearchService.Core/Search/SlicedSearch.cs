using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Runs a query over slices of the index's document ranges on several threads, each slice into
/// collectors of its own, for one caller on an otherwise idle machine. A slice may cut a segment in two:
/// a large index is mostly one merged segment, so slicing by segment alone would leave one thread with
/// most of the work. Scores are the same as a sequential search (one weight for every slice).
/// </summary>
internal static class SlicedSearch
{
    /// <summary>One part of the work: the documents [<see cref="Start"/>, <see cref="End"/>) of a segment.</summary>
    internal readonly record struct Range(AtomicReaderContext Leaf, int Start, int End);

    /// <summary>
    /// Collects <paramref name="query"/> into one set of collectors per slice (at most <paramref name="slices"/>)
    /// and returns them in slice order; the first slice runs on the calling thread.
    /// </summary>
    public static List<T> Run<T>(IndexSearcher searcher, Query query, int slices, Func<T> createCollector, CancellationToken cancellationToken)
        where T : ICollector
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var parts = Split(searcher.IndexReader.Leaves, slices);
        var collectors = parts.Select(_ => createCollector()).ToList();
        if (parts.Count == 1)
        {
            Collect(weight, parts[0], collectors[0], cancellationToken);
            return collectors;
        }

        var others = Enumerable.Range(1, parts.Count - 1)
            .Select(i => Task.Run(() => Collect(weight, parts[i], collectors[i], cancellationToken), CancellationToken.None))
            .ToArray();
        Exception? failure = null;
        try
        {
            Collect(weight, parts[0], collectors[0], cancellationToken);
        }
        catch (Exception e)
        {
            failure = e;
        }

        // Every slice ends before the caller releases the searcher; the first failure or cancellation is thrown.
        foreach (var task in others)
        {
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return collectors;
    }

    /// <summary>The leaves cut into at most <paramref name="slices"/> runs of about the same number of documents, in index order.</summary>
    internal static List<List<Range>> Split(IList<AtomicReaderContext> leaves, int slices)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var perSlice = Math.Max(1, (total + slices - 1) / Math.Max(slices, 1));
        var result = new List<List<Range>> { new() };
        var room = perSlice;
        foreach (var leaf in leaves)
        {
            var start = 0;
            var maxDoc = leaf.AtomicReader.MaxDoc;
            while (start < maxDoc)
            {
                if (room == 0)
                {
                    result.Add([]);
                    room = perSlice;
                }

                var end = (int)Math.Min(maxDoc, start + room);
                result[^1].Add(new Range(leaf, start, end));
                room -= end - start;
                start = end;
            }
        }

        return result;
    }

    private static void Collect(Weight weight, List<Range> ranges, ICollector collector, CancellationToken cancellationToken)
    {
        foreach (var range in ranges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scorer = weight.GetScorer(range.Leaf, range.Leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            collector.SetNextReader(range.Leaf);
            collector.SetScorer(scorer);
            var doc = range.Start == 0 ? scorer.NextDoc() : scorer.Advance(range.Start);
            for (var collected = 1; doc < range.End; collected++)
            {
                collector.Collect(doc);
                if ((collected & 0x3FFF) == 0)
                {
                    // A deadline or a client gone stops a long count.
                    cancellationToken.ThrowIfCancellationRequested();
                }

                doc = scorer.NextDoc();
            }
        }
    }
}
