using System.Globalization;
using SearchService.Core.Text;

namespace SearchService.Core.Mentions;

/// <summary>
/// One central Party document of the catalogue: an issue of a number ("18-NQ/TW" of 25/10/2017).
/// </summary>
/// <param name="BaseKey">The key without year, as the mentions spec writes it ("18-NQ/TW").</param>
/// <param name="Kind">English kind ("resolution", "directive", "regulation", "conclusion", "decision").</param>
/// <param name="IssuedOn">The date of issue.</param>
/// <param name="Term">The congress term in Roman numerals when the evidence states it ("XII"), else null.</param>
/// <param name="Body">The issuing body as the evidence names it ("Bộ Chính trị", "Ban Chấp hành Trung ương").</param>
/// <param name="Title">The official subject, after "về" ("đẩy mạnh học tập và làm theo tư tưởng, …").</param>
/// <param name="Evidence">Where the entry comes from: "corpus:ID" (a document of ../shared/corpus) or a public URL.</param>
public sealed record CentralDocument(
    string BaseKey,
    string Kind,
    DateOnly IssuedOn,
    string? Term,
    string Body,
    string Title,
    string Evidence)
{
    /// <summary>The year of issue, which dated keys carry.</summary>
    public int Year => IssuedOn.Year;

    /// <summary>The dated key of this issue: "18-NQ/TW/2017".</summary>
    public string DatedKey => $"{BaseKey}/{Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The full citation: "Nghị quyết 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương (khóa XII) về …".</summary>
    public string Citation
    {
        get
        {
            var kind = DocumentKinds.All.FirstOrDefault(k => k.Name == Kind)?.Vietnamese ?? "Văn bản";
            var term = Term is null ? "" : $" (khóa {Term})";
            return $"{kind} {BaseKey} ngày {IssuedOn.Day}/{IssuedOn.Month}/{IssuedOn.Year}{(Body.Length > 0 ? " của " + Body : "")}{term} về {Title}";
        }
    }
}

/// <summary>
/// The catalogue of central Party documents (Resources/mentions/central-documents.tsv): the issues of
/// numbers that recur across congress terms, and documents that ward reports cite most. Every entry
/// names its evidence; nothing is written from memory. Central Party documents are numbered afresh in
/// each term, so "18-NQ/TW" names two documents (2017, term XII; 2022, term XIII): such a number is
/// <em>recurring</em>, and its mentions get the dated key of one issue when the report says which.
/// </summary>
public sealed class CentralDocuments
{
    private static readonly Lazy<CentralDocuments> Lazy = new(() => Parse(EmbeddedResources.ReadLines(EmbeddedResources.CentralDocuments)));

    private readonly Dictionary<string, IReadOnlyList<CentralDocument>> _byBaseKey;
    private readonly Dictionary<string, CentralDocument> _byDatedKey;

    private CentralDocuments(IReadOnlyList<CentralDocument> entries)
    {
        Entries = entries;
        _byBaseKey = entries.GroupBy(e => e.BaseKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CentralDocument>)g.OrderBy(e => e.IssuedOn).ToList(), StringComparer.Ordinal);
        _byDatedKey = entries.ToDictionary(e => e.DatedKey, StringComparer.Ordinal);
    }

    /// <summary>The catalogue compiled into Core.</summary>
    public static CentralDocuments Default => Lazy.Value;

    public IReadOnlyList<CentralDocument> Entries { get; }

    /// <summary>The issues of a key without year, oldest first; empty when the catalogue does not hold it.</summary>
    public IReadOnlyList<CentralDocument> IssuesOf(string baseKey)
        => _byBaseKey.TryGetValue(baseKey, out var issues) ? issues : [];

    /// <summary>True when the catalogue holds more than one issue of this number ("18-NQ/TW").</summary>
    public bool IsRecurring(string baseKey) => IssuesOf(baseKey).Count > 1;

    /// <summary>The entry a key names: a dated key ("18-NQ/TW/2017") or the key of a number with one issue ("05-CT/TW").</summary>
    public CentralDocument? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_byDatedKey.TryGetValue(key, out var dated))
        {
            return dated;
        }

        return IssuesOf(key) is [var only] ? only : null;
    }

    /// <summary>Parses the TSV: key, kind, issued (yyyy-mm-dd), term, body, title, evidence; '#' lines are comments.</summary>
    /// <exception cref="InvalidOperationException">A line is malformed, lacks evidence or repeats an issue.</exception>
    internal static CentralDocuments Parse(IReadOnlyList<string> lines)
    {
        var entries = new List<CentralDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            string Fail(string why) => throw new InvalidOperationException(
                $"resource '{EmbeddedResources.CentralDocuments}' line {i + 1}: {why}: {line}");
            if (cells.Length != 7)
            {
                Fail($"expected 7 tab-separated columns, found {cells.Length}");
            }

            var key = VietnameseText.Normalize(cells[0].Trim());
            var parts = KeyParts.Parse(key);
            if (parts is null || parts.IsState || parts.Plenum is not null || parts.Issuer is null || parts.Year is not null)
            {
                Fail("the key must be a Party key with issuer and without year, e.g. 18-NQ/TW");
            }

            if (!DateOnly.TryParseExact(cells[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
            {
                Fail("the date must be yyyy-mm-dd");
            }

            var term = cells[3].Trim();
            var title = VietnameseText.Normalize(cells[5].Trim());
            var evidence = cells[6].Trim();
            if (title.Length == 0)
            {
                Fail("no title");
            }

            if (!evidence.StartsWith("corpus:", StringComparison.Ordinal) && !evidence.StartsWith("http", StringComparison.Ordinal))
            {
                Fail("every entry names its evidence: corpus:ID or a public URL");
            }

            var entry = new CentralDocument(key, cells[1].Trim(), issued, term.Length == 0 ? null : term,
                VietnameseText.Normalize(cells[4].Trim()), title, evidence);
            if (!seen.Add(entry.DatedKey))
            {
                Fail($"{entry.DatedKey} is listed twice");
            }

            entries.Add(entry);
        }

        return EmbeddedResources.Require(EmbeddedResources.CentralDocuments, new CentralDocuments(entries), entries.Count);
    }
}
