namespace SearchService.Core.Metadata;

/// <summary>
/// Reads the ward and district a report is about from its title and text.
/// </summary>
/// <remarks>
/// <para>Only references that name a ward as a ward count: "phường X", "P. X", and in the title also a bare
/// ward name written as a proper name (not after "phố", "đường", "chợ", "cầu", "trường"…, not inside a
/// person's name, not a name that is also a district's, and not one the gazetteer marks "phường-only"
/// because it is also a person, province or phrase: "Quang Trung", "Vĩnh Phúc", "Đồng Tâm"). A street,
/// market, school or person carrying a ward's name in the body ("phố Ngọc Lâm", "chợ Dịch Vọng",
/// "Nguyễn Văn Long Biên") is not a cue. Names match without diacritics or in the other tone placement,
/// but a syllable typed with marks must carry the name's marks ("buổi" is not "Bưởi").</para>
/// <para>Rules, in order; <see cref="PlaceResult.Evidence"/> names the rule that decided:</para>
/// <list type="number">
/// <item>title: the first ward the title names;</item>
/// <item>district-level: a title naming a district or a district body ("Quận ủy Long Biên",
/// "Ban Chấp hành Đảng bộ quận") and no ward gives an empty ward;</item>
/// <item>reporting body: the ward whose bodies report ("Đảng ủy phường X", "UBND phường X", "Đảng bộ
/// phường X"), counted three times, plus every other "phường X", the highest total of at least two;</item>
/// <item>otherwise the report is district-level (or of unknown place).</item>
/// </list>
/// <para>A ward gives its district, also when the district is not written; a ward name shared by two
/// districts ("Minh Khai", "Quang Trung") takes the district the text names most. Without a ward the
/// district is the one the title names, else the one the text names most ("quận X", "huyện X",
/// "Quận ủy X").</para>
/// </remarks>
public sealed class PlaceLocator
{
    // Words after which a capitalized name is a street, building or other place rather than a ward.
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "pho", "duong", "cho", "cau", "truong", "ngo", "ngach", "hem", "khu", "song", "ho", "dinh", "chua", "den",
        "nha", "cong", "vien", "benh", "tram", "hoi", "nghia", "ben", "bai", "ga", "nut", "toa", "lang", "thon",
        "xa", "quan", "huyen", "tp", "thanh", "tinh", "du", "an", "hoc", "mot",
    };

    private readonly Gazetteer _gazetteer;

    /// <summary>A locator over the given list of districts and wards.</summary>
    public PlaceLocator(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    /// <summary>The ward and district of a report; empty strings for what cannot be read.</summary>
    public PlaceResult Locate(string title, string text) => Locate(SyllableText.Of(title ?? ""), SyllableText.Of(text ?? ""));

    /// <summary>As <see cref="Locate(string, string)"/>, on title and text already cut into syllables.</summary>
    internal PlaceResult Locate(SyllableText head, SyllableText body)
    {
        var titleWards = FindWardCues(head, isTitle: true);
        var titleDistricts = FindDistrictCues(head, isTitle: true);
        var bodyWards = FindWardCues(body, isTitle: false);
        var bodyDistricts = FindDistrictCues(body, isTitle: false);

        if (titleWards.Count > 0)
        {
            var cue = titleWards[0];
            return WithDistrict(cue, titleDistricts, bodyDistricts, titleWards.Concat(bodyWards), $"title: {cue.Text}");
        }

        if (titleDistricts.Count > 0 || HasDistrictBody(head))
        {
            var named = titleDistricts.Count > 0 ? titleDistricts[0].District : MostNamed(bodyDistricts);
            var evidence = titleDistricts.Count > 0
                ? $"district-level: title names {titleDistricts[0].Text}"
                : $"district-level: title names a district body{NamedSuffix(bodyDistricts, named)}";
            return new PlaceResult("", named ?? "", evidence);
        }

        var best = bodyWards
            .GroupBy(c => c.Ward)
            .Select(g => (Cue: g.First(), Score: g.Sum(c => c.IsReportingBody ? 3 : 1), Count: g.Count(), First: g.Min(c => c.Position)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.First)
            .FirstOrDefault();
        if (best.Cue is not null && best.Score >= 2)
        {
            var rule = bodyWards.Any(c => c.Ward == best.Cue.Ward && c.IsReportingBody) ? "reporting body" : "most named ward";
            var cue = bodyWards.FirstOrDefault(c => c.Ward == best.Cue.Ward && c.IsReportingBody) ?? best.Cue;
            return WithDistrict(cue, titleDistricts, bodyDistricts, bodyWards, $"{rule}: {cue.Text} (score {best.Score}, {best.Count}×)");
        }

        var district = MostNamed(bodyDistricts);
        return district is null
            ? PlaceResult.Unknown
            : new PlaceResult("", district, $"district-level: no ward cue{NamedSuffix(bodyDistricts, district)}");
    }

    private static string NamedSuffix(List<DistrictCue> cues, string? district)
        => district is null ? "" : $"; {cues.First(c => c.District == district).Text} ×{cues.Count(c => c.District == district)}";

    private static string? MostNamed(List<DistrictCue> cues)
        => cues.GroupBy(c => c.District)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(c => c.Position))
            .Select(g => g.Key)
            .FirstOrDefault();

    private static PlaceResult WithDistrict(
        WardCue cue, List<DistrictCue> titleDistricts, List<DistrictCue> bodyDistricts, IEnumerable<WardCue> wards, string evidence)
    {
        var districts = cue.Districts;
        if (districts.Count == 1)
        {
            return new PlaceResult(cue.Ward, districts[0], evidence);
        }

        // A name two districts share: the district the text names most decides, the title first.
        var chosen = titleDistricts.Select(c => c.District).FirstOrDefault(districts.Contains)
            ?? bodyDistricts.Where(c => districts.Contains(c.District))
                .GroupBy(c => c.District)
                .OrderByDescending(g => g.Count())
                .Select(g => g.Key)
                .FirstOrDefault();
        if (chosen is not null)
        {
            return new PlaceResult(cue.Ward, chosen, evidence + $"; {chosen} named in the text");
        }

        // Else the district whose other wards the text names ("phường Minh Khai, phường Vĩnh Tuy").
        var neighbour = wards
            .Where(w => w.Ward != cue.Ward && w.Districts.Count == 1 && districts.Contains(w.Districts[0]))
            .GroupBy(w => w.Districts[0])
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        return neighbour is not null
            ? new PlaceResult(cue.Ward, neighbour, evidence + $"; other wards of {neighbour} named")
            : new PlaceResult(cue.Ward, districts[0], evidence + $"; ward of {string.Join(" and ", districts)}, none named, took the first");
    }

    private List<WardCue> FindWardCues(SyllableText s, bool isTitle)
    {
        var cues = new List<WardCue>();
        for (var i = 0; i < s.Count; i++)
        {
            if (!_gazetteer.StartsName(s.Syllable(i)))
            {
                continue;
            }

            for (var n = Math.Min(_gazetteer.MaxWardSyllables, s.Count - i); n >= 1; n--)
            {
                if (!s.IsContiguous(i, n) || _gazetteer.FindWard(s.Joined(i, n)) is not { } found)
                {
                    continue;
                }

                // Typed marks must be the name's marks: "buổi" is not "Bưởi", "diễn biến" not "Điện Biên".
                var entries = found.Where(e => s.Fits(i, n, e.Spelling)).ToList();
                if (entries.Count == 0)
                {
                    continue;
                }

                var prefix = WardPrefixLength(s, i);
                var isWard = prefix > 0
                    || (isTitle && entries.Any(e => !e.PrefixOnly) && IsBareTitleName(s, i, n)
                        && _gazetteer.FindDistrict(s.Joined(i, n)) is null);
                if (isWard)
                {
                    var start = i - prefix;
                    cues.Add(new WardCue(
                        entries[0].Ward,
                        entries.Select(e => e.District).Distinct().ToList(),
                        i,
                        prefix > 0 && IsReportingBody(s, start),
                        s.Original(start, n + prefix)));
                    i += n - 1;
                    break;
                }
            }
        }

        return cues;
    }

    private List<DistrictCue> FindDistrictCues(SyllableText s, bool isTitle)
    {
        var cues = new List<DistrictCue>();
        for (var i = 0; i < s.Count; i++)
        {
            if (!_gazetteer.StartsName(s.Syllable(i)))
            {
                continue;
            }

            for (var n = Math.Min(_gazetteer.MaxDistrictSyllables, s.Count - i); n >= 1; n--)
            {
                if (!s.IsContiguous(i, n) || _gazetteer.FindDistrict(s.Joined(i, n)) is not { } entry || !s.Fits(i, n, entry.Spelling))
                {
                    continue;
                }

                var prefix = DistrictPrefixLength(s, i);
                var isDistrict = prefix > 0 || (isTitle && !s.Is(i - 1, "phuong") && IsBareTitleName(s, i, n));
                if (isDistrict && !s.Is(i - 1, "phuong") && !ContinuesAsWard(s, i, n))
                {
                    cues.Add(new DistrictCue(entry.District, i, s.Original(i - prefix, n + prefix)));
                    i += n - 1;
                    break;
                }
            }
        }

        return cues;
    }

    // "quận Thanh Xuân" is a district, but "Thanh Xuân Bắc" after "quận" never happens; guard the ward reading.
    private bool ContinuesAsWard(SyllableText s, int i, int n)
        => i + n < s.Count && s.IsContiguous(i, n + 1) && _gazetteer.FindWard(s.Joined(i, n + 1)) is not null
            && !s.Is(i - 1, "quan");

    /// <summary>Syllables before a ward name that make it a ward reference: "phường" (1) or "P." (1); 0 otherwise.</summary>
    private static int WardPrefixLength(SyllableText s, int i)
    {
        if (i >= 1 && s.Is(i - 1, "phuong") && s.IsContiguous(i - 1, 2))
        {
            return 1;
        }

        return IsAbbreviation(s, i - 1, "p") ? 1 : 0;
    }

    private static int DistrictPrefixLength(SyllableText s, int i)
    {
        if (i >= 1 && (s.Is(i - 1, "quan") || s.Is(i - 1, "huyen")) && s.IsContiguous(i - 1, 2))
        {
            return 1;
        }

        if (i >= 1 && IsAbbreviation(s, i - 1, "q"))
        {
            return 1;
        }

        if (i >= 2 && s.IsContiguous(i - 2, 3)
            && ((s.Is(i - 2, "thi") && s.Is(i - 1, "xa"))
                || (s.Is(i - 1, "uy") && (s.Is(i - 2, "quan") || s.Is(i - 2, "huyen") || s.Is(i - 2, "thi")))))
        {
            return 2;
        }

        return 0;
    }

    // "P. Cự Khối", "P.Cự Khối": a capital single letter followed by a full stop.
    private static bool IsAbbreviation(SyllableText s, int index, string letter)
    {
        if (index < 0 || !s.Is(index, letter) || !char.IsUpper(s.Text[s.Starts[index]]))
        {
            return false;
        }

        var gap = s.GapAfter(index).Trim();
        return gap is ".";
    }

    private static bool IsReportingBody(SyllableText s, int phuong)
    {
        bool Pair(string a, string b) => s.Is(phuong - 2, a) && s.Is(phuong - 1, b);
        return Pair("dang", "uy") || Pair("dang", "bo") || Pair("nhan", "dan") || Pair("cong", "an") || Pair("cap", "uy")
            || s.Is(phuong - 1, "ubnd") || s.Is(phuong - 1, "hdnd") || s.Is(phuong - 1, "ubmttq") || s.Is(phuong - 1, "mttq");
    }

    // A bare name in a title: written as a proper name, at the start or after a lower-case word that
    // does not make it a street or building ("phố", "chợ", a house number "148 Giảng Võ") or part of a
    // longer proper name (a person "Nguyễn Văn Long Biên").
    private static bool IsBareTitleName(SyllableText s, int i, int n)
    {
        if (!s.IsProperName(i, n))
        {
            return false;
        }

        if (i == 0)
        {
            return true;
        }

        var previous = s.Syllable(i - 1);
        if (PlaceWords.Contains(previous) || previous.All(char.IsDigit))
        {
            return false;
        }

        return !s.IsCapitalized(i - 1) || !s.IsContiguous(i - 1, 2);
    }

    /// <summary>"Quận ủy", "Huyện ủy", "Thị ủy", "Đảng bộ quận", "UBND quận", "HĐND quận" in the text.</summary>
    private static bool HasDistrictBody(SyllableText s)
    {
        for (var i = 0; i + 1 < s.Count; i++)
        {
            var next = s.Syllable(i + 1);
            var current = s.Syllable(i);
            if (next == "uy" && current is "quan" or "huyen" or "thi")
            {
                return true;
            }

            if (next is "quan" or "huyen" && (current is "ubnd" or "hdnd" || (current == "bo" && s.Is(i - 1, "dang"))))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record WardCue(string Ward, IReadOnlyList<string> Districts, int Position, bool IsReportingBody, string Text);

    private sealed record DistrictCue(string District, int Position, string Text);
}
