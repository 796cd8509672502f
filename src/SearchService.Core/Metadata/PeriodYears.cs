using System.Text.RegularExpressions;
using SearchService.Core.Text;

namespace SearchService.Core.Metadata;

/// <summary>
/// The years a report is about ("period years"), which differ from its publication year for reviews
/// published after the period ends: "Kết quả ... năm 2018" published 09/01/2019 is about 2018.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item>Title: the years the title states ("năm 2018", "6 tháng đầu năm 2018", "quý I/2019", a bare
/// "2019") are the period. A later year than the publication year is a plan ("triển khai nhiệm vụ năm
/// 2021" in December 2020) and counts only when the title states no other year, or as the second
/// half of a school year. A year more than five years before publication is history ("kỷ niệm ...
/// 3/2/1930"), not a period.</item>
/// <item>Body: otherwise the years the text states as "năm YYYY" at least twice, from three years
/// before publication up to the publication year: the most frequent, and any other at least half as
/// frequent. A year stated once is background ("Năm 2019, phường..." in a report of April 2020).</item>
/// <item>Default: the publication year, except that a review ("tổng kết", "sơ kết", "kết quả", "nhìn lại"
/// in the title) published in January is about the year before; no years without a stated year or a date.</item>
/// </list>
/// <para>A span of years ("nhiệm kỳ 2015 - 2020", "giai đoạn 2020-2025", "(1930 - 2020)") is a term or an
/// anniversary, not a period reported on, and is not expanded, with one exception: the report of a
/// congress ("Đại hội ...", title without a stated year, not its preparation: "dự thảo", "văn kiện",
/// "chuẩn bị", "góp ý") is about the term it closes, so the term
/// "nhiệm kỳ A - B" of the text that ends where the new term of the title begins (or, without one, in the
/// publication year) gives every year A..B. A school year ("năm học 2017-2018") is about both of
/// its calendar years.</para>
/// </remarks>
public static partial class PeriodYears
{
    // A year further back than this before publication is history (an anniversary), not a period reported on.
    private const int HistoryYears = 5;

    // A year stated once in the body is background ("Năm 2019, phường ..." in a 2020 event report).
    private const int MinimumStatements = 2;

    /// <summary>The period years of a report, ascending and distinct.</summary>
    /// <param name="title">The title, NFC, with or without diacritics.</param>
    /// <param name="text">The body text.</param>
    /// <param name="published">The publication date, when known.</param>
    public static IReadOnlyList<int> Extract(string title, string text, DateTimeOffset? published)
        => ExtractFromKeys(Key(title), Key(text), published);

    /// <summary>As <see cref="Extract"/>, from the keys (<see cref="VietnameseText.Key"/>) of title and text.</summary>
    internal static IReadOnlyList<int> ExtractFromKeys(string titleKey, string bodyKey, DateTimeOffset? published)
    {
        var publishedYear = published?.Year;
        var titleMentions = Mentions(titleKey)
            .Where(m => publishedYear is null || m.Year >= publishedYear - HistoryYears)
            .ToList();
        var titleYears = titleMentions.Select(m => m.Year).Distinct().ToList();
        if (titleYears.Count > 0)
        {
            var current = titleMentions.Where(m => publishedYear is null || m.Year <= publishedYear || m.IsSchoolYear).Select(m => m.Year).ToList();
            return Sorted(current.Count > 0 ? current : titleYears);
        }

        if (CongressPattern().IsMatch(titleKey) && !CongressPreparationPattern().IsMatch(titleKey))
        {
            var closing = ClosingTerm(titleKey, bodyKey, publishedYear);
            if (closing is { } term)
            {
                return Enumerable.Range(term.From, term.To - term.From + 1).ToList();
            }
        }

        var counts = new Dictionary<int, int>();
        foreach (var mention in Mentions(bodyKey).Where(m => m.IsStated))
        {
            if (publishedYear is { } p && (mention.Year > p || mention.Year < p - 3))
            {
                continue;
            }

            counts[mention.Year] = counts.GetValueOrDefault(mention.Year) + 1;
        }

        var top = counts.Count > 0 ? counts.Values.Max() : 0;
        if (top >= MinimumStatements)
        {
            return Sorted(counts.Where(c => c.Value >= MinimumStatements && c.Value * 2 >= top).Select(c => c.Key));
        }

        if (published is { } date)
        {
            return date.Month == 1 && ReviewPattern().IsMatch(titleKey) ? [date.Year - 1] : [date.Year];
        }

        return [];
    }

