using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Evaluation.Relevance;

/// <summary>
/// Relevance of the Vietnamese analysis on the sample archive: the judged queries of
/// relevance-judgments.json run on an in-memory BM25 index of index-data/archive, queries built with
/// <see cref="TextQueryFactory"/>. Prints MRR and nDCG@10 (overall and per query group), the share of
/// queries whose diacritic-free form returns the same top 3 as the form with diacritics, and the same
/// figures for variants of the query building, which is how the defaults were chosen.
/// Set SEARCHSERVICE_EVAL_ARCHIVE to evaluate another folder of reports, SEARCHSERVICE_LEXICON for the
/// word list of the dictionary variant (default ../shared/lexicon/vi_words_pyvi.txt).
/// </summary>
internal sealed class RelevanceEvaluationStep : IEvaluationStep
{
    public string Name => "relevance";

    public int Order => 20;

    public Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var archive = Environment.GetEnvironmentVariable("SEARCHSERVICE_EVAL_ARCHIVE") is { Length: > 0 } overridden
            ? overridden
            : context.SampleArchive;
        var documents = ArchiveDocument.ReadAll(archive);
        var judgmentsPath = RelevanceJudgments.PathIn(context.RepoRoot);
        if (documents.Count == 0 || !File.Exists(judgmentsPath))
        {
            return Task.FromResult(new StepResult(new Dictionary<string, double>(), [$"no archive at {archive} or no judgments at {judgmentsPath}"]));
        }

        var judgments = RelevanceJudgments.Load(judgmentsPath);
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var failures = judgments.Queries
            .SelectMany(q => q.Relevant.Where(r => !ids.Contains(r)).Select(r => $"query {q.Id} names unknown report {r}"))
            .ToList();

        var lexiconPath = Environment.GetEnvironmentVariable("SEARCHSERVICE_LEXICON") is { Length: > 0 } lexiconOverride
            ? lexiconOverride
            : Path.Combine(context.Shared, "lexicon", "vi_words_pyvi.txt");
        var lexicon = VietnameseLexicon.Load(lexiconPath);
        var analyzer = VietnameseAnalyzers.CreatePerFieldAnalyzer(lexicon);
        using var index = RelevanceIndex.Build(documents, analyzer);
        output.WriteLine($"   {documents.Count} reports, {judgments.Queries.Count} judged queries, lexicon of {lexicon.Count} words");

        var metrics = new Dictionary<string, double>();
        var main = Evaluate(index, new TextQueryFactory(analyzer), judgments, cancellationToken);
        metrics["mrr"] = main.Mrr;
        metrics["ndcg_at_10"] = main.Ndcg;
        var disagreeing = new List<string>();
        metrics["diacritic_agreement_top3"] = DiacriticAgreement(index, new TextQueryFactory(analyzer), judgments, disagreeing);

        output.WriteLine($"   {"group",-14} {"n",3} {"MRR",7} {"nDCG@10",8}");
        foreach (var group in main.PerQuery.GroupBy(q => q.Query.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"   {group.Key,-14} {group.Count(),3} {group.Average(q => q.Rr),7:0.000} {group.Average(q => q.Ndcg),8:0.000}");
        }

        var explain = Environment.GetEnvironmentVariable("SEARCHSERVICE_EVAL_EXPLAIN");
        foreach (var query in judgments.Queries.Where(q => q.Id == explain))
        {
            foreach (var line in index.Explain(new TextQueryFactory(analyzer), query.Query))
            {
                output.WriteLine(line);
            }
        }

        foreach (var weak in main.PerQuery.Where(q => q.Ndcg < 0.8))
        {
            output.WriteLine($"   weak: {weak.Query.Id} [{weak.Query.Query}] nDCG {weak.Ndcg:0.00}; relevant at ranks "
                + string.Join(", ", weak.Query.Relevant.Select(r => $"{r}={IndexOf(weak.Top, r)}")));
        }

