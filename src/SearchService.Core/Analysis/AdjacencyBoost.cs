namespace SearchService.Core.Analysis;

/// <summary>How <see cref="TextQueryFactory"/> rewards adjacent query words.</summary>
public enum AdjacencyBoost
{
    /// <summary>No reward: words match anywhere in the document.</summary>
    None,

    /// <summary>An optional term on the syllable-pair fields per adjacent pair (cheap at query time).</summary>
    Pairs,

    /// <summary>An optional two-word phrase on the syllable fields per adjacent pair (no pair fields needed).</summary>
    Phrases,

    /// <summary>
    /// An optional term on the dictionary-word fields per multi-syllable word of the query
    /// (needs <see cref="TextQueryOptions.Lexicon"/> and an index with those fields).
    /// </summary>
    Words,
}
