namespace SearchService.Core.Metadata;

/// <summary>What the metadata extraction read from one report.</summary>
/// <param name="Ward">Canonical ward; "" for a district-level report or when unknown.</param>
/// <param name="District">Canonical district; "" when unknown.</param>
/// <param name="PeriodYears">The years the report is about, ascending (see <see cref="Metadata.PeriodYears"/>).</param>
/// <param name="Topics">Topics best first, at least one, each with its cues.</param>
public sealed record DocumentMetadata(string Ward, string District, IReadOnlyList<int> PeriodYears, IReadOnlyList<TopicAssignment> Topics)
{
    /// <summary>The rule that decided ward and district (see <see cref="PlaceResult.Evidence"/>).</summary>
    public string PlaceEvidence { get; init; } = "";
}
