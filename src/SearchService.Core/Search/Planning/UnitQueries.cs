using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Core.Search.Planning;

/// <summary>
/// The Lucene queries of query units over <see cref="AnalyzedFields"/>: what one unit matches, a quoted phrase,
/// and the bonuses for words typed next to each other.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>a word typed with diacritics matches the exact fields (weight 1) and the folded ones (weight
/// <see cref="FoldedWeightWhenExact"/>), so "bàn" ranks "bàn" above "ban"; a word typed without them matches the
/// folded fields only;</item>
/// <item>a correction one edit away matches the folded fields at <see cref="CorrectionWeight"/>: exact > folded >
/// corrected;</item>
/// <item>adjacent query words get an optional bonus on the syllable-pair fields (and, typed with diacritics, an
/// exact phrase), and a run of three words or more an optional phrase: whole words rank higher.</item>
/// </list>
/// The weights were measured on the tuning judgments (README, evaluation).
/// </remarks>
internal static class UnitQueries
{
    /// <summary>Weight of the folded fields for a word typed with diacritics (its exact match counts 1 more).</summary>
    public const float FoldedWeightWhenExact = 0.5f;

    /// <summary>Weight of a correction one edit from the typed word, on the folded fields.</summary>
    public const float CorrectionWeight = 0.3f;

    /// <summary>Weight of the bonus for two query words found next to each other.</summary>
    public const float AdjacencyWeight = 2f;

    /// <summary>Weight of the phrase of a whole run of three or more words.</summary>
    public const float RunPhraseWeight = 1f;

    private const int MaxPhraseVariants = 16;

    /// <summary>What one unit matches: any of its alternatives in the title or the text, or one of the corrections.</summary>
    public static Query Unit(QueryUnit unit, IReadOnlyList<string>? corrections = null)
    {
        var either = new BooleanQuery(disableCoord: true);
        foreach (var alternative in unit.Alternatives)
        {
            foreach (var (field, weight) in Fields(alternative.Terms))
            {
                Query query;
                if (alternative.Terms.Count == 1)
                {
                    query = new TermQuery(new Term(field, FieldTerm(field, alternative.Terms[0])));
                }
                else
                {
                    var phrase = new PhraseQuery();
                    for (var i = 0; i < alternative.Terms.Count; i++)
                    {
                        phrase.Add(new Term(field, FieldTerm(field, alternative.Terms[i])), alternative.Positions[i]);
                    }

                    query = phrase;
                }

                query.Boost = weight;
                either.Add(query, Occur.SHOULD);
            }
        }

        foreach (var correction in corrections ?? [])
        {
            either.Add(new TermQuery(new Term(AnalyzedFields.TitleFolded, correction)) { Boost = CorrectionWeight }, Occur.SHOULD);
            either.Add(new TermQuery(new Term(AnalyzedFields.TextFolded, correction)) { Boost = CorrectionWeight }, Occur.SHOULD);
        }

        return either;
    }

    /// <summary>Units in the order typed, in the title or the text. Null when there are none.</summary>
    public static Query? Phrase(IReadOnlyList<QueryUnit> units)
    {
        if (units.Count == 0)
        {
            return null;
        }

        var variants = new List<List<(string Term, int Position)>> { new() };
        var widths = new List<int> { 0 };
        foreach (var unit in units)
        {
            var next = new List<List<(string, int)>>();
            var nextWidths = new List<int>();
            // A word typed in Telex or VNI joins a phrase as its Vietnamese reading only.
            var alternatives = unit.Decoded is null ? unit.Alternatives : unit.Alternatives.Take(1).ToList();
            for (var v = 0; v < variants.Count; v++)
            {
                foreach (var alternative in alternatives)
                {
                    if (next.Count >= MaxPhraseVariants && alternative != alternatives[0])
                    {
                        continue;
                    }

                    var terms = new List<(string, int)>(variants[v]);
                    terms.AddRange(alternative.Terms.Select((t, i) => (t, widths[v] + alternative.Positions[i])));
                    next.Add(terms);
                    nextWidths.Add(widths[v] + alternative.Width);
                }
            }

            variants = next;
            widths = nextWidths;
        }

        var either = new BooleanQuery(disableCoord: true);
        foreach (var variant in variants)
        {
            var terms = variant.Select(t => t.Term).ToList();
            foreach (var (field, weight) in Fields(terms))
            {
                var phrase = new PhraseQuery { Boost = weight };
                foreach (var (term, position) in variant)
                {
                    phrase.Add(new Term(field, FieldTerm(field, term)), position);
                }

                either.Add(phrase, Occur.SHOULD);
            }
        }

        return either;
    }

