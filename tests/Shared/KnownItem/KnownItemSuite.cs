using System.Text;
using System.Text.Json;
using SearchService.Core.Text;

namespace SearchService.Tests.Shared.KnownItem;

/// <summary>One sampled document of the corpus: its id, title (NFC) and body.</summary>
internal sealed record KnownItemDocument(string Id, string Title, string Text);

/// <summary>A query generated to find <see cref="DocumentId"/>; <see cref="Variant"/> names how it was made.</summary>
internal sealed record KnownItemQuery(string Variant, string DocumentId, string Text);

/// <summary>
/// Known-item queries generated at run time from the real corpus (../shared/corpus/docs.jsonl; nothing of
/// it is kept in the repository). A fixed seed samples documents and makes the variants, so every run,
/// in the evaluation and in the bench, asks the same queries of the same corpus.
/// </summary>
/// <remarks>
/// Sampled: documents whose title has 4 to 25 words and at most 200 characters and no other document
/// has the same title (folded, lower case), so the title names one document. The laws (<c>vlc-</c>) are
/// left out: their titles are generic headings ("BỘ LUẬT DÂN SỰ", "LUẬT … SỐ") in capitals, several
/// amendment laws share one, and they are 109 of 8,884 documents, so they would add noise, not signal.
/// Longer first lines are mostly lead sentences of dantri articles, not titles anyone types.
/// Variants (see <see cref="Variants"/>): the title folded; with one typo; plus two unrelated words;
/// with the other tone-mark placement (only titles that have an oa/oe/uy syllable); typed in Telex with
/// the input method off; six consecutive body words, folded.
/// </remarks>
internal sealed record KnownItemSuite(IReadOnlyList<KnownItemDocument> Sample, IReadOnlyList<KnownItemQuery> Queries)
{
    public const int DefaultSampleSize = 300;

    public const int DefaultSeed = 20_240_611;

    public static IReadOnlyList<string> Variants { get; } =
        ["title_folded", "title_typo", "title_extra", "title_tone", "title_telex", "body_words"];

    /// <summary>Reads the corpus, samples <paramref name="sampleSize"/> documents and makes their queries.</summary>
    public static KnownItemSuite Generate(string corpusFile, int sampleSize = DefaultSampleSize, int seed = DefaultSeed)
    {
        var documents = new List<KnownItemDocument>();
        foreach (var line in File.ReadLines(corpusFile))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var title = string.Join(' ', (root.GetProperty("title").GetString() ?? "")
                .Normalize(NormalizationForm.FormC)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            documents.Add(new KnownItemDocument(
                root.GetProperty("id").GetString() ?? "",
                title,
                (root.GetProperty("text").GetString() ?? "").Normalize(NormalizationForm.FormC)));
        }

        var titleCounts = documents.GroupBy(d => TitleKey(d.Title)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var candidates = documents
            .Where(d => !d.Id.StartsWith("vlc-", StringComparison.Ordinal))
            .Where(d => d.Title.Length <= 200 && QueryEdits.Words(d.Title).Count is >= 4 and <= 25)
            .Where(d => titleCounts[TitleKey(d.Title)] == 1)
            .ToList();
        var random = new Random(seed);
        var shuffled = candidates.ToArray();
        random.Shuffle(shuffled);
        var sample = shuffled.Take(sampleSize).ToList();

        var queries = new List<KnownItemQuery>();
        foreach (var document in sample)
        {
            var own = new Random(seed ^ StableHash(document.Id));
            void Add(string variant, string? text)
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    queries.Add(new KnownItemQuery(variant, document.Id, text));
                }
            }

            Add("title_folded", VietnameseText.Fold(document.Title));
            Add("title_typo", QueryEdits.WithTypo(document.Title, own));
            Add("title_extra", WithExtraWords(document, candidates, own));
            Add("title_tone", QueryEdits.OtherTonePlacement(document.Title));
            Add("title_telex", TelexEncoder.Encode(document.Title));
            Add("body_words", BodyWords(document.Text, own));
        }

        return new KnownItemSuite(sample, queries.OrderBy(q => VariantOrder(q.Variant)).ToList());
    }

    // The title plus two words of another document's title that occur nowhere in this document.
    private static string? WithExtraWords(KnownItemDocument document, List<KnownItemDocument> others, Random random)
    {
        var own = QueryEdits.Words(document.Title + " " + document.Text).Select(Key).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var other = others[random.Next(others.Count)];
            var words = QueryEdits.Words(other.Title)
                .Where(w => w.Length >= 2 && w.All(char.IsLetter) && !own.Contains(Key(w)))
                .DistinctBy(Key)
                .ToList();
            if (other.Id != document.Id && words.Count >= 2)
            {
                var first = random.Next(words.Count);
                var second = (first + 1 + random.Next(words.Count - 1)) % words.Count;
                return $"{document.Title} {words[first]} {words[second]}";
            }
        }

        return null;
    }

    // Six consecutive words of the body from a random position, without diacritics.
    private static string? BodyWords(string text, Random random)
    {
        var words = QueryEdits.Words(text);
        if (words.Count < 6)
        {
            return null;
        }

        var start = random.Next(words.Count - 5);
        return VietnameseText.Fold(string.Join(' ', words.Skip(start).Take(6)));
    }

    private static int VariantOrder(string variant)
    {
        for (var i = 0; i < Variants.Count; i++)
        {
            if (Variants[i] == variant)
            {
                return i;
            }
        }

        return Variants.Count;
    }

    private static string Key(string word) => VietnameseText.Fold(VietnameseText.ToLower(VietnameseText.Normalize(word)));

    private static string TitleKey(string title) => string.Join(' ', QueryEdits.Words(title).Select(Key));

    // FNV-1a over the UTF-16 code units: string.GetHashCode is randomised per process.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
