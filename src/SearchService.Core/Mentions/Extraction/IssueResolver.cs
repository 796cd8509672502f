using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Text;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>
/// Which issue of a recurring central Party number a mention means. Central documents are numbered afresh
/// in each congress term, so "18-NQ/TW" is a resolution of 25/10/2017 (term XII) and another of 16/6/2022
/// (term XIII). A mention of such a number gets the dated key of one issue ("18-NQ/TW/2017") when the
/// report says which, else it keeps the key without year and lists its candidates; it is never guessed.
/// </summary>
/// <remarks>
/// <para>What decides, in this order, among the catalogue's issues not later than the report's publication
/// date (a report cannot cite a document issued after it): a date written with the mention ("ngày
/// 25/10/2017", up to the next mention); the term written after it in its clause ("khóa XII", also after a
/// list: "Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW … khóa XII"); its subject ("về …" right after it)
/// when words of one issue's title, and of no other issue's, are there; the publication date when it leaves
/// one issue; and last, the same number resolved elsewhere in the report to exactly one issue.</para>
/// <para>A mention whose issuer is unknown ("Nghị quyết 18 về tinh gọn bộ máy") is taken for a central
/// document only on a date, term or subject that points to one issue.</para>
/// </remarks>
internal static partial class IssueResolver
{
    private const int DateWindow = 120;
    private const int TermWindow = 200;
    private const int SubjectWindow = 120;
    private const int SubjectWords = 8;

