using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace SearchService.Core.Search.Planning;

/// <summary>
/// A query unit in a relaxed search: a document it matches scores <see cref="Weight"/> more than its BM25
/// score, so a document matching more units always outranks one matching fewer, and BM25 orders
/// documents that match as many.
/// </summary>
internal sealed class TierQuery(Query unit) : CustomScoreQuery(unit)
{
    /// <summary>Far above any BM25 sum a query of at most 32 parts reaches, small enough for float precision.</summary>
    public const float Weight = 10_000f;

    /// <summary>The score within its tier, and the number of units the document matched.</summary>
    public static (float Score, int Units) Split(float score)
    {
        var units = (int)MathF.Floor(score / Weight);
        return (score - (units * Weight), units);
    }

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    public override string ToString(string field) => $"tier({SubQuery.ToString(field)})";

    private sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float[] valSrcScores) => Weight + subQueryScore;

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) => Weight + subQueryScore;
    }
}