    /// <summary>
    /// Optional clauses for words typed next to each other: a bonus per adjacent pair of plain words, and the
    /// phrase of the whole run when it has three units or more.
    /// </summary>
    /// <remarks>
    /// With <paramref name="positional"/> false (a relaxed search, which scores far more documents) only the
    /// pair-field terms count: phrases check positions in every document that holds the words. The phrases
    /// (the run's, and exact adjacent pairs) go into <paramref name="runs"/> when given (to rescore the first
    /// results only), else into the query.
    /// </remarks>
    public static void AddAdjacencyBonuses(BooleanQuery query, IReadOnlyList<QueryUnit> units, bool positional = true, List<Query>? runs = null)
    {
        if (positional && units.Count > 2 && Phrase(units) is { } run)
        {
            run.Boost = RunPhraseWeight;
            if (runs is null)
            {
                query.Add(run, Occur.SHOULD);
            }
            else
            {
                runs.Add(run);
            }
        }

        for (var i = 0; i + 1 < units.Count; i++)
        {
            if (units[i].SingleTerm is { } first && units[i + 1].SingleTerm is { } second)
            {
                var exact = positional && (VietnameseText.HasDiacritics(first) || VietnameseText.HasDiacritics(second));
                query.Add(AdjacentPair(first, second, exact), Occur.SHOULD);
                if (exact)
                {
                    var phrase = ExactAdjacency(first, second);
                    if (runs is null)
                    {
                        query.Add(phrase, Occur.SHOULD);
                    }
                    else
                    {
                        runs.Add(phrase);
                    }
                }
            }
        }
    }

    // The pair fields are folded: typed with diacritics, the exact adjacent pair must count more ("hàng trống"
    // over "hàng trong"), so it is checked on the exact fields by position (ExactAdjacency) and the folded pair
    // counts half.
    private static BooleanQuery AdjacentPair(string first, string second, bool exact)
    {
        var weight = AdjacencyWeight * (exact ? FoldedWeightWhenExact : 1f);
        var pair = VietnameseText.Fold(first) + " " + VietnameseText.Fold(second);
        return new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(AnalyzedFields.TitlePairs, pair)) { Boost = weight }, Occur.SHOULD },
            { new TermQuery(new Term(AnalyzedFields.TextPairs, pair)) { Boost = weight }, Occur.SHOULD },
        };
    }

    private static BooleanQuery ExactAdjacency(string first, string second) => new(disableCoord: true)
    {
        { new PhraseQuery { new Term(AnalyzedFields.Title, first), new Term(AnalyzedFields.Title, second) }.WithBoost(AdjacencyWeight), Occur.SHOULD },
        { new PhraseQuery { new Term(AnalyzedFields.Text, first), new Term(AnalyzedFields.Text, second) }.WithBoost(AdjacencyWeight), Occur.SHOULD },
    };

    // Terms typed with diacritics match the exact fields and, weakly, the folded ones; others the folded ones.
    private static IEnumerable<(string Field, float Weight)> Fields(IReadOnlyList<string> terms)
    {
        if (terms.Any(t => VietnameseText.HasDiacritics(t)))
        {
            yield return (AnalyzedFields.Title, 1f);
            yield return (AnalyzedFields.Text, 1f);
            yield return (AnalyzedFields.TitleFolded, FoldedWeightWhenExact);
            yield return (AnalyzedFields.TextFolded, FoldedWeightWhenExact);
        }
        else
        {
            yield return (AnalyzedFields.TitleFolded, 1f);
            yield return (AnalyzedFields.TextFolded, 1f);
        }
    }

    private static string FieldTerm(string field, string term)
        => AnalyzedFields.IsFolded(field) ? VietnameseText.Fold(term) : term;

    private static T WithBoost<T>(this T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }
}
