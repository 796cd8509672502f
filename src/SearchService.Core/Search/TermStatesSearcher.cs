using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Search.Planning;

namespace SearchService.Core.Search;

/// <summary>
/// An <see cref="IndexSearcher"/> that looks each term up in the index once per reader. A search builds weights
/// several times over the same words (the strict query, the steps of a relaxed one, the phrases that rescore the
/// first results, the check of which words each result matched), and queries share their common words; looking a
/// term up means seeking it in the terms dictionary of every segment, which was about a fifth of a search. The
/// states of terms (<see cref="TermContext"/>) are kept for the life of this searcher, that is of one commit, and
/// given to term queries and exact phrases (<see cref="StatedPhraseQuery"/>) before their weights are made.
/// </summary>
/// <remarks>
/// A <see cref="TermContext"/> is read only once built (a term enumerator copies the state it seeks with), so
/// searches on other threads share them. At most <see cref="MaxCachedTerms"/> are kept; past that the cache starts
/// again empty.
/// </remarks>
internal sealed class TermStatesSearcher(IndexReader reader) : IndexSearcher(reader)
{
    internal const int MaxCachedTerms = 50_000;

    private readonly ConcurrentDictionary<Term, TermContext> _states = new();

    /// <summary>How many terms were looked up in the index (not found in the cache) so far.</summary>
    internal long LookUps => Interlocked.Read(ref _lookUps);

    private long _lookUps;

    public override Weight CreateNormalizedWeight(Query query) => base.CreateNormalizedWeight(WithTermStates(query));

    /// <summary>
    /// The same query with the looked-up states in its term queries and exact phrases (inside boolean, constant-score,
    /// filtered (the service's, with the default strategy) and tier queries); other queries are kept as they are.
    /// </summary>
    internal Query WithTermStates(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, States(term.Term)) { Boost = term.Boost };
            case PhraseQuery phrase when StatedPhraseQuery.Covers(phrase):
                return new StatedPhraseQuery(phrase, phrase.GetTerms().Select(States).ToArray());
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(WithTermStates(clause.Query), clause.Occur);
                }

                return copy;
            case ConstantScoreQuery { Query: { } inner } constant:
                return new ConstantScoreQuery(WithTermStates(inner)) { Boost = constant.Boost };
            case FilteredQuery filtered:
                return new FilteredQuery(WithTermStates(filtered.Query), filtered.Filter) { Boost = filtered.Boost };
            case TierQuery tier:
                return new TierQuery(WithTermStates(tier.SubQuery)) { Boost = tier.Boost };
            default:
                return query;
        }
    }

    private TermContext States(Term term)
    {
        if (_states.TryGetValue(term, out var states))
        {
            return states;
        }

        if (_states.Count >= MaxCachedTerms)
        {
            _states.Clear();
        }

        Interlocked.Increment(ref _lookUps);
        // The term's bytes are copied: a Term built over a shared buffer must not change under the cache.
        var key = new Term(term.Field, BytesRef.DeepCopyOf(term.Bytes));
        return _states.GetOrAdd(key, t => TermContext.Build(TopReaderContext, t));
    }
}
