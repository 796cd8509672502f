using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Core.Metadata;

/// <summary>
/// Multi-label topic classification of a report by weighted cue phrases, from the taxonomy in
/// Resources/topics.json (labels, cues and weights kept readable and tunable there).
/// </summary>
/// <remarks>
/// Cues match whole syllables, ignoring case, diacritics and tone placement ("giai phong mat bang"
/// matches "Giải phóng mặt bằng") and dashes or commas between syllables ("xanh - sạch - đẹp"); where cues overlap the longest wins ("giáo dục chính trị tư tưởng"
/// is not "giáo dục"). A cue scores its weight times <c>titleWeight</c> per title occurrence plus its weight
/// times 1 + ln(n) for n body occurrences, so a long report does not win by repetition. A topic is
/// assigned when its score is at least <c>relativeThreshold</c> of the best topic's (the lower
/// <c>titleRelativeThreshold</c> when the title has one of its cues of weight 1 or more: the title says what a report is about) and at least
/// <c>minScore</c>; at most <c>maxTopics</c>, best first. Every report gets at least one topic: the
/// best one, or the first label of the taxonomy with no cue when nothing matched.
/// </remarks>
public sealed class TopicClassifier
{
    private static readonly Lazy<TopicClassifier> DefaultInstance = new(
        () => Parse(EmbeddedResources.ReadText(EmbeddedResources.Topics)));

    private readonly TaxonomyFile _taxonomy;
    private readonly Dictionary<string, List<(int Label, string Cue, double Weight)>> _cues;
    // First syllable of a cue → the cue lengths (in syllables) that start with it, longest first, so a
    // scan only builds the candidate keys that can exist.
    private readonly Dictionary<string, int[]> _lengthsByFirst;

    private TopicClassifier(TaxonomyFile taxonomy)
    {
        _taxonomy = taxonomy;
        Labels = taxonomy.Topics.Select(t => t.Label).ToList();
        var lengths = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        _cues = new Dictionary<string, List<(int, string, double)>>(StringComparer.Ordinal);
        for (var label = 0; label < taxonomy.Topics.Count; label++)
        {
            foreach (var (cue, weight) in taxonomy.Topics[label].Cues)
            {
                var key = Gazetteer.NameKey(cue);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!_cues.TryGetValue(key, out var list))
                {
                    _cues[key] = list = [];
                }

                list.Add((label, cue, weight));
                var first = key.Split(' ')[0];
                if (!lengths.TryGetValue(first, out var set))
                {
                    lengths[first] = set = [];
                }

                set.Add(key.Count(c => c == ' ') + 1);
            }
        }

        _lengthsByFirst = lengths.ToDictionary(kv => kv.Key, kv => kv.Value.Reverse().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The taxonomy shipped with the service (Resources/topics.json, embedded), loaded once.</summary>
    public static TopicClassifier Default => DefaultInstance.Value;

    /// <summary>Every label of the taxonomy, in file order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Reads a taxonomy file in the topics.json format.</summary>
    public static TopicClassifier Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads a taxonomy from JSON text in the topics.json format.</summary>
    public static TopicClassifier Parse(string json)
    {
        var taxonomy = JsonSerializer.Deserialize<TaxonomyFile>(json)
            ?? throw new InvalidDataException("empty topic taxonomy");
        if (taxonomy.Topics.Count == 0)
        {
            throw new InvalidDataException("the topic taxonomy has no topics");
        }

        return new TopicClassifier(taxonomy);
    }

    /// <summary>The topics of a report, best first; never empty.</summary>
    public IReadOnlyList<TopicAssignment> Classify(string title, string text) => Classify(SyllableText.Of(title ?? ""), SyllableText.Of(text ?? ""));

    /// <summary>As <see cref="Classify(string, string)"/>, on title and text already cut into syllables.</summary>
    internal IReadOnlyList<TopicAssignment> Classify(SyllableText title, SyllableText text)
    {
        var scores = new double[Labels.Count];
        var cueScores = new Dictionary<(int Label, string Cue), double>();
        var titleCounts = Count(title);
        var bodyCounts = Count(text);
        foreach (var key in titleCounts.Keys.Union(bodyCounts.Keys))
        {
            var inTitle = titleCounts.GetValueOrDefault(key);
            var inBody = bodyCounts.GetValueOrDefault(key);
            var strength = (inTitle * _taxonomy.TitleWeight) + (inBody > 0 ? 1 + Math.Log(inBody) : 0);
            foreach (var (label, cue, weight) in _cues[key])
            {
                scores[label] += weight * strength;
                cueScores[(label, cue)] = weight * strength;
            }
        }

        var ranked = Enumerable.Range(0, Labels.Count)
            .Where(l => scores[l] > 0)
            .OrderByDescending(l => scores[l])
            .ThenBy(l => l)
            .ToList();
        if (ranked.Count == 0)
        {
            return [new TopicAssignment(Labels[0], 0, [])];
        }

        var inTitleLabels = titleCounts.Keys.SelectMany(k => _cues[k]).Where(c => c.Weight >= 1).Select(c => c.Label).ToHashSet();
        var best = scores[ranked[0]];
        return ranked
            .Where((l, i) => i == 0 || (scores[l] >= _taxonomy.MinScore
                && scores[l] >= best * (inTitleLabels.Contains(l) ? _taxonomy.TitleRelativeThreshold : _taxonomy.RelativeThreshold)))
            .Take(Math.Max(1, _taxonomy.MaxTopics))
            .Select(l => new TopicAssignment(
                Labels[l],
                Math.Round(scores[l], 3),
                cueScores.Where(c => c.Key.Label == l).OrderByDescending(c => c.Value).ThenBy(c => c.Key.Cue, StringComparer.Ordinal).Select(c => c.Key.Cue).ToList()))
            .ToList();
    }

    /// <summary>Occurrences of each cue key, longest match first, matches not overlapping.</summary>
    private Dictionary<string, int> Count(SyllableText s)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < s.Count; i++)
        {
            if (!_lengthsByFirst.TryGetValue(s.Syllable(i), out var lengths))
            {
                continue;
            }

            foreach (var n in lengths)
            {
                if (n > s.Count - i)
                {
                    continue;
                }

                var key = s.Joined(i, n);
                if (_cues.ContainsKey(key) && s.IsJoined(i, n, allowDashAndComma: true))
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    i += n - 1;
                    break;
                }
            }
        }

        return counts;
    }

    private sealed class TaxonomyFile
    {
        [JsonPropertyName("titleWeight")]
        public double TitleWeight { get; init; } = 5;

        [JsonPropertyName("relativeThreshold")]
        public double RelativeThreshold { get; init; } = 0.25;

        [JsonPropertyName("titleRelativeThreshold")]
        public double TitleRelativeThreshold { get; init; } = 0.15;

        [JsonPropertyName("minScore")]
        public double MinScore { get; init; } = 2;

        [JsonPropertyName("maxTopics")]
        public int MaxTopics { get; init; } = 2;

        [JsonPropertyName("topics")]
        public List<TopicEntry> Topics { get; init; } = [];
    }

    private sealed class TopicEntry
    {
        [JsonPropertyName("label")]
        public string Label { get; init; } = "";

        [JsonPropertyName("cues")]
        public Dictionary<string, double> Cues { get; init; } = [];
    }
}
