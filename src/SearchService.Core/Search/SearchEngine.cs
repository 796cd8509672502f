using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using SearchService.Core.Documents;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search.Planning;

namespace SearchService.Core.Search;

/// <summary>
/// Full-text search with filters, multi-select facets, snippets and signed page tokens, and document
/// retrieval. Every input is validated here; what reaches Lucene cannot fail.
/// </summary>
public sealed partial class SearchEngine
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = QueryPlanner.MaxQueryLength;
    public const int MaxQueryParts = QueryPlanner.MaxQueryParts;

    /// <summary>How deep paging may go; beyond it a query must be narrowed.</summary>
    public const int MaxResultWindow = 10_000;

    public const int DefaultFacetSize = 10;
    public const int MaxFacetSize = 1000;

    /// <summary>The facet names of the API and the doc-values field each one counts.</summary>
    public static readonly IReadOnlyDictionary<string, string> FacetFields = new Dictionary<string, string>
    {
        ["ward"] = IndexFields.WardFacet,
        ["district"] = IndexFields.DistrictFacet,
        ["year"] = IndexFields.YearFacet,
        ["topic"] = IndexFields.TopicFacet,
        ["reference"] = IndexFields.ReferenceFacet,
    };

    private readonly IndexStore _store;
    private readonly QueryPlanner _planner;
    private readonly SnippetBuilder _snippets;
    private readonly PageToken _tokens;
    private readonly ILogger<SearchEngine> _logger;
    private int _running;
    private long _lastOverlapMs = long.MinValue / 2;
    private long _slicedSearches;

    public SearchEngine(IndexStore store, ILogger<SearchEngine> logger)
    {
        _store = store;
        _logger = logger;
        _planner = new QueryPlanner(store.Analyzer);
        _snippets = new SnippetBuilder();
        _tokens = new PageToken(store.PageTokenKey);
    }

    public SearchPage Search(SearchQuery request, CancellationToken cancellationToken = default)
    {
        var (pageSize, order, facets, facetSize) = SearchRequestChecks.Check(request);
        var text = request.Text ?? "";
        QueryPlanner.Validate(text);
        var fingerprint = PageToken.Fingerprint(text, FilterQueries.Fingerprint(request.Filter), order);
        var offset = string.IsNullOrEmpty(request.PageToken) ? 0 : _tokens.Decode(request.PageToken, fingerprint);
        if (offset + pageSize > MaxResultWindow)
        {
            throw new InvalidRequestException("page_token", $"paging is limited to the first {MaxResultWindow:N0} results; narrow the query or add filters");
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Alone: no other search now, nor overlapping any search in the last second (callers at once
        // come and go between calls; slicing then only makes them wait for each other).
        var running = Interlocked.Increment(ref _running);
        var now = Environment.TickCount64;
        if (running > 1)
        {
            Volatile.Write(ref _lastOverlapMs, now);
        }

        var alone = running == 1 && now - Volatile.Read(ref _lastOverlapMs) > 1000;
        try
        {
            return _store.Search(searcher =>
            {
                var search = new PageSearch(searcher, request, order, facets, facetSize, fingerprint, offset, pageSize, alone);
                return Search(search, _planner.Plan(text, searcher.IndexReader), cancellationToken);
            });
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    // Every word required first; when that finds less than a default page, the relaxed search (each word a
    // tier, corrections allowed) at least half the words, then at least one. Whether to relax is decided on
    // the query text alone, without the filters or the page size, so that a filter, a facet click or another
    // page size never changes how the words were read, and multi-select facet counts stay what a click gives.
    private SearchPage Search(PageSearch search, QueryPlan plan, CancellationToken cancellationToken, IReadOnlyList<string>? dropped = null)
    {
        var strict = Run(search, plan.StrictBase, cancellationToken, plan.RunPhrases);
        var strictTotal = strict.Filters.Count > 0 ? Count(search.Searcher, plan.StrictBase) : strict.Top.TotalHits;
        if (dropped is null && plan.CanRelax && plan.CouldBePastedTitle)
        {
            // A report's title may hold most of the query and lack the rest: a pasted title with words after
            // it, which long reports that happen to hold every word would outrank. Those words are dropped and
            // the rest searched. It is weighed against the first report with every word, by relevance and
            // unfiltered (the first of this page when that is what was asked).
            var first = strict.Filters.Count == 0 && search.Offset == 0 && search.Order == "relevance"
                ? strict.Top.ScoreDocs.Select(d => (int?)d.Doc).FirstOrDefault()
                : plan.Strict is null ? null : search.Searcher.Search(plan.Strict, 1).ScoreDocs.Select(d => (int?)d.Doc).FirstOrDefault();
            var extras = plan.PastedTitleExtras(search.Searcher, first);
            if (extras.Count > 0)
            {
                return Search(search, plan.Without(extras), cancellationToken, extras);
            }
        }

        if (!plan.CanRelax || strictTotal >= DefaultPageSize)
        {
            var asTyped = Interpretation(plan, relaxed: dropped is not null, []);
            return Page(search, plan.StrictBase, strict, asTyped with { DroppedWords = dropped ?? [] }, cancellationToken);
        }

        // Step by step: all but two words, then half of them, then (only when half finds nothing) one. Each
        // step is decided on the unfiltered count, as above. Scores of a relaxed search carry the tiers; it runs
        // on one thread (a minimum-should-match scorer advanced into the middle of a segment miscounts in
        // Lucene.Net 4.8).
        var unsliced = search with { Alone = false };
        var half = (plan.TieredCount + 1) / 2;
        var steps = new[] { plan.TieredCount - 2, half }.Where(m => m >= half).Append(1).Distinct().ToList();
        Relaxation relaxation = null!;
        Ranked? relaxed = null;
        foreach (var minimum in steps)
        {
            relaxation = plan.Relax(minimum);
            relaxed = strict.Filters.Count > 0 ? null : Run(unsliced, relaxation.Query, cancellationToken);
            var total = relaxed?.Top.TotalHits ?? Count(search.Searcher, relaxation.Query);
            if (total >= DefaultPageSize || (total > 0 && minimum <= half))
            {
                break;
            }
        }

        relaxed ??= Run(unsliced, relaxation.Query, cancellationToken);
        var docs = relaxed.Top.ScoreDocs.Skip(search.Offset).Select(d => d.Doc).ToList();
        var explained = relaxation.Explain(search.Searcher, docs);
        var interpretation = Interpretation(plan, relaxed: true, explained);
        if (dropped is not null)
        {
            interpretation = interpretation with { DroppedWords = [.. dropped, .. interpretation.DroppedWords] };
        }

        var page = Page(search, relaxation.Query, relaxed, interpretation, cancellationToken);
        var hits = page.Hits.Select((hit, i) => hit with
        {
            Score = TierQuery.Split(hit.Score).Score,
            MissingWords = explained[i].Missing,
            Corrections = explained[i].Corrected,
        }).ToList();
        return page with { Hits = hits };
    }

    private static int Count(IndexSearcher searcher, Query? query)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query ?? new MatchAllDocsQuery(), count);
        return count.TotalHits;
    }

    private static QueryInterpretation Interpretation(
        QueryPlan plan,
        bool relaxed,
        IReadOnlyList<(IReadOnlyList<string> Missing, IReadOnlyList<WordCorrection> Corrected)> explained)
    {
        var first = explained.Count > 0 ? explained[0] : (Missing: (IReadOnlyList<string>)[], Corrected: (IReadOnlyList<WordCorrection>)[]);
        var corrections = plan.Decoded
            .Concat(explained.SelectMany(e => e.Corrected))
            .DistinctBy(c => (c.Typed, c.Corrected))
            .ToList();
        return new QueryInterpretation(relaxed, first.Missing, corrections, plan.ReferenceKeys);
    }

    private Ranked Run(PageSearch search, Query? textQuery, CancellationToken cancellationToken, Query? rescore = null)
    {
        var searcher = search.Searcher;
        var slices = search.Alone && searcher.IndexReader.MaxDoc >= MinDocumentsToSlice ? Math.Max(Slices, 1) : 1;
        if (slices > 1)
        {
            Interlocked.Increment(ref _slicedSearches);
        }

        var filters = FilterQueries.Build(search.Request.Filter, new ReferenceCatalog(searcher.IndexReader));
        var query = FilterQueries.Combine(textQuery, filters.Values);
        // Facets of unfiltered fields are counted in the same pass that ranks the page.
        var sort = SearchRequestChecks.SortFor(search.Order);
        var sharedFacets = search.Facets.Where(f => !filters.ContainsKey(f)).ToList();
        var sharedFields = sharedFacets.Select(f => FacetFields[f]).ToList();
        var rescoring = rescore is not null && search.Order == "relevance";
        var size = rescoring ? Math.Max(search.Offset + search.PageSize, PhraseRescoring.Window) : search.Offset + search.PageSize;
        var parts = SlicedSearch.Run(
            searcher,
            query,
            slices,
            () => new RankingPass(
                TopFieldCollector.Create(sort, size, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true),
                sharedFields.Count > 0 ? new FacetCollector(sharedFields) : null),
            cancellationToken);
        var top = parts.Count == 1
            ? parts[0].Ranking.GetTopDocs()
            : TopDocs.Merge(sort, size, parts.Select(p => p.Ranking.GetTopDocs()).ToArray());
        if (rescoring)
        {
            top = PhraseRescoring.Rescore(searcher, top, rescore!, search.Offset + search.PageSize, cancellationToken);
        }

        return new Ranked(top, filters, sharedFacets, FacetCollector.Sum(parts.Select(p => p.Facets)), slices);
    }

    private SearchPage Page(PageSearch search, Query? textQuery, Ranked ranked, QueryInterpretation interpretation, CancellationToken cancellationToken)
    {
        var searcher = search.Searcher;
        var top = ranked.Top;
        var highlightTerms = HighlightTerms(searcher, textQuery);
        var scoreDocs = top.ScoreDocs.Skip(search.Offset).ToArray();
        var indexed = highlightTerms.Count > 0 ? PostingsMatches.Find(searcher, scoreDocs.Select(d => d.Doc).ToList(), highlightTerms) : [];
        var summaries = SummaryCache.Of(searcher.IndexReader);
        var hits = new SearchHit[scoreDocs.Length];
        void Hit(int i)
        {
            var scoreDoc = scoreDocs[i];
            var document = search.Request.WholeDocuments ? DocumentMapper.FromLucene(searcher.Doc(scoreDoc.Doc)) : summaries.Get(searcher, scoreDoc.Doc);
            var score = float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score;
            hits[i] = new SearchHit(document, score, _snippets.Build(document.Text, highlightTerms, indexed.GetValueOrDefault(scoreDoc.Doc)));
        }

        // Reading the hits (long reports are most of it) and their snippets: on every core for a lone search, as
        // its ranking pass is (Run); under load each search keeps to its thread.
        if (search.Alone && hits.Length > 1 && Slices > 1)
        {
            Parallel.For(0, hits.Length, new ParallelOptions { MaxDegreeOfParallelism = Slices, CancellationToken = cancellationToken }, Hit);
        }
        else
        {
            for (var i = 0; i < hits.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Hit(i);
            }
        }

        var end = search.Offset + search.PageSize;
        var next = end < top.TotalHits && end < MaxResultWindow ? _tokens.Encode(search.Fingerprint, end) : "";
        var facetResults = FacetCounting.Count(searcher, textQuery, ranked.Filters, search.Facets, (ranked.SharedFacets, ranked.Shared), search.FacetSize, ranked.Slices, cancellationToken);
        return new SearchPage(top.TotalHits, hits, facetResults, next) { Interpretation = interpretation };
    }

    /// <summary>The stored document with this id.</summary>
    /// <exception cref="InvalidRequestException">The id is empty or malformed.</exception>
    /// <exception cref="DocumentNotFoundException">No such document.</exception>
    public StoredDocument GetDocument(string id)
    {
        if (DocumentIds.Check(id ?? "") is { } reason)
        {
            throw new InvalidRequestException("id", reason.Replace("'id' ", "", StringComparison.Ordinal));
        }

        return _store.Search(searcher =>
        {
            var top = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
            return top.ScoreDocs.Length == 0
                ? throw new DocumentNotFoundException(id!)
                : DocumentMapper.FromLucene(searcher.Doc(top.ScoreDocs[0].Doc));
        });
    }

    /// <summary>
    /// Below this many documents a search runs on one thread. Above it, a search that finds no other one
    /// running, and none that overlapped another in the last second, is cut into <see cref="Slices"/> parts
    /// run at once (a lone caller gets every core; under load each search keeps to one thread, which serves
    /// more callers).
    /// </summary>
    internal int MinDocumentsToSlice { get; set; } = 20_000;

    /// <summary>How many parts a lone search is cut into: one per core.</summary>
    internal int Slices { get; set; } = Environment.ProcessorCount;

    /// <summary>Searches that ran in slices so far.</summary>
    internal long SlicedSearches => Interlocked.Read(ref _slicedSearches);

    /// <summary>Number of documents in the last commit.</summary>
    public int DocumentCount => _store.Search(s => s.IndexReader.NumDocs);

    private static HashSet<Term> HighlightTerms(IndexSearcher searcher, Query? textQuery)
    {
        var terms = new HashSet<Term>();
        if (textQuery is not null)
        {
            searcher.Rewrite(textQuery).ExtractTerms(terms);
        }

        return terms;
    }

    /// <summary>What one page asks for, over one searcher.</summary>
    private sealed record PageSearch(
        IndexSearcher Searcher,
        SearchQuery Request,
        string Order,
        List<string> Facets,
        int FacetSize,
        byte[] Fingerprint,
        int Offset,
        int PageSize,
        bool Alone);

    /// <summary>The ranked matches of one query and the facets counted in the same pass.</summary>
    private sealed record Ranked(TopDocs Top, Dictionary<string, Query> Filters, List<string> SharedFacets, FacetCollector? Shared, int Slices);
}
