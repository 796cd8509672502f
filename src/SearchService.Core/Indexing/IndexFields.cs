namespace SearchService.Core.Indexing;

/// <summary>Names of the non-text Lucene fields. Text fields are in <see cref="Analysis.AnalyzedFields"/>.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string IdSort = "id_sort";
    public const string SourcePath = "source_path";
    public const string SourceLine = "source_line";        // doc values: line of a streamed JSON Lines file
    public const string ContentHash = "content_hash";
    public const string Category = "category";
    public const string Url = "url";
    public const string Source = "source";
    public const string Published = "published";          // stored and doc values: Unix milliseconds
    public const string ViewCount = "view_count";
    public const string Year = "year";                    // publication year, string term, stored
    public const string YearFacet = "year_facet";          // sorted-set doc values
    public const string PeriodYear = "period_year";
    public const string Ward = "ward";                    // display value, stored
    public const string WardKey = "ward_key";              // folded key for filters
    public const string WardFacet = "ward_facet";
    public const string District = "district";
    public const string DistrictKey = "district_key";
    public const string DistrictFacet = "district_facet";
    public const string Topic = "topic";
    public const string TopicKey = "topic_key";
    public const string TopicFacet = "topic_facet";
    public const string TopicEvidence = "topic_evidence";  // stored JSON
    // The mention fields are written and read by Mentions/Index/MentionFields; their doc-values entries are
    // encoded by MentionCounts.
    public const string Reference = "reference";          // mention keys, exact
    public const string ReferenceFacet = "reference_facet";
    public const string ReferenceCounts = "reference_counts"; // sorted-set doc values "key\u001Fcount"
    public const string ReferenceActions = "reference_actions"; // sorted-set doc values "key\u001Faction\u001Fcount"
    public const string Mentions = "mentions";            // stored JSON
    public const string MentionCount = "mention_count";    // doc values
}
