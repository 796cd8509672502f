using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchService.Core;
using SearchService.Core.Mentions;
using SearchService.Core.Text;

namespace SearchService.Evaluation.Mentions;

/// <summary>
/// The catalogue of central documents, mined and checked (<c>--only catalogue</c>). It scans the shared
/// corpus for full citations, "&lt;kind&gt; số NN-XX/TW ngày dd/mm/yyyy của &lt;body&gt; (khóa X) về &lt;subject&gt;",
/// and prints (a) every issue it found, with its evidence documents, as a proposed catalogue line, and
/// (b) the numbers cited with two or more dates, which recur across terms. It then checks the committed
/// catalogue (Resources/mentions/central-documents.tsv): each entry whose evidence is a corpus document
/// must be found there by the miner with the same number and date, and its title must be the subject the
/// document writes; each number found recurring must be in the catalogue with all its issues, or named
/// in a "# left out:" line of the catalogue with the reason. Entries with a public URL as evidence are
/// listed, not checked (no network here).
/// </summary>
internal sealed partial class CatalogueMiningStep : IEvaluationStep
{
    public string Name => "catalogue";

    public int Order => 29;

    public Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var failures = new List<string>();
        var catalogue = CentralDocuments.Default;
        var leftOut = EmbeddedResources.ReadLines(EmbeddedResources.CentralDocuments)
            .Select(l => LeftOutLine().Match(l))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["k"].Value, m => m.Groups["why"].Value.Trim(), StringComparer.Ordinal);
        output.WriteLine($"   catalogue: {catalogue.Entries.Count} entries, {catalogue.Entries.Select(e => e.BaseKey).Distinct().Count()} numbers, "
            + $"{catalogue.Entries.GroupBy(e => e.BaseKey).Count(g => g.Count() > 1)} recurring; {leftOut.Count} numbers left out");
        if (!context.HasCorpus)
        {
            output.WriteLine($"   corpus: {context.CorpusFile} not found; mining skipped");
            return Task.FromResult(new StepResult(metrics, failures));
        }

        var citations = Mine(context.CorpusFile, cancellationToken);
        var issues = citations.GroupBy(c => (c.BaseKey, c.Date)).OrderBy(g => g.Key.BaseKey, StringComparer.Ordinal).ThenBy(g => g.Key.Date).ToList();
        output.WriteLine($"   mined: {citations.Count} full citations of central documents in the corpus, {issues.Count} issues");
        output.WriteLine("   proposals (key, kind, issued, term, body, subject as written, evidence):");
        foreach (var issue in issues)
        {
            var best = issue.OrderByDescending(c => c.Subject.Length).First();
            var term = issue.Select(c => c.Term).FirstOrDefault(t => t is not null) ?? "";
            var body = issue.Select(c => c.Body).FirstOrDefault(b => b.Length > 0) ?? "";
            var ids = issue.Select(c => c.DocumentId).Distinct().ToList();
            output.WriteLine($"      {issue.Key.BaseKey}\t{best.Kind}\t{issue.Key.Date:yyyy-MM-dd}\t{term}\t{body}\t{best.Subject}\tcorpus:{ids[0]}"
                + (ids.Count > 1 ? $"   (also {string.Join(", ", ids.Skip(1).Take(4))})" : ""));
        }

        // Numbers the corpus cites with two or more dates recur (or a date is mistyped: a person decides).
        var recurring = issues.GroupBy(i => i.Key.BaseKey).Where(g => g.Count() > 1).ToList();
        var covered = 0;
        output.WriteLine($"   numbers cited with two or more dates: {recurring.Count}");
        foreach (var number in recurring)
        {
            var dates = number.Select(i => i.Key.Date).ToList();
            var inCatalogue = dates.All(d => catalogue.IssuesOf(number.Key).Any(e => e.IssuedOn == d));
            var why = leftOut.GetValueOrDefault(number.Key);
            if (inCatalogue || why is not null)
            {
                covered++;
            }
            else
            {
                failures.Add($"{number.Key} is cited with dates {string.Join(", ", dates)} but the catalogue neither holds every issue nor says why it is left out");
            }

            output.WriteLine($"      {number.Key}: {string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}"
                + (inCatalogue ? "  in the catalogue" : why is not null ? $"  left out: {why}" : "  MISSING"));
        }

        metrics["recurring_numbers_covered"] = recurring.Count == 0 ? 1 : (double)covered / recurring.Count;

        // Each corpus-evidenced entry must be what the corpus writes.
        int checkedEntries = 0, verified = 0;
        foreach (var entry in catalogue.Entries)
        {
            if (!entry.Evidence.StartsWith("corpus:", StringComparison.Ordinal))
            {
                output.WriteLine($"      {entry.DatedKey,-16} public source, not checked offline: {entry.Evidence}");
                continue;
            }

            checkedEntries++;
            var id = entry.Evidence["corpus:".Length..];
            var found = citations.Where(c => c.DocumentId == id && c.BaseKey == entry.BaseKey && c.Date == entry.IssuedOn).ToList();
            var title = VietnameseText.Key(entry.Title);
            if (found.Count > 0 && found.Any(c => VietnameseText.Key(c.Subject).StartsWith(title, StringComparison.Ordinal)))
            {
                verified++;
            }
            else
            {
                failures.Add(found.Count == 0
                    ? $"{entry.DatedKey}: corpus document {id} has no citation of {entry.BaseKey} dated {entry.IssuedOn:dd/MM/yyyy}"
                    : $"{entry.DatedKey}: the title is not the subject {id} writes: «{found[0].Subject}»");
            }
        }

        metrics["corpus_evidence_verified"] = checkedEntries == 0 ? 1 : (double)verified / checkedEntries;
        output.WriteLine($"   catalogue entries with corpus evidence: {checkedEntries}, verified against the corpus: {verified}");
        return Task.FromResult(new StepResult(metrics, failures));
    }

    /// <summary>One full citation found in a corpus document.</summary>
    internal sealed record CorpusCitation(string DocumentId, string BaseKey, string Kind, DateOnly Date, string? Term, string Body, string Subject);

    internal static List<CorpusCitation> Mine(string corpusFile, CancellationToken cancellationToken)
    {
        var found = new List<CorpusCitation>();
        foreach (var line in File.ReadLines(corpusFile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString() ?? "";
            var text = ((json.RootElement.GetProperty("title").GetString() ?? "") + "\n" + (json.RootElement.GetProperty("text").GetString() ?? ""))
                .Normalize(NormalizationForm.FormC);
            found.AddRange(MineText(id, text));
        }

        return found;
    }

    internal static IEnumerable<CorpusCitation> MineText(string id, string text)
    {
        foreach (Match m in FullCitation().Matches(text))
        {
            if (!DateOnly.TryParseExact($"{m.Groups["y"].Value}-{m.Groups["mo"].Value.PadLeft(2, '0')}-{m.Groups["d"].Value.PadLeft(2, '0')}",
                    "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }

            var code = m.Groups["c"].Value.Replace("QD", "QĐ", StringComparison.Ordinal);
            var baseKey = $"{int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture):00}-{code}/TW";
            var kind = VietnameseText.Key(m.Groups["k"].Value) switch
            {
                "nghi quyet" => "resolution",
                "chi thi" => "directive",
                "ket luan" => "conclusion",
                "quy dinh" => "regulation",
                _ => "decision",
            };
            var body = m.Groups["body"].Success ? BodyName(m.Groups["body"].Value) : "";
            var term = m.Groups["t"].Success ? m.Groups["t"].Value : null;
            var subject = m.Groups["s"].Success ? m.Groups["s"].Value.Trim().TrimEnd(',', ' ') : "";
            yield return new CorpusCitation(id, baseKey, kind, date, term, body, subject);
        }
    }

    private static string BodyName(string written) => VietnameseText.Key(written) switch
    {
        var b when b.StartsWith("bo chinh tri", StringComparison.Ordinal) => "Bộ Chính trị",
        var b when b.StartsWith("ban bi thu", StringComparison.Ordinal) => "Ban Bí thư",
        _ => "Ban Chấp hành Trung ương",
    };

    [GeneratedRegex(@"^#\s*left out:\s*(?<k>\S+)\s*(?<why>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LeftOutLine();

    [GeneratedRegex(@"(?<k>Nghị quyết|Chỉ thị|Kết luận|Quy định|Quyết định)\s+(?:số\s*)?(?<n>\d{1,4})\s*-\s*(?<c>NQ|CT|KL|QĐi|QĐ)\s*/\s*(?:TW|TƯ)\b"
        + @"[^\n.;]{0,40}?\bngày\s+(?<d>\d{1,2})\s*[/-]\s*(?<mo>\d{1,2})\s*[/-]\s*(?<y>\d{4})"
        + @"\s*,?\s*(?:của\s+(?<body>Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|BCH\s*T(?:W|Ư|\.Ư))[^\n.;(“""]{0,20}?)?"
        + @"\s*(?:\(?\s*khóa\s+(?<t>[IVX]+)\s*\)?)?\s*,?\s*(?:[“""]\s*)?(?:về\s+(?:việc\s+)?[“""]?(?<s>[^”"".;\n]{5,250}))?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FullCitation();
}
