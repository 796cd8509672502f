using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Evaluation.Relevance;

/// <summary>One judged query: its text in the user syntax, its group, and the ids of the relevant reports.</summary>
internal sealed record JudgedQuery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("relevant")] IReadOnlyList<string> Relevant);

/// <summary>
/// relevance-judgments.json (the tuning set) or heldout-judgments.json (the held-out set): the queries and the reports judged relevant to each (each query also records
/// the criteria its judgment was drafted from; only the fields below are read).
/// </summary>
internal sealed record RelevanceJudgments(
    [property: JsonPropertyName("queries")] IReadOnlyList<JudgedQuery> Queries)
{
    public static string PathIn(string repoRoot)
        => Path.Combine(repoRoot, "tests", "SearchService.Evaluation", "Relevance", "relevance-judgments.json");

    /// <summary>The held-out set, in the same format; judged apart from the tuning and never tuned on.</summary>
    public static string HeldoutPathIn(string repoRoot)
        => Path.Combine(repoRoot, "tests", "SearchService.Evaluation", "Relevance", "heldout-judgments.json");

    public static RelevanceJudgments Load(string path)
        => JsonSerializer.Deserialize<RelevanceJudgments>(File.ReadAllText(path))
           ?? throw new InvalidDataException(path + " is empty");
}
