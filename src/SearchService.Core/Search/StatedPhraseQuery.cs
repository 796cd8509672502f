using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// An exact phrase (slop 0) whose terms were looked up before (<see cref="TermStatesSearcher"/>), scored as
/// Lucene's <see cref="PhraseQuery"/> scores it: the similarity's weight over the terms' statistics, times the
/// number of places the phrase occurs in the document. <see cref="PhraseQuery"/> looks its terms up in every
/// segment each time a weight is made, and a search makes phrase weights over the same words several times
/// (the strict query, the phrases that rescore its first results, the adjacency of exact pairs).
/// </summary>
internal sealed class StatedPhraseQuery : Query
{
    private readonly PhraseQuery _phrase;
    private readonly Term[] _terms;
    private readonly int[] _positions;
    private readonly TermContext[] _states;

    /// <param name="phrase">An exact phrase of two terms or more, in one field.</param>
    /// <param name="states">The states of its terms, in order.</param>
    public StatedPhraseQuery(PhraseQuery phrase, TermContext[] states)
    {
        _phrase = phrase;
        _terms = phrase.GetTerms();
        _positions = phrase.GetPositions();
        _states = states;
        if (phrase.Slop != 0 || _terms.Length < 2 || states.Length != _terms.Length)
        {
            throw new ArgumentException("an exact phrase of two terms or more, with the state of each", nameof(phrase));
        }

        Boost = phrase.Boost;
    }

    /// <summary>Whether <paramref name="phrase"/> is one this query stands for.</summary>
    public static bool Covers(PhraseQuery phrase) => phrase.Slop == 0 && phrase.GetTerms().Length >= 2;

    public override Weight CreateWeight(IndexSearcher searcher) => new StatedWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms)
        {
            terms.Add(term);
        }
    }

    public override string ToString(string field) => _phrase.ToString(field);

    public override bool Equals(object? obj) => obj is StatedPhraseQuery other && other._phrase.Equals(_phrase) && other.Boost == Boost;

    public override int GetHashCode() => HashCode.Combine(_phrase.GetHashCode(), Boost);

    private sealed class StatedWeight : Weight
    {
        private readonly StatedPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public StatedWeight(StatedPhraseQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            var field = query._terms[0].Field;
            var termStats = new TermStatistics[query._terms.Length];
            for (var i = 0; i < termStats.Length; i++)
            {
                termStats[i] = searcher.TermStatistics(query._terms[i], query._states[i]);
            }

            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var terms = context.AtomicReader.GetTerms(_query._terms[0].Field);
            if (terms is null)
            {
                return null;
            }

            // One terms enumerator seeks every term of the phrase, as Lucene's phrase weight does; each term's
            // postings are enumerators of their own.
            var termsEnum = terms.GetEnumerator();
            var postings = new (DocsAndPositionsEnum Postings, int Position)[_query._terms.Length];
            for (var i = 0; i < postings.Length; i++)
            {
                var state = _query._states[i].Get(context.Ord);
                if (state is null)
                {
                    // A term the segment does not have: the phrase is not in it.
                    return null;
                }

                termsEnum.SeekExact(_query._terms[i].Bytes, state);
                var enumerator = termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                    ?? throw new InvalidOperationException($"field '{_query._terms[i].Field}' was indexed without positions; a phrase cannot be matched on it");
                postings[i] = (enumerator, _query._positions[i]);
            }

            // The rarest term leads, as Lucene's phrase scorer orders them.
            Array.Sort(postings, (a, b) => a.Postings.GetCost().CompareTo(b.Postings.GetCost()));
            return new ExactPhrase(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
            {
                return new Explanation(scorer.GetScore(), $"phrase {_query._phrase} in {doc}, occurring {scorer.Freq} times");
            }

            return new ComplexExplanation(false, 0f, $"no phrase {_query._phrase} in {doc}");
        }
    }

    /// <summary>The documents with every term, where the terms stand at their places in the phrase at least once.</summary>
    private sealed class ExactPhrase(Weight weight, (DocsAndPositionsEnum Postings, int Position)[] postings, Similarity.SimScorer scorer)
        : Scorer(weight)
    {
        private readonly int[][] _places = postings.Select(_ => new int[8]).ToArray();
        private readonly int[] _counts = new int[postings.Length];
        private readonly int[] _cursors = new int[postings.Length];
        private int _doc = -1;
        private int _freq;

        public override int DocID => _doc;

        public override int Freq => _freq;

        public override float GetScore() => scorer.Score(_doc, _freq);

        public override long GetCost() => postings[0].Postings.GetCost();

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            while (true)
            {
                var doc = postings[0].Postings.DocID >= target ? postings[0].Postings.DocID : postings[0].Postings.Advance(target);
                if (doc == NO_MORE_DOCS)
                {
                    return _doc = NO_MORE_DOCS;
                }

                var all = true;
                for (var i = 1; i < postings.Length; i++)
                {
                    var other = postings[i].Postings;
                    var at = other.DocID >= doc ? other.DocID : other.Advance(doc);
                    if (at != doc)
                    {
                        target = at;
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    _freq = Occurrences();
                    if (_freq > 0)
                    {
                        return _doc = doc;
                    }

                    target = doc + 1;
                }

                if (target == NO_MORE_DOCS)
                {
                    return _doc = NO_MORE_DOCS;
                }
            }
        }

        /// <summary>How many starts of the phrase have every term at its place (each enumerator stands on the document).</summary>
        private int Occurrences()
        {
            var counts = _counts;
            for (var i = 0; i < postings.Length; i++)
            {
                var enumerator = postings[i].Postings;
                var count = enumerator.Freq;
                if (_places[i].Length < count)
                {
                    _places[i] = new int[ArrayUtil.Oversize(count, sizeof(int))];
                }

                for (var k = 0; k < count; k++)
                {
                    // Where the phrase would start if this occurrence is in it.
                    _places[i][k] = enumerator.NextPosition() - postings[i].Position;
                }

                counts[i] = count;
            }

            var occurrences = 0;
            var cursors = _cursors;
            Array.Clear(cursors);
            for (var k = 0; k < counts[0]; k++)
            {
                var start = _places[0][k];
                var all = true;
                for (var i = 1; i < postings.Length && all; i++)
                {
                    // Starts ascend in every list, so each cursor only moves forward.
                    while (cursors[i] < counts[i] && _places[i][cursors[i]] < start)
                    {
                        cursors[i]++;
                    }

                    all = cursors[i] < counts[i] && _places[i][cursors[i]] == start;
                }

                if (all && (k == 0 || _places[0][k - 1] != start))
                {
                    occurrences++;
                }
            }

            return occurrences;
        }
    }
}
