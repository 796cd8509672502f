using System.Text;
using System.Text.Json;

namespace SearchService.Evaluation.Mentions;

/// <summary>One gold mention: key and exact text.</summary>
/// <summary>One gold mention: key, exact text and, where the gold gives them, the action and whether the
/// number is one the report leaves ambiguous.</summary>
internal sealed record GoldMention(string Key, string Text, string? Action = null, bool Ambiguous = false);

/// <summary>Gold mentions of one document, in document order.</summary>
internal sealed record GoldDocument(string Id, IReadOnlyList<GoldMention> Mentions, DateOnly? Published = null);

/// <summary>
/// Reads gold files: a JSON array of {"id": …, "mentions": [{"key": …, "text": …}, …]} (other fields
/// ignored). The seed gold (tests/SearchService.Core.Tests/Mentions/seed-gold.json) and the sample
/// archive gold (index-data/gold/*.json) share this format.
/// </summary>
internal static class MentionGold
{
    public static IReadOnlyList<GoldDocument> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var documents = new List<GoldDocument>();
        foreach (var doc in json.RootElement.EnumerateArray())
        {
            var id = doc.GetProperty("id").GetString() ?? throw new InvalidDataException($"{path}: a document has no id");
            var mentions = new List<GoldMention>();
            if (doc.TryGetProperty("mentions", out var list))
            {
                foreach (var m in list.EnumerateArray())
                {
                    mentions.Add(new GoldMention(
                        m.GetProperty("key").GetString() ?? "",
                        (m.GetProperty("text").GetString() ?? "").Normalize(NormalizationForm.FormC),
                        m.TryGetProperty("action", out var action) ? action.GetString() : null,
                        m.TryGetProperty("ambiguous", out var ambiguous) && ambiguous.GetBoolean()));
                }
            }

            DateOnly? published = doc.TryGetProperty("published", out var p) && DateOnly.TryParse(p.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var day)
                ? day
                : null;
            documents.Add(new GoldDocument(id, mentions, published));
        }

        return documents;
    }

    /// <summary>Gold spans: each gold text found in the document at or after the end of the previous one.</summary>
    public static List<(string Key, int Start, int End)> Locate(string text, GoldDocument gold, List<string> problems)
        => LocateMentions(text, gold, problems).Select(s => (s.Mention.Key, s.Start, s.End)).ToList();

    /// <summary>Gold mentions with their spans, as <see cref="Locate"/> finds them.</summary>
    public static List<(GoldMention Mention, int Start, int End)> LocateMentions(string text, GoldDocument gold, List<string> problems)
    {
        var spans = new List<(GoldMention Mention, int Start, int End)>();
        var cursor = 0;
        foreach (var m in gold.Mentions)
        {
            var at = m.Text.Length == 0 ? -1 : text.IndexOf(m.Text, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                problems.Add($"{gold.Id}: gold text [{m.Text}] ({m.Key}) not found after offset {cursor}");
                continue;
            }

            spans.Add((m, at, at + m.Text.Length));
            cursor = at + m.Text.Length;
        }

        return spans;
    }
}
