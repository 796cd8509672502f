namespace SearchService.Core.Analysis;

/// <summary>Weights and switches of <see cref="TextQueryFactory"/>; the defaults are the measured best.</summary>
public sealed record TextQueryOptions
{
    /// <summary>The defaults.</summary>
    public static TextQueryOptions Default { get; } = new();

    /// <summary>
    /// Weight of a match in the title relative to the body text. Default 1: the title field adds its own
    /// BM25 score already, and a higher boost let titles repeating one word outrank reports with all of them.
    /// </summary>
    public float TitleBoost { get; init; } = 1f;

    /// <summary>
    /// Weight of the folded fields for a query word typed with diacritics (its exact match counts 1 plus
    /// this), so "bàn" still finds "ban" but ranks it below "bàn". Default 0.5.
    /// </summary>
    public float FoldedWeightWhenExact { get; init; } = 0.5f;

    /// <summary>
    /// How the fields a word matches in add up: null sums them (title, text, folded title, folded text);
    /// a value makes the best field count fully and the others by this factor (DisjunctionMaxQuery).
    /// </summary>
    public float? FieldTieBreaker { get; init; }

    /// <summary>
    /// Weight of an optional clause matching every required word in its typed form (exact fields for words
    /// typed with diacritics): a coordination bonus BM25 lacks. 0 turns it off. Default 0: measured neutral
    /// once the adjacency bonus weighs 2 (the relevance step prints it as a variant).
    /// </summary>
    public float ExactCoverageWeight { get; init; }

    /// <summary>
    /// Weight of an optional clause matching a run of three or more words as a phrase (two-word runs are
    /// covered by the adjacency bonus). 0 turns it off. Default 1.
    /// </summary>
    public float RunPhraseWeight { get; init; } = 1f;

    /// <summary>How adjacent query words are rewarded. Default <see cref="AdjacencyBoost.Pairs"/>.</summary>
    public AdjacencyBoost Adjacency { get; init; } = AdjacencyBoost.Pairs;

    /// <summary>Weight of one adjacency clause. Default 2.</summary>
    public float AdjacencyWeight { get; init; } = 2f;

    /// <summary>Whether abbreviations and their expansions match each other. Default true.</summary>
    public bool ExpandAbbreviations { get; init; } = true;

    /// <summary>Whether function words are optional in <see cref="TextQueryFactory.Words"/>. Default true.</summary>
    public bool OptionalStopwords { get; init; } = true;

    /// <summary>The word list for <see cref="AdjacencyBoost.Words"/>.</summary>
    public VietnameseLexicon? Lexicon { get; init; }

    /// <summary>The abbreviations; null for <see cref="AnalysisResources.Abbreviations"/>.</summary>
    public IReadOnlyList<Abbreviation>? Abbreviations { get; init; }

    /// <summary>The function words; null for <see cref="AnalysisResources.Stopwords"/>.</summary>
    public IReadOnlySet<string>? Stopwords { get; init; }
}