    /// <summary>
    /// The term a congress closes: a "nhiệm kỳ A - B" in the text that ends where the congress's new term
    /// (named in the title) begins, or in the publication year.
    /// </summary>
    private static (int From, int To)? ClosingTerm(string titleKey, string bodyKey, int? publishedYear)
    {
        var newTermStarts = TermPattern().Matches(titleKey).Select(m => int.Parse(m.Groups["a"].Value)).ToHashSet();
        foreach (Match term in TermPattern().Matches(bodyKey))
        {
            var from = int.Parse(term.Groups["a"].Value);
            var to = int.Parse(term.Groups["b"].Value);
            if (from < to && to - from <= 5 && (newTermStarts.Contains(to) || (newTermStarts.Count == 0 && to == publishedYear)))
            {
                return (from, to);
            }
        }

        return null;
    }

    private static string Key(string? text) => VietnameseText.Key(text ?? "");

    private static List<int> Sorted(IEnumerable<int> years) => years.Distinct().Order().ToList();

    /// <summary>Year mentions outside spans; school years give both years.</summary>
    private static IEnumerable<YearMention> Mentions(string key)
    {
        var spans = new List<(int Start, int End)>();
        foreach (Match span in SpanPattern().Matches(key))
        {
            spans.Add((span.Index, span.Index + span.Length));
            var before = key[Math.Max(0, span.Index - 12)..span.Index];
            if (before.Contains("nam hoc", StringComparison.Ordinal))
            {
                yield return new YearMention(int.Parse(span.Groups["a"].Value), true, true);
                yield return new YearMention(int.Parse(span.Groups["b"].Value), true, true);
            }
        }

        foreach (Match year in YearPattern().Matches(key))
        {
            if (spans.Any(s => year.Index >= s.Start && year.Index < s.End))
            {
                continue;
            }

            var before = key[Math.Max(0, year.Index - 5)..year.Index];
            var stated = before.EndsWith("nam ", StringComparison.Ordinal) || before.EndsWith("nam", StringComparison.Ordinal);
            yield return new YearMention(int.Parse(year.Value), stated, false);
        }
    }

    [GeneratedRegex(@"\bdai hoi\b")]
    private static partial Regex CongressPattern();

    // Preparing a congress (drafts, comments) is not holding it.
    [GeneratedRegex(@"\b(du thao|chuan bi|van kien|gop y|y kien)\b")]
    private static partial Regex CongressPreparationPattern();

    [GeneratedRegex(@"nhiem ky\s+(?<a>(?:19|20)\d\d)\s*[-–—]\s*(?<b>(?:19|20)\d\d)")]
    private static partial Regex TermPattern();

    // Titles of reviews of a past period.
    [GeneratedRegex(@"\b(tong ket|so ket|ket qua|nhin lai)\b")]
    private static partial Regex ReviewPattern();

    // Two years joined by a dash or slash: a term, a plan period, an anniversary or a school year.
    [GeneratedRegex(@"(?<![\d])(?<a>(?:19[4-9]|20\d)\d)\s*[-–—/]\s*(?<b>(?:19[4-9]|20\d)\d)(?!\d)")]
    private static partial Regex SpanPattern();

    // A year from 1940 to 2099 standing alone (also the end of "quý I/2019" or a date "12/7/2018").
    [GeneratedRegex(@"(?<![\d.,])(?:19[4-9]|20\d)\d(?![\d]|[.,]\d)")]
    private static partial Regex YearPattern();

    private sealed record YearMention(int Year, bool IsStated, bool IsSchoolYear);
}