    /// <summary>Syllables that say nothing about a subject.</summary>
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "ve", "cua", "va", "cac", "nhung", "mot", "so", "de", "trong", "tren", "voi", "cho", "la", "co", "duoc",
        "dang", "trung", "uong", "tw", "nghi", "quyet", "chi", "thi", "ket", "luan", "quy", "dinh", "viec", "tiep",
        "tuc", "nam", "den", "theo", "tai", "nay", "nhat", "hien",
    };

    public static IReadOnlyList<Mention> Resolve(IReadOnlyList<Mention> mentions, MentionScan scan, DateOnly? published, CentralDocuments catalogue)
    {
        if (mentions.Count == 0)
        {
            return mentions;
        }

        var result = mentions.ToList();
        var open = new List<(int Index, IReadOnlyList<CentralDocument> Candidates)>();
        for (var i = 0; i < result.Count; i++)
        {
            var m = result[i];
            if (m.Plenum is not null || m.Number is null || m.Symbol is null || m.Number.Contains('/'))
            {
                continue;
            }

            var issuerKnown = m.Issuer is not null;
            if (issuerKnown && m.Issuer != "TW")
            {
                continue;
            }

            var baseKey = $"{m.Number}-{m.Symbol}/TW";
            var issues = catalogue.IssuesOf(baseKey);
            if (issues.Count < 2)
            {
                continue;
            }

            var possible = published is { } day ? issues.Where(e => e.IssuedOn <= day).ToList() : issues.ToList();
            if (possible.Count == 0)
            {
                possible = issues.ToList();
            }

            var nextStart = i + 1 < result.Count ? result[i + 1].Start : scan.Text.Length;
            var (chosen, how) = ByDate(scan, m, nextStart, possible)
                ?? ByTerm(scan, m, possible)
                ?? BySubject(scan, m, nextStart, possible, issues)
                ?? (possible.Count == 1 && issuerKnown ? (possible[0], "published") : (null, ""));
            if (chosen is not null)
            {
                result[i] = Resolved(m, chosen, how);
            }
            else if (issuerKnown)
            {
                open.Add((i, possible));
            }
        }

        // The same number resolved elsewhere in the report to exactly one issue decides the others.
        foreach (var (index, candidates) in open)
        {
            var m = result[index];
            var baseKey = $"{m.Number}-{m.Symbol}/TW";
            var resolved = result.Where(r => r.ResolvedBy is not null && r.Key.StartsWith(baseKey + "/", StringComparison.Ordinal))
                .Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
            if (resolved is [var only] && candidates.FirstOrDefault(c => c.DatedKey == only) is { } issue)
            {
                result[index] = Resolved(m, issue, "document");
            }
            else
            {
                result[index] = m with { Key = baseKey, CandidateKeys = candidates.Select(c => c.DatedKey).ToList() };
            }
        }

        return result;
    }

    private static Mention Resolved(Mention m, CentralDocument issue, string how)
        => m with { Key = issue.DatedKey, Issuer = "TW", Term = issue.Term ?? m.Term, ResolvedBy = how, CandidateKeys = null };

    private static (CentralDocument, string)? ByDate(MentionScan scan, Mention m, int nextStart, List<CentralDocument> possible)
    {
        var end = Math.Min(Math.Min(nextStart, m.End + DateWindow), scan.Text.Length);
        var date = DateAfter().Match(scan.Folded[m.End..end]);
        if (!date.Success)
        {
            return null;
        }

        var day = int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture);
        var exact = possible.Where(e => e.IssuedOn.Day == day && e.IssuedOn.Month == month && e.IssuedOn.Year == year).ToList();
        if (exact.Count == 1)
        {
            return (exact[0], "date");
        }

        var sameYear = possible.Where(e => e.IssuedOn.Year == year).ToList();
        return sameYear.Count == 1 ? (sameYear[0], "date") : null;
    }

    private static (CentralDocument, string)? ByTerm(MentionScan scan, Mention m, List<CentralDocument> possible)
    {
        var (_, sentenceEnd) = scan.SentenceSpan(m.Start, m.End);
        var end = Math.Min(sentenceEnd, m.End + TermWindow);
        var term = TermAfter().Match(scan.Folded[m.End..end]);
        if (!term.Success)
        {
            return null;
        }

        var written = scan.Text.Substring(m.End + term.Groups["t"].Index, term.Groups["t"].Length);
        var value = SymbolText.Numeral(written.ToLowerInvariant());
        if (value is null || !(char.IsAsciiDigit(written[0]) || written.All(c => c is 'I' or 'V' or 'X')))
        {
            return null;
        }

        var roman = SymbolText.Roman(value.Value);
        var matching = possible.Where(e => e.Term == roman).ToList();
        return matching.Count == 1 ? (matching[0], "term") : null;
    }

    private static (CentralDocument, string)? BySubject(MentionScan scan, Mention m, int nextStart, List<CentralDocument> possible, IReadOnlyList<CentralDocument> all)
    {
        var (_, sentenceEnd) = scan.SentenceSpan(m.Start, m.End);
        var end = Math.Min(Math.Min(nextStart, sentenceEnd), m.End + SubjectWindow);
        var window = scan.Folded[m.End..Math.Max(m.End, end)];
        var about = AboutWord().Match(window);
        if (!about.Success)
        {
            return null;
        }

        // Words compare with their diacritics ("vận" is not "vấn"), or folded when the report is typed without any.
        var written = scan.Text.Substring(m.End + about.Index + about.Length, window.Length - about.Index - about.Length);
        var folded = !VietnameseText.HasDiacritics(written);
        string Form(string text) => folded ? VietnameseText.Key(text) : VietnameseText.ToLower(VietnameseText.Normalize(text));
        // The subject is the first words after "về"; later words of the sentence say what was done, not what it is about.
        var subject = Syllables(string.Join(' ', SyllableSplit().Split(Form(written)).Where(w => w.Length > 0).Take(SubjectWords)));
        var titles = all.ToDictionary(e => e, e => Syllables(Form(e.Title)));
        var scores = possible.Select(e =>
        {
            var others = titles.Where(t => t.Key != e).SelectMany(t => t.Value).ToHashSet(StringComparer.Ordinal);
            var own = titles[e].Where(s => !others.Contains(s) && !Stop.Contains(VietnameseText.Key(s))).ToHashSet(StringComparer.Ordinal);
            return (Issue: e, Score: subject.Count(own.Contains));
        }).OrderByDescending(x => x.Score).ToList();
        // Without a known issuer the words must say more: two words of one issue's title, not one.
        var needed = m.Issuer is null ? 2 : 1;
        if (scores.Count == 0 || scores[0].Score < needed || scores.Count > 1 && scores[1].Score == scores[0].Score)
        {
            return null;
        }

        return (scores[0].Issue, "subject");
    }

    private static HashSet<string> Syllables(string folded)
        => SyllableSplit().Split(folded).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);

    // The subject runs from "về" to the end of the clause: a comma inside a title is kept.
    [GeneratedRegex(@"^[^.;\n]{0,80}?(?<![\p{L}\p{N}])ve(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex AboutWord();

    [GeneratedRegex(@"^[^.;\n]{0,80}?(?<![\p{L}\p{N}])ngay\s*(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>(?:19|20)\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateAfter();

    [GeneratedRegex(@"^[^.;\n]*?(?<![\p{L}\p{N}])khoa\s+(?<t>\d{1,2}|[ivx]{1,5})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex TermAfter();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex SyllableSplit();
}
