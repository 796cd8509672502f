using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Text;

namespace SearchService.Core.Search.Planning;

/// <summary>
/// The searches of one query over one reader: <see cref="Strict"/> (every word required, as typed), and
/// <see cref="Relax"/> for when that finds too little.
/// </summary>
public sealed class QueryPlan
{
    internal static readonly QueryPlan MatchAll = new([], [], [], null);

    /// <summary>Fewest words (not counting function words) of a query read as a pasted title.</summary>
    private const int MinPastedTitleWords = 5;

    /// <summary>Share of the query's adjacent pairs a report's title must hold to be the pasted title.</summary>
    private const double PastedTitleShare = 0.65;

    /// <summary>Most words dropped as the extras of a pasted title.</summary>
    private const int MaxPastedTitleExtras = 3;

    /// <summary>How many more of the pairs (as a share) it must hold than the first report with every word.</summary>
    private const double PastedTitleMargin = 0.3;

    private readonly IReadOnlyList<PlannedUnit> _words;
    private readonly IReadOnlyList<Query> _musts;
    private readonly IReadOnlyList<Query> _mustNots;
    private readonly IndexVocabulary? _vocabulary;
    private List<RelaxedUnit>? _relaxedUnits;

    internal QueryPlan(IReadOnlyList<PlannedUnit> words, IReadOnlyList<Query> musts, IReadOnlyList<Query> mustNots, IndexVocabulary? vocabulary)
    {
        _words = words;
        _musts = musts;
        _mustNots = mustNots;
        _vocabulary = vocabulary;
        (StrictBase, RunPhrases) = BuildStrict();
        Strict = WithRunPhrases(StrictBase, RunPhrases);
        ReferenceKeys = words.SelectMany(w => w.ReferenceKeys).Distinct(StringComparer.Ordinal).ToList();
        Decoded = words
            .Where(w => w.Unit?.Decoded is not null)
            .Select(w => new WordCorrection(w.Typed, w.Unit!.Decoded!, WordCorrection.InputMethod))
            .ToList();
    }

    /// <summary>Every word required as typed (with its spellings); null matches every document.</summary>
    public Query? Strict { get; }

    /// <summary>
    /// <see cref="Strict"/> without its phrase bonuses (whole runs of words, and adjacent words typed with
    /// diacritics): the same documents, ranked by every other bonus. Checking phrase positions in every document
    /// that has the words was a third of a strict search; <see cref="RunPhrases"/> rescore the first results.
    /// </summary>
    internal Query? StrictBase { get; }

    /// <summary>The optional phrase bonuses (runs of three words or more, exact adjacent pairs); null when none.</summary>
    internal Query? RunPhrases { get; }

    /// <summary>Whether a relaxed search could find more than <see cref="Strict"/>.</summary>
    public bool CanRelax => Tiered.Count > 1 || Tiered.Any(Correctable);

    /// <summary>Whether the query is long enough to be read as a pasted title (<see cref="PastedTitleExtras"/>).</summary>
    public bool CouldBePastedTitle => Tiered.Count >= MinPastedTitleWords;

    /// <summary>How many words count in a relaxed search.</summary>
    public int TieredCount => Tiered.Count;

    /// <summary>The mention keys of the references the query names ("Directive 05" → 05-CT/TW).</summary>
    public IReadOnlyList<string> ReferenceKeys { get; }

    /// <summary>Words typed with the input method off and read as Vietnamese.</summary>
    public IReadOnlyList<WordCorrection> Decoded { get; }

    private List<PlannedUnit> Tiered => _words.All(w => w.Stopword) ? [.. _words] : _words.Where(w => !w.Stopword).ToList();

    /// <summary>
    /// The relaxed search: each word a tier (matched as typed or through a correction one edit away), at least
    /// <paramref name="minimumWords"/> of them; quoted phrases and exclusions hold as typed.
    /// </summary>
    public Relaxation Relax(int minimumWords)
    {
        var tiered = Tiered;
        var units = _relaxedUnits ??= RelaxedUnits(tiered);
        var core = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = Math.Clamp(minimumWords, 1, units.Count) };
        foreach (var unit in units)
        {
            var match = unit.Word.Unit is { } wordUnit ? UnitQueries.Unit(wordUnit, unit.Corrections) : unit.Word.Match;
            core.Add(new TierQuery(match), Occur.SHOULD);
        }

        var query = new BooleanQuery(disableCoord: true) { { core, Occur.MUST } };
        foreach (var stopword in _words.Where(w => w.Stopword && !tiered.Contains(w)))
        {
            query.Add(stopword.Match, Occur.SHOULD);
        }

