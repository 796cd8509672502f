namespace SearchService.Core.Metadata;

/// <summary>A topic given to a report, how strongly, and the cues that gave it.</summary>
/// <param name="Topic">A label of the taxonomy (Resources/topics.json), e.g. "Xây dựng Đảng".</param>
/// <param name="Score">The summed cue weights (see <see cref="TopicClassifier"/>); comparable within one report.</param>
/// <param name="Cues">The cues found, as written in the taxonomy, strongest first.</param>
public sealed record TopicAssignment(string Topic, double Score, IReadOnlyList<string> Cues);
