using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Evaluation.Mentions;

/// <summary>
/// Scores the mention extractor against hand-written gold: (a) the five seed reports, (b) the sample
/// archive gold files index-data/gold/*.json when they exist. Precision and recall are computed over
/// distinct (document, key) pairs and over mentions (a predicted mention is right when a gold mention
/// of the same document has the same start, end and key). Over the shared corpus it prints how many
/// mentions and distinct keys it finds and the 20 most cited keys, plus a fixed random sample to check by eye.
/// </summary>
internal sealed class MentionEvaluationStep : IEvaluationStep
{
    private const int ShowAtMost = 30;
    private const int SampleSize = 50;
    private const int SampleSeed = 20261129;

    private readonly MentionExtractor _extractor = new();

    public string Name => "mentions";

    public int Order => 30;

    public Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var failures = new List<string>();

        var seedGold = Path.Combine(context.RepoRoot, "tests", "SearchService.Core.Tests", "Mentions", "seed-gold.json");
        var seedDocs = MentionGold.Read(seedGold)
            .Select(g => (g, Text: ReadNfc(Path.Combine(context.Seeds, g.Id))))
            .ToList();
        Score("seeds", seedDocs, metrics, output);

        var goldFiles = Directory.Exists(context.GoldFolder)
            ? Directory.GetFiles(context.GoldFolder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (goldFiles.Count == 0)
        {
            output.WriteLine($"   archive: no gold files in {context.GoldFolder}; skipped");
        }
        else
        {
            var archiveDocs = new List<(GoldDocument, string)>();
            foreach (var file in goldFiles)
            {
                foreach (var gold in MentionGold.Read(file))
                {
                    var path = Path.Combine(context.SampleArchive, gold.Id + ".txt");
                    if (!File.Exists(path))
                    {
                        failures.Add($"gold document {gold.Id} ({Path.GetFileName(file)}) has no archive file {path}");
                        continue;
                    }

                    archiveDocs.Add((gold, ReadNfc(path)));
                }
            }

            output.WriteLine($"   archive: {archiveDocs.Count} gold documents in {goldFiles.Count} files");
            Score("archive", archiveDocs, metrics, output);
        }

        // The sample reports written for recurring numbers and actions: the held-out set was written, with its
        // gold, before the disambiguation and action rules; the tuning set is the one the rules were tuned on.
        // heldout-2 was written after the rules were tuned, and was never tuned on.
        foreach (var set in new[] { "heldout", "heldout-2", "tuning" })
        {
            var file = Path.Combine(context.GoldFolder, "mentions", set + ".json");
            if (!File.Exists(file))
            {
                failures.Add($"gold file {file} is missing");
                continue;
            }

            var docs = new List<(GoldDocument, string)>();
            foreach (var gold in MentionGold.Read(file))
            {
                var path = Path.Combine(context.SampleArchive, gold.Id + ".txt");
                if (!File.Exists(path))
                {
                    failures.Add($"gold document {gold.Id} ({set}) has no archive file {path}");
                    continue;
                }

                docs.Add((gold, ReadNfc(path)));
            }

            Score(set, docs, metrics, output);
            ScoreIssuesAndActions(set, docs, metrics, output);
        }

        if (context.HasCorpus)
        {
            CorpusFigures(context.CorpusFile, output, cancellationToken);
        }
        else
        {
            output.WriteLine($"   corpus: {context.CorpusFile} not found; skipped");
        }

        return Task.FromResult(new StepResult(metrics, failures));
    }

