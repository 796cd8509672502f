using System.Text;
using System.Text.Json;

namespace SearchService.Evaluation.Mentions;

/// <summary>One gold mention: key and exact text.</summary>
internal sealed record GoldMention(string Key, string Text);

/// <summary>Gold mentions of one document, in document order.</summary>
internal sealed record GoldDocument(string Id, IReadOnlyList<GoldMention> Mentions);

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
                        (m.GetProperty("text").GetString() ?? "").Normalize(NormalizationForm.FormC)));
                }
            }

            documents.Add(new GoldDocument(id, mentions));
        }

        return documents;
    }

    /// <summary>Gold spans: each gold text found in the document at or after the end of the previous one.</summary>
    public static List<(string Key, int Start, int End)> Locate(string text, GoldDocument gold, List<string> problems)
    {
        var spans = new List<(string Key, int Start, int End)>();
        var cursor = 0;
        foreach (var m in gold.Mentions)
        {
            var at = m.Text.Length == 0 ? -1 : text.IndexOf(m.Text, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                problems.Add($"{gold.Id}: gold text [{m.Text}] ({m.Key}) not found after offset {cursor}");
                continue;
            }

            spans.Add((m.Key, at, at + m.Text.Length));
            cursor = at + m.Text.Length;
        }

        return spans;
    }
}
