using System.Text;

namespace SearchService.Core.Metadata;

/// <summary>
/// Hanoi's districts and their wards as they were before the 2025 reorganisation, read from the
/// hand-written list Resources/gazetteer/hanoi.tsv (kind, district, ward, aliases).
/// </summary>
/// <remarks>
/// Names are canonical in the "òa/ụy" placement of the official list ("Yên Hòa", "Ngọc Thụy"); look-ups
/// ignore case, diacritics and tone placement, so "Ngoc Thuy", "Ngọc Thuỵ" and "NGỌC THỤY" all find
/// "Ngọc Thụy". Two wards share a name across districts ("Minh Khai", "Quang Trung"); one ward shares
/// its name with its district ("Long Biên").
/// </remarks>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultInstance = new(() => Parse(EmbeddedResources.ReadLines(EmbeddedResources.Gazetteer)));

    private readonly Dictionary<string, List<string>> _wardsByDistrict;
    private readonly Dictionary<string, DistrictEntry> _districtByKey;
    private readonly Dictionary<string, string> _districtKinds;
    private readonly Dictionary<string, List<WardEntry>> _wardsByKey;
    private readonly HashSet<string> _firstSyllables;

    private Gazetteer(IEnumerable<(string Kind, string District, string Ward, string[] Aliases, bool PrefixOnly)> rows)
    {
        _wardsByDistrict = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        _districtByKey = new Dictionary<string, DistrictEntry>(StringComparer.Ordinal);
        _districtKinds = new Dictionary<string, string>(StringComparer.Ordinal);
        _wardsByKey = new Dictionary<string, List<WardEntry>>(StringComparer.Ordinal);
        var districts = new List<string>();
        foreach (var (kind, district, ward, aliases, prefixOnly) in rows)
        {
            if (!_wardsByDistrict.ContainsKey(district))
            {
                _wardsByDistrict[district] = [];
                _districtKinds[district] = kind;
                _districtByKey[NameKey(district)] = new DistrictEntry(district, Spelling(district));
                districts.Add(district);
            }

            if (ward.Length == 0)
            {
                continue;
            }

            _wardsByDistrict[district].Add(ward);
            foreach (var name in aliases.Prepend(ward))
            {
                var key = NameKey(name);
                if (!_wardsByKey.TryGetValue(key, out var list))
                {
                    _wardsByKey[key] = list = [];
                }

                list.Add(new WardEntry(ward, district, Spelling(name), prefixOnly));
                MaxWardSyllables = Math.Max(MaxWardSyllables, key.Count(c => c == ' ') + 1);
            }
        }

        Districts = districts;
        _firstSyllables = _wardsByKey.Keys.Concat(_districtByKey.Keys).Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        MaxDistrictSyllables = _districtByKey.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>The list shipped with the service (Resources/gazetteer/hanoi.tsv, embedded), loaded once.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>Every district, inner districts first, in the order of the data file.</summary>
    public IReadOnlyList<string> Districts { get; }

    internal int MaxWardSyllables { get; }

    internal int MaxDistrictSyllables { get; }

    /// <summary>Reads a gazetteer file in the hanoi.tsv format.</summary>
    public static Gazetteer Load(string path) => Parse(File.ReadAllLines(path, Encoding.UTF8));

    /// <summary>
    /// Reads gazetteer rows: kind, district, ward (empty for the district itself), aliases separated by "|",
    /// flags ("phường-only": the name is a ward only after "phường" or "P.").
    /// </summary>
    public static Gazetteer Parse(IEnumerable<string> lines)
    {
        var rows = new List<(string, string, string, string[], bool)>();
        foreach (var raw in lines)
        {
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var cells = raw.Split('\t');
            string Cell(int i) => i < cells.Length ? cells[i].Trim().Normalize(NormalizationForm.FormC) : "";
            var aliases = Cell(3).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var prefixOnly = Cell(4).Split(',', StringSplitOptions.TrimEntries).Contains("phường-only");
            rows.Add((Cell(0), Cell(1), Cell(2), aliases, prefixOnly));
        }

        return new Gazetteer(rows);
    }

    /// <summary>The wards of a district (typed in any spelling); empty for an unknown district or one listed without wards.</summary>
    public IReadOnlyList<string> WardsOf(string district)
    {
        var canonical = CanonicalDistrict(district);
        return canonical is not null ? _wardsByDistrict[canonical] : [];
    }

    /// <summary>
    /// The official spelling of a ward typed with or without diacritics, in either tone placement, with
    /// or without "phường"/"P.": "Ngoc Thuy" and "Ngọc Thuỵ" give "Ngọc Thụy". With a district, only
    /// that district's wards count. Null when the name is no ward (of that district).
    /// </summary>
    public string? CanonicalWard(string typed, string? district = null)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var entries = FindWard(StripPrefix(NameKey(typed), "phuong ", "p "));
        if (entries is null)
        {
            return null;
        }

        if (district is null)
        {
            return entries[0].Ward;
        }

        var canonicalDistrict = CanonicalDistrict(district);
        return entries.FirstOrDefault(e => e.District == canonicalDistrict)?.Ward;
    }

    /// <summary>
    /// The official spelling of a district typed in any spelling, with or without "quận", "huyện",
    /// "thị xã": "hai ba trung" gives "Hai Bà Trưng". Null when it is no district of Hanoi.
    /// </summary>
    public string? CanonicalDistrict(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var key = StripPrefix(NameKey(typed), "quan ", "huyen ", "thi xa ", "q ");
        return _districtByKey.GetValueOrDefault(key)?.District;
    }

    /// <summary>The districts that have a ward of this name; empty when it is no ward.</summary>
    public IReadOnlyList<string> DistrictsOfWard(string ward)
        => FindWard(NameKey(ward))?.Select(e => e.District).Distinct().ToList() ?? [];

    /// <summary>"quận", "huyện" or "thị xã".</summary>
    internal string KindOf(string district) => _districtKinds.GetValueOrDefault(district, "");

    /// <summary>True when some ward or district name begins with this folded syllable.</summary>
    internal bool StartsName(string syllable) => _firstSyllables.Contains(syllable);

    /// <summary>Ward entries for a key of space-joined folded syllables.</summary>
    internal IReadOnlyList<WardEntry>? FindWard(string key) => _wardsByKey.GetValueOrDefault(key);

    /// <summary>District for a key of space-joined folded syllables.</summary>
    internal DistrictEntry? FindDistrict(string key) => _districtByKey.GetValueOrDefault(key);

    /// <summary>Folded lower-case syllables joined by single spaces, punctuation dropped: "P. Ngọc  Thuỵ" → "p ngoc thuy".</summary>
    internal static string NameKey(string name)
    {
        var syllables = SyllableText.Of(name);
        return syllables.Count == 0 ? "" : syllables.Joined(0, syllables.Count);
    }

    private static string StripPrefix(string key, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                return key[prefix.Length..].TrimStart();
            }
        }

        return key;
    }

    // Lower case in the archive's tone placement, for checking the marks a name was typed with.
    private static string Spelling(string name) => string.Join(' ', SyllableSpellings(name));

    private static IEnumerable<string> SyllableSpellings(string name)
    {
        var syllables = SyllableText.Of(name);
        for (var i = 0; i < syllables.Count; i++)
        {
            yield return syllables.Text[syllables.Starts[i]..syllables.Ends[i]].ToLowerInvariant();
        }
    }

    /// <summary>A ward under one of its names: the spelling of that name and whether it needs "phường".</summary>
    internal sealed record WardEntry(string Ward, string District, string Spelling, bool PrefixOnly);

    internal sealed record DistrictEntry(string District, string Spelling);
}