    private void Score(string name, IReadOnlyList<(GoldDocument Gold, string Text)> docs, Dictionary<string, double> metrics, TextWriter output)
    {
        var problems = new List<string>();
        var goldPairs = new HashSet<(string, string)>();
        var predictedPairs = new HashSet<(string, string)>();
        int goldSpans = 0, predictedSpans = 0, rightSpans = 0;
        var misses = new List<string>();
        var falsePositives = new List<string>();

        foreach (var (gold, text) in docs)
        {
            var expected = MentionGold.Locate(text, gold, problems);
            var actual = _extractor.Extract(text, gold.Published);
            foreach (var m in gold.Mentions)
            {
                goldPairs.Add((gold.Id, m.Key));
            }

            foreach (var m in actual)
            {
                predictedPairs.Add((gold.Id, m.Key));
            }

            goldSpans += gold.Mentions.Count;
            predictedSpans += actual.Count;
            var open = expected.ToList();
            foreach (var m in actual)
            {
                var at = open.FindIndex(e => e.Start == m.Start && e.End == m.End && e.Key == m.Key);
                if (at >= 0)
                {
                    rightSpans++;
                    open.RemoveAt(at);
                }
                else
                {
                    falsePositives.Add($"{gold.Id} @{m.Start}: {m.Key} [{m.Text}]  «{Around(text, m.Start, m.End)}»");
                }
            }

            misses.AddRange(open.Select(e => $"{gold.Id} @{e.Start}: {e.Key} [{text[e.Start..e.End]}]  «{Around(text, e.Start, e.End)}»"));
        }

        var pairHits = predictedPairs.Count(goldPairs.Contains);
        metrics[$"{name}_pair_precision"] = Ratio(pairHits, predictedPairs.Count);
        metrics[$"{name}_pair_recall"] = Ratio(pairHits, goldPairs.Count);
        metrics[$"{name}_span_precision"] = Ratio(rightSpans, predictedSpans);
        metrics[$"{name}_span_recall"] = Ratio(rightSpans, goldSpans);

        output.WriteLine($"   {name}: {docs.Count} documents, gold {goldSpans} mentions / {goldPairs.Count} (document, key) pairs; "
            + $"extracted {predictedSpans} mentions / {predictedPairs.Count} pairs; right {rightSpans} mentions / {pairHits} pairs");
        Show(output, $"{name}: gold texts not found", problems);
        Show(output, $"{name}: missed", misses);
        Show(output, $"{name}: false positives", falsePositives);
        var missedPairs = goldPairs.Where(p => !predictedPairs.Contains(p)).Select(p => $"{p.Item1}: {p.Item2}").ToList();
        var extraPairs = predictedPairs.Where(p => !goldPairs.Contains(p)).Select(p => $"{p.Item1}: {p.Item2}").ToList();
        Show(output, $"{name}: missed pairs", missedPairs);
        Show(output, $"{name}: false-positive pairs", extraPairs);
    }

    /// <summary>
    /// Disambiguation accuracy on the gold mentions of recurring numbers (a dated key, or a key the gold marks
    /// ambiguous): the mention found at the gold span must have exactly the gold key (a dated key, or the key
    /// without year when the report does not say which). Action accuracy: the mention found at the gold span
    /// must have the gold action; per class it is the share of the gold mentions of that class found with it.
    /// A gold mention the extractor misses counts as wrong in both.
    /// </summary>
    private void ScoreIssuesAndActions(string name, IReadOnlyList<(GoldDocument Gold, string Text)> docs, Dictionary<string, double> metrics, TextWriter output)
    {
        int recurring = 0, rightIssue = 0, withAction = 0, rightAction = 0;
        var perClass = MentionActions.All.ToDictionary(a => a, _ => (Gold: 0, Right: 0), StringComparer.Ordinal);
        var wrong = new List<string>();
        var confusion = new Dictionary<(string Gold, string Got), int>();
        foreach (var (gold, text) in docs)
        {
            var actual = _extractor.Extract(text, gold.Published);
            foreach (var (g, start, end) in MentionGold.LocateMentions(text, gold, []))
            {
                var found = actual.FirstOrDefault(m => m.Start == start && m.End == end);
                if (IsDatedKey(g.Key) || g.Ambiguous)
                {
                    recurring++;
                    if (found?.Key == g.Key)
                    {
                        rightIssue++;
                    }
                    else
                    {
                        wrong.Add($"{gold.Id} [{g.Text}]: gold {g.Key}, got {found?.Key ?? "nothing"}"
                            + (found?.ResolvedBy is { } how ? $" (by {how})" : found?.CandidateKeys is { } c ? $" (candidates {string.Join(", ", c)})" : ""));
                    }
                }

                if (g.Action is null)
                {
                    continue;
                }

                withAction++;
                var got = found?.Action ?? "(missed)";
                var (goldCount, right) = perClass[g.Action];
                perClass[g.Action] = (goldCount + 1, right + (got == g.Action ? 1 : 0));
                if (got == g.Action)
                {
                    rightAction++;
                }
                else
                {
                    confusion[(g.Action, got)] = confusion.GetValueOrDefault((g.Action, got)) + 1;
                    wrong.Add($"{gold.Id} [{g.Text}]: action gold {g.Action}, got {got}  «{Around(text, start, end)}»");
                }
            }
        }

        metrics[$"{name}_disambiguation_accuracy"] = Ratio(rightIssue, recurring);
        metrics[$"{name}_action_accuracy"] = Ratio(rightAction, withAction);
        output.WriteLine($"   {name}: recurring-number mentions {recurring}, right issue {rightIssue}; mentions with an action {withAction}, right action {rightAction}");
        foreach (var action in MentionActions.All)
        {
            var (goldCount, right) = perClass[action];
            output.WriteLine($"      {action,-15} gold {goldCount,3}  right {right,3}");
            if (goldCount > 0)
            {
                metrics[$"{name}_action_accuracy_{action}"] = Ratio(right, goldCount);
            }
        }

        Show(output, $"{name}: wrong issue or action", wrong);
    }