        AddBonusesAndParts(query, positional: false);
        return new Relaxation(query, units);
    }

    /// <summary>
    /// A query that pastes a report's title with words that are not in it ("… tin tuc"): the report whose title
    /// holds most of the query's adjacent word pairs, when it holds at least <see cref="PastedTitleShare"/> of
    /// them and a clearly larger share than the title of <paramref name="strictFirst"/>, the first report that
    /// has every word. Returns the words that report lacks, to drop from the query; empty when the query is not
    /// such a paste, or it lacks more than three words or a third of them.
    /// </summary>
    public IReadOnlyList<string> PastedTitleExtras(IndexSearcher searcher, int? strictFirst)
    {
        var pairs = TitlePairs();
        var tiered = Tiered;
        if (!CouldBePastedTitle || pairs.Count < 3)
        {
            return [];
        }

        var anyPairs = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = (int)Math.Ceiling(pairs.Count * PastedTitleShare) };
        foreach (var pair in pairs)
        {
            anyPairs.Add(new ConstantScoreQuery(pair), Occur.SHOULD);
        }

        var best = searcher.Search(anyPairs, 1).ScoreDocs;
        if (best.Length == 0 || best[0].Doc == strictFirst)
        {
            return [];
        }

        var candidate = Relaxation.MatchedCount(searcher, pairs, best[0].Doc);
        var first = strictFirst is { } doc ? Relaxation.MatchedCount(searcher, pairs, doc) : 0;
        if (candidate < first + (pairs.Count * PastedTitleMargin))
        {
            return [];
        }

        // A word the index hardly knows is more likely a typo of a title word than an extra: corrections read it.
        var missing = new Relaxation(anyPairs, tiered.Select(w => new RelaxedUnit(w, [])).ToList()).Explain(searcher, [best[0].Doc])[0].Missing
            .Where(typed => tiered.First(w => w.Typed == typed) is not { Unit.SingleTerm: { } term } || _vocabulary?.IsRare(term) != true)
            .ToList();
        return missing.Count <= MaxPastedTitleExtras && missing.Count * 3 <= tiered.Count ? missing : [];
    }

    /// <summary>The same query without some of its free words (a pasted title's extras).</summary>
    public QueryPlan Without(IReadOnlyList<string> typedWords)
        => new(_words.Where(w => !typedWords.Contains(w.Typed)).ToList(), _musts, _mustNots, _vocabulary);

    // The title-pair terms of adjacent plain words.
    private List<Query> TitlePairs()
    {
        var pairs = new List<Query>();
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            if (_words[i].Unit?.SingleTerm is { } first && _words[i + 1].Unit?.SingleTerm is { } second)
            {
                pairs.Add(new TermQuery(new Term(Analysis.AnalyzedFields.TitlePairs, VietnameseText.Fold(first) + " " + VietnameseText.Fold(second))));
            }
        }

        return pairs;
    }

    // Each counted word with its corrections, when it is too rare to be meant as typed (computed once a plan).
    private List<RelaxedUnit> RelaxedUnits(List<PlannedUnit> tiered)
    {
        var corrected = 0;
        var units = new List<RelaxedUnit>();
        foreach (var word in tiered)
        {
            IReadOnlyList<string> corrections = [];
            if (Correctable(word) && corrected < QueryPlanner.MaxCorrectedWords && _vocabulary is not null
                && _vocabulary.IsRare(word.Unit!.SingleTerm!))
            {
                var index = IndexOf(word);
                corrections = _vocabulary.Corrections(
                    VietnameseText.Fold(word.Unit!.SingleTerm!),
                    index > 0 ? _words[index - 1].Unit?.SingleTerm : null,
                    index + 1 < _words.Count ? _words[index + 1].Unit?.SingleTerm : null,
                    QueryPlanner.MaxCorrectionsPerWord);
                corrected += corrections.Count > 0 ? 1 : 0;
            }

            units.Add(new RelaxedUnit(word, corrections));
        }

        return units;
    }

    private (Query? Base, Query? Runs) BuildStrict()
    {
        var query = new BooleanQuery(disableCoord: true);
        var allStopwords = _words.All(w => w.Stopword);
        foreach (var word in _words)
        {
            query.Add(word.Match, word.Stopword && !allStopwords ? Occur.SHOULD : Occur.MUST);
        }

        var runs = new List<Query>();
        AddBonusesAndParts(query, positional: true, runs);
        if (_words.Count == 0 && _musts.Count == 0)
        {
            if (_mustNots.Count == 0)
            {
                return (null, null);
            }

            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        if (runs.Count == 0)
        {
            return (query, null);
        }

        // Every word of a phrase is required (or a function word beside required ones), so the phrases only rank.
        var either = new BooleanQuery(disableCoord: true);
        foreach (var run in runs)
        {
            either.Add(run, Occur.SHOULD);
        }

        return (query, either);
    }

    // The base with the run phrases as optional clauses: with BM25 (no query norm, no coord) its score is the
    // base's plus the runs', which is what rescoring adds.
    private static Query? WithRunPhrases(Query? strictBase, Query? runs)
    {
        if (runs is null || strictBase is not BooleanQuery query)
        {
            return strictBase;
        }

        var full = new BooleanQuery(disableCoord: true);
        foreach (var clause in query.Clauses)
        {
            full.Add(clause);
        }

        foreach (var clause in ((BooleanQuery)runs).Clauses)
        {
            full.Add(clause);
        }

        return full;
    }

    private void AddBonusesAndParts(BooleanQuery query, bool positional, List<Query>? runs = null)
    {
        // Adjacency within each stretch of words between references.
        var stretch = new List<QueryUnit>();
        foreach (var word in _words.Append(null))
        {
            if (word?.Unit is { } unit)
            {
                stretch.Add(unit);
                continue;
            }

            UnitQueries.AddAdjacencyBonuses(query, stretch, positional, runs);
            stretch.Clear();
        }

        foreach (var must in _musts)
        {
            query.Add(must, Occur.MUST);
        }

        foreach (var mustNot in _mustNots)
        {
            query.Add(mustNot, Occur.MUST_NOT);
        }
    }

    private int IndexOf(PlannedUnit word)
    {
        for (var i = 0; i < _words.Count; i++)
        {
            if (ReferenceEquals(_words[i], word))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Correctable(PlannedUnit word)
        => word.Unit is { SingleTerm: { } term, Literal: false, Decoded: null }
           && VietnameseText.Fold(term).Length >= 3
           && term.All(char.IsLetter);
}
