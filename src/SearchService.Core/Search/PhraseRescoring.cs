using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Search.Planning;

namespace SearchService.Core.Search;

/// <summary>The phrase bonuses of a strict search (<see cref="QueryPlan.RunPhrases"/>), added to its first results only.</summary>
internal static class PhraseRescoring
{
    /// <summary>
    /// How many of the first results (by relevance) the phrase bonuses of a strict search rescore
    /// (<see cref="QueryPlan.RunPhrases"/>). Below them the order of the search without the phrases holds, so
    /// every page of one query agrees with the others.
    /// </summary>
    public const int Window = 100;

    /// <summary>
    /// Adds the score of <paramref name="bonus"/> (optional clauses of the query that found <paramref name="top"/>)
    /// to the first <see cref="Window"/> results and orders them again, by score, then id; the rest keep
    /// their order after them. Returns the first <paramref name="size"/>.
    /// </summary>
    public static TopDocs Rescore(IndexSearcher searcher, TopDocs top, Query bonus, int size, CancellationToken cancellationToken)
    {
        var window = top.ScoreDocs.Take(Window).Cast<FieldDoc>().ToArray();
        if (window.Length == 0)
        {
            return top;
        }

        var weight = searcher.CreateNormalizedWeight(bonus);
        var leaves = searcher.IndexReader.Leaves;
        var scores = new Dictionary<int, float>(window.Length);
        foreach (var inLeaf in window.Select(d => d.Doc).Order().GroupBy(doc => ReaderUtil.SubIndex(doc, leaves)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var leaf = leaves[inLeaf.Key];
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            foreach (var doc in inLeaf)
            {
                var local = doc - leaf.DocBase;
                if (scorer is not null && scorer.DocID < local)
                {
                    scorer.Advance(local);
                }

                scores[doc] = scorer is not null && scorer.DocID == local ? scorer.GetScore() : 0f;
            }
        }

        var rescored = window
            .Select(d => new FieldDoc(d.Doc, d.Score + scores[d.Doc], [d.Score + scores[d.Doc], d.Fields[1]], d.ShardIndex))
            .OrderByDescending(d => d.Score)
            .ThenBy(d => (BytesRef)d.Fields[1], BytesRef.UTF8SortedAsUnicodeComparer)
            .ToArray();
        var docs = rescored.Concat(top.ScoreDocs.Skip(Window)).Take(size).ToArray();
        return new TopDocs(top.TotalHits, docs, docs.Length > 0 ? Math.Max(docs[0].Score, top.MaxScore) : top.MaxScore);
    }
}