        var variants = new (string Name, TextQueryOptions Options)[]
        {
            ("no_adjacency", TextQueryOptions.Default with { Adjacency = AdjacencyBoost.None }),
            ("adjacent_phrases", TextQueryOptions.Default with { Adjacency = AdjacencyBoost.Phrases }),
            ("dictionary_words", TextQueryOptions.Default with { Adjacency = AdjacencyBoost.Words, Lexicon = lexicon }),
            ("no_run_phrase", TextQueryOptions.Default with { RunPhraseWeight = 0 }),
            ("run_phrase_2", TextQueryOptions.Default with { RunPhraseWeight = 2 }),
            ("run_phrase_4", TextQueryOptions.Default with { RunPhraseWeight = 4 }),
            ("exact_coverage_0.5", TextQueryOptions.Default with { ExactCoverageWeight = 0.5f }),
            ("no_abbreviations", TextQueryOptions.Default with { ExpandAbbreviations = false }),
            ("stopwords_required", TextQueryOptions.Default with { OptionalStopwords = false }),
            ("exact_only_with_diacritics", TextQueryOptions.Default with { FoldedWeightWhenExact = 0 }),
            ("folded_weight_0.2", TextQueryOptions.Default with { FoldedWeightWhenExact = 0.2f }),
            ("folded_weight_1", TextQueryOptions.Default with { FoldedWeightWhenExact = 1 }),
            ("title_boost_2", TextQueryOptions.Default with { TitleBoost = 2 }),
            ("adjacency_weight_1", TextQueryOptions.Default with { AdjacencyWeight = 1 }),
            ("adjacency_weight_3", TextQueryOptions.Default with { AdjacencyWeight = 3 }),
            ("dismax_0.3", TextQueryOptions.Default with { FieldTieBreaker = 0.3f }),
        };
        output.WriteLine($"   top 3 differs without diacritics: {string.Join(' ', disagreeing)}");
        output.WriteLine($"   {"variant",-28} {"MRR",7} {"nDCG@10",8} {"agree@3",8}");
        output.WriteLine($"   {"default",-28} {main.Mrr,7:0.000} {main.Ndcg,8:0.000} {metrics["diacritic_agreement_top3"],8:0.000}");
        foreach (var (name, options) in variants)
        {
            var factory = new TextQueryFactory(analyzer, options);
            var result = Evaluate(index, factory, judgments, cancellationToken);
            var agreement = DiacriticAgreement(index, factory, judgments);
            output.WriteLine($"   {name,-28} {result.Mrr,7:0.000} {result.Ndcg,8:0.000} {agreement,8:0.000}");
        }

        return Task.FromResult(new StepResult(metrics, failures));
    }

    private static Result Evaluate(RelevanceIndex index, TextQueryFactory factory, RelevanceJudgments judgments, CancellationToken cancellationToken)
    {
        var perQuery = new List<QueryResult>();
        foreach (var query in judgments.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var top = index.Search(factory, query.Query);
            var relevant = query.Relevant.ToHashSet(StringComparer.Ordinal);
            perQuery.Add(new QueryResult(query, top, RankingMetrics.ReciprocalRank(top, relevant), RankingMetrics.NdcgAt(top, relevant)));
        }

        return new Result(perQuery.Average(q => q.Rr), perQuery.Average(q => q.Ndcg), perQuery);
    }

    // Of the queries typed with diacritics, the share whose folded form gives the same top 3 (as a set).
    private static double DiacriticAgreement(RelevanceIndex index, TextQueryFactory factory, RelevanceJudgments judgments, List<string>? disagreeing = null)
    {
        var withDiacritics = judgments.Queries.Where(q => VietnameseText.HasDiacritics(VietnameseText.Normalize(q.Query))).ToList();
        if (withDiacritics.Count == 0)
        {
            return 1;
        }

        var same = 0;
        foreach (var query in withDiacritics)
        {
            var exact = index.Search(factory, query.Query, 3);
            var folded = index.Search(factory, VietnameseText.Fold(VietnameseText.Normalize(query.Query)), 3);
            if (exact.ToHashSet(StringComparer.Ordinal).SetEquals(folded))
            {
                same++;
            }
            else
            {
                disagreeing?.Add(query.Id);
            }
        }

        return (double)same / withDiacritics.Count;
    }

    private static string IndexOf(IReadOnlyList<string> top, string id)
    {
        for (var i = 0; i < top.Count; i++)
        {
            if (top[i] == id)
            {
                return (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return "-";
    }

    private sealed record QueryResult(JudgedQuery Query, IReadOnlyList<string> Top, double Rr, double Ndcg);

    private sealed record Result(double Mrr, double Ndcg, IReadOnlyList<QueryResult> PerQuery);
}
