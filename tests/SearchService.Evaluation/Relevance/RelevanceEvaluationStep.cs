using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Errors;
using SearchService.Core.Search;
using SearchService.Core.Text;

namespace SearchService.Evaluation.Relevance;

/// <summary>
/// Relevance of what users get on the sample archive: index-data/archive is synced into a fresh index
/// by the shipped indexing code, and every judged query goes through <see cref="SearchEngine.Search"/>
/// (first page of 10). Two judgment sets: the tuning set relevance-judgments.json (metrics tuning_*,
/// with floors) and the held-out set heldout-judgments.json (metrics heldout_*, skipped when the file
/// is absent). For each: MRR and nDCG@10 overall and per query group, the queries with nDCG below 0.8
/// with the ranks of their relevant reports, and the share of queries typed with diacritics whose
/// folded form returns the same top 3 (as a set).
/// Set SEARCHSERVICE_EVAL_ARCHIVE to evaluate another folder of reports, SEARCHSERVICE_EVAL_EXPLAIN to
/// a query id to print its top 10 with scores.
/// </summary>
internal sealed class RelevanceEvaluationStep : IEvaluationStep
{
    private const int PageSize = 10;

    public string Name => "relevance";

    public int Order => 20;

    public Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var archive = Environment.GetEnvironmentVariable("SEARCHSERVICE_EVAL_ARCHIVE") is { Length: > 0 } overridden
            ? overridden
            : context.SampleArchive;
        var judgmentsPath = RelevanceJudgments.PathIn(context.RepoRoot);
        if (!Directory.Exists(archive) || !File.Exists(judgmentsPath))
        {
            return Task.FromResult(new StepResult(new Dictionary<string, double>(), [$"no archive at {archive} or no judgments at {judgmentsPath}"]));
        }

        using var store = ShippedIndex.Build(context, "relevance", archive, cancellationToken, out var report);
        var engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
        output.WriteLine($"   {report.DocumentsIndexed} reports indexed by the shipped sync; queries through SearchEngine.Search, page of {PageSize}");

        var metrics = new Dictionary<string, double>();
        var failures = new List<string>();
        Evaluate(engine, "tuning", RelevanceJudgments.Load(judgmentsPath), output, metrics, failures, cancellationToken);

        var heldoutPath = RelevanceJudgments.HeldoutPathIn(context.RepoRoot);
        if (File.Exists(heldoutPath))
        {
            Evaluate(engine, "heldout", RelevanceJudgments.Load(heldoutPath), output, metrics, failures, cancellationToken);
        }
        else
        {
            output.WriteLine($"   no held-out judgments at {Path.GetRelativePath(context.RepoRoot, heldoutPath)}: heldout_* not measured");
        }

