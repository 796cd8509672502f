using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search.Planning;

/// <summary>A relaxed search and its units, to tell for each result which words it matched.</summary>
public sealed class Relaxation
{
    private readonly IReadOnlyList<RelaxedUnit> _units;

    internal Relaxation(Query query, IReadOnlyList<RelaxedUnit> units)
    {
        Query = query;
        _units = units;
    }

    public Query Query { get; }

    /// <summary>For each document: the words it lacks, and the corrections through which it matched a word.</summary>
    /// <remarks>
    /// The documents are visited in index order, and each segment's scorer of a word is made once, when a document
    /// of that segment first asks for it, then advanced from document to document: a scorer per word per result
    /// (a term lookup and a postings read each) was a tenth of a relaxed search's processor time.
    /// </remarks>
    public IReadOnlyList<(IReadOnlyList<string> Missing, IReadOnlyList<WordCorrection> Corrected)> Explain(IndexSearcher searcher, IReadOnlyList<int> docs)
    {
        var leaves = searcher.IndexReader.Leaves;
        var typed = _units.Select(u => searcher.CreateNormalizedWeight(u.Word.Match)).ToList();
        var corrections = _units
            .Select(u => u.Corrections.Select(c => (Correction: c, Weight: searcher.CreateNormalizedWeight(CorrectionQuery(c)))).ToList())
            .ToList();
        var results = new (IReadOnlyList<string>, IReadOnlyList<WordCorrection>)[docs.Count];
        LeafMatches? leaf = null;
        foreach (var index in Enumerable.Range(0, docs.Count).OrderBy(i => docs[i]))
        {
            var doc = docs[index];
            var context = leaves[ReaderUtil.SubIndex(doc, leaves)];
            if (leaf?.Context != context)
            {
                leaf = new LeafMatches(context);
            }

            var local = doc - context.DocBase;
            var missing = new List<string>();
            var corrected = new List<WordCorrection>();
            for (var i = 0; i < _units.Count; i++)
            {
                if (leaf.Matches(typed[i], local))
                {
                    continue;
                }

                var used = corrections[i].FirstOrDefault(c => leaf.Matches(c.Weight, local)).Correction;
                if (used is null)
                {
                    missing.Add(_units[i].Word.Typed);
                }
                else
                {
                    corrected.Add(new WordCorrection(_units[i].Word.Typed, used, WordCorrection.Typo));
                }
            }

            results[index] = (missing, corrected);
        }

        return results;
    }

    /// <summary>How many of the queries match the document.</summary>
    internal static int MatchedCount(IndexSearcher searcher, IReadOnlyList<Query> queries, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = new LeafMatches(leaves[ReaderUtil.SubIndex(doc, leaves)]);
        return queries.Count(q => leaf.Matches(searcher.CreateNormalizedWeight(q), doc - leaf.Context.DocBase));
    }

    /// <summary>The scorers of one segment, made when first asked and advanced through its documents in order.</summary>
    private sealed class LeafMatches(AtomicReaderContext context)
    {
        private readonly Dictionary<Weight, Scorer?> _scorers = new(ReferenceEqualityComparer.Instance);

        public AtomicReaderContext Context => context;

        /// <summary>Whether the weight's query matches the segment's document <paramref name="local"/>; documents must come in increasing order.</summary>
        public bool Matches(Weight weight, int local)
        {
            if (!_scorers.TryGetValue(weight, out var scorer))
            {
                scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
                _scorers[weight] = scorer;
            }

            if (scorer is null)
            {
                return false;
            }

            if (scorer.DocID < local)
            {
                scorer.Advance(local);
            }

            return scorer.DocID == local;
        }
    }

    private static Query CorrectionQuery(string correction) => new BooleanQuery(disableCoord: true)
    {
        { new TermQuery(new Term(Analysis.AnalyzedFields.TitleFolded, correction)), Occur.SHOULD },
        { new TermQuery(new Term(Analysis.AnalyzedFields.TextFolded, correction)), Occur.SHOULD },
    };
}

/// <summary>A word of a relaxed search and the corrections it may match through.</summary>
internal sealed record RelaxedUnit(PlannedUnit Word, IReadOnlyList<string> Corrections);

/// <summary>A word read otherwise than typed: a typo corrected, or a word typed with the input method off.</summary>
/// <param name="Kind"><see cref="Typo"/> or <see cref="InputMethod"/>.</param>
public sealed record WordCorrection(string Typed, string Corrected, string Kind)
{
    public const string Typo = "typo";
    public const string InputMethod = "input_method";
}