    private static bool IsDatedKey(string key) => System.Text.RegularExpressions.Regex.IsMatch(key, @"^\d+-[^/]+/[^/]+/\d{4}$");

    private void CorpusFigures(string corpusFile, TextWriter output, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = new List<(string Doc, Mention Mention)>();
        long chars = 0;
        var docs = 0;
        var clock = Stopwatch.StartNew();
        foreach (var line in File.ReadLines(corpusFile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString() ?? "";
            var text = (json.RootElement.GetProperty("title").GetString() + "\n" + json.RootElement.GetProperty("text").GetString())
                .Normalize(NormalizationForm.FormC);
            chars += text.Length;
            docs++;
            DateOnly? published = json.RootElement.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
                && DateOnly.TryParse(date.GetString()?[..Math.Min(10, date.GetString()!.Length)], CultureInfo.InvariantCulture, out var day) ? day : null;
            foreach (var m in _extractor.Extract(text, published))
            {
                counts[m.Key] = counts.GetValueOrDefault(m.Key) + 1;
                all.Add((id, m));
            }
        }

        clock.Stop();
        output.WriteLine($"   corpus: {docs} documents, {chars / 1e6:0.0} M chars in {clock.Elapsed.TotalSeconds:0.0} s; "
            + $"{all.Count} mentions, {counts.Count} distinct keys");
        var recurring = all.Where(x => x.Mention.ResolvedBy is not null || x.Mention.CandidateKeys is not null).ToList();
        output.WriteLine($"   corpus: {recurring.Count} mentions of recurring central numbers: "
            + string.Join(", ", recurring.GroupBy(x => x.Mention.ResolvedBy ?? "ambiguous").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("   corpus: actions: " + string.Join(", ", all.GroupBy(x => x.Mention.Action).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("   corpus: 20 most cited keys:");
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(20))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {count,6}  {key,-18} {MentionKeys.Label(key)}"));
        }

        var random = new Random(SampleSeed);
        output.WriteLine($"   corpus: {SampleSize} random mentions (seed {SampleSeed}) to check by eye:");
        foreach (var (doc, m) in all.OrderBy(_ => random.Next()).Take(SampleSize).ToList())
        {
            output.WriteLine($"      {doc}: {m.Key} [{m.Text}]  «{AroundInSentence(m)}»");
        }
    }

    private static void Show(TextWriter output, string title, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine($"   {title} ({lines.Count}{(lines.Count > ShowAtMost ? $", first {ShowAtMost}" : "")}):");
        foreach (var line in lines.Take(ShowAtMost))
        {
            output.WriteLine("      " + line);
        }
    }

    private static string ReadNfc(string path) => File.ReadAllText(path).Normalize(NormalizationForm.FormC);

    private static double Ratio(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;

    private static string Around(string text, int start, int end)
        => text[Math.Max(0, start - 70)..Math.Min(text.Length, end + 70)].ReplaceLineEndings(" ");

    // The part of the mention's sentence around it, so the reader sees the sentence does contain it.
    private static string AroundInSentence(Mention m)
    {
        var at = m.Sentence.IndexOf(m.Text, StringComparison.Ordinal);
        return at < 0 ? "(mention not in its sentence!) " + m.Sentence : Around(m.Sentence, at, at + m.Text.Length);
    }
}