        return Task.FromResult(new StepResult(metrics, failures));
    }

    private static void Evaluate(
        SearchEngine engine,
        string set,
        RelevanceJudgments judgments,
        TextWriter output,
        Dictionary<string, double> metrics,
        List<string> failures,
        CancellationToken cancellationToken)
    {
        foreach (var unknown in judgments.Queries.SelectMany(q => q.Relevant).Distinct(StringComparer.Ordinal).Where(id => !Exists(engine, id)))
        {
            failures.Add($"{set}: the judgments name unknown report {unknown}");
        }

        var perQuery = new List<QueryResult>();
        foreach (var query in judgments.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var top = Top(engine, query.Query, PageSize, cancellationToken);
            var relevant = query.Relevant.ToHashSet(StringComparer.Ordinal);
            perQuery.Add(new QueryResult(query, top, RankingMetrics.ReciprocalRank(top, relevant), RankingMetrics.NdcgAt(top, relevant)));
        }

        var disagreeing = new List<string>();
        var agreement = DiacriticAgreement(engine, judgments, disagreeing, cancellationToken);
        metrics[set + "_mrr"] = perQuery.Average(q => q.Rr);
        metrics[set + "_ndcg_at_10"] = perQuery.Average(q => q.Ndcg);
        metrics[set + "_diacritic_agreement_top3"] = agreement;

        output.WriteLine($"   {set}: {judgments.Queries.Count} judged queries: MRR {metrics[set + "_mrr"]:0.000}, nDCG@10 {metrics[set + "_ndcg_at_10"]:0.000}, agree@3 {agreement:0.000}");
        output.WriteLine($"   {"group",-14} {"n",3} {"MRR",7} {"nDCG@10",8}");
        foreach (var group in perQuery.GroupBy(q => q.Query.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"   {group.Key,-14} {group.Count(),3} {group.Average(q => q.Rr),7:0.000} {group.Average(q => q.Ndcg),8:0.000}");
        }

        foreach (var weak in perQuery.Where(q => q.Ndcg < 0.8))
        {
            output.WriteLine($"   weak: {weak.Query.Id} [{weak.Query.Query}] nDCG {weak.Ndcg:0.00}; relevant at ranks "
                + string.Join(", ", weak.Query.Relevant.Select(r => $"{r}={RankOf(weak.Top, r)}")));
        }

        output.WriteLine($"   {set}: top 3 differs without diacritics: {string.Join(' ', disagreeing)}");

        var explain = Environment.GetEnvironmentVariable("SEARCHSERVICE_EVAL_EXPLAIN");
        foreach (var query in judgments.Queries.Where(q => q.Id == explain))
        {
            var page = engine.Search(SearchQuery.For(query.Query) with { PageSize = PageSize }, cancellationToken);
            output.WriteLine($"   explain {query.Id} [{query.Query}]: {page.TotalSize} hits");
            for (var i = 0; i < page.Hits.Count; i++)
            {
                var hit = page.Hits[i];
                var mark = query.Relevant.Contains(hit.Document.Id) ? "*" : " ";
                output.WriteLine($"   {mark}{i + 1,3} {hit.Score,9:0.000} {hit.Document.Id} {hit.Document.Title}");
            }
        }
    }

    // Of the queries typed with diacritics, the share whose folded form gives the same top 3 (as a set).
    private static double DiacriticAgreement(SearchEngine engine, RelevanceJudgments judgments, List<string> disagreeing, CancellationToken cancellationToken)
    {
        var withDiacritics = judgments.Queries.Where(q => VietnameseText.HasDiacritics(VietnameseText.Normalize(q.Query))).ToList();
        if (withDiacritics.Count == 0)
        {
            return 1;
        }

        var same = 0;
        foreach (var query in withDiacritics)
        {
            var exact = Top(engine, query.Query, 3, cancellationToken);
            var folded = Top(engine, VietnameseText.Fold(VietnameseText.Normalize(query.Query)), 3, cancellationToken);
            if (exact.ToHashSet(StringComparer.Ordinal).SetEquals(folded))
            {
                same++;
            }
            else
            {
                disagreeing.Add(query.Id);
            }
        }

        return (double)same / withDiacritics.Count;
    }

    private static List<string> Top(SearchEngine engine, string text, int count, CancellationToken cancellationToken)
        => engine.Search(SearchQuery.For(text) with { PageSize = PageSize }, cancellationToken).Hits
            .Take(count)
            .Select(h => h.Document.Id)
            .ToList();

    private static bool Exists(SearchEngine engine, string id)
    {
        try
        {
            engine.GetDocument(id);
            return true;
        }
        catch (Exception e) when (e is DocumentNotFoundException or InvalidRequestException)
        {
            return false;
        }
    }

    private static string RankOf(IReadOnlyList<string> top, string id)
    {
        for (var i = 0; i < top.Count; i++)
        {
            if (top[i] == id)
            {
                return (i + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return "-";
    }

    private sealed record QueryResult(JudgedQuery Query, IReadOnlyList<string> Top, double Rr, double Ndcg);
}
