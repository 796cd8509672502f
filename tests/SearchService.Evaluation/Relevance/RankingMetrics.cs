namespace SearchService.Evaluation.Relevance;

/// <summary>Rank metrics with binary relevance.</summary>
internal static class RankingMetrics
{
    /// <summary>1 / rank of the first relevant result within the first <paramref name="k"/>, else 0.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k = 10)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>nDCG at <paramref name="k"/>: DCG of the ranking over DCG of the ideal ranking.</summary>
    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k = 10)
    {
        if (relevant.Count == 0)
        {
            return ranked.Count == 0 ? 1 : 0;
        }

        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }
}
