using System.Text.RegularExpressions;
using static SearchService.Core.Mentions.MentionActions;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>
/// Gives each mention its action (<see cref="MentionActions"/>), read from the cue words of its sentence.
/// </summary>
/// <remarks>
/// <para>How: the cue words of the clause before the mention count (from the start of the sentence, a ";" or
/// ":", or the end of the previous mention); when several are there the strongest wins, in the order review
/// (the nearest of sơ kết and tổng kết), inspect, plan, study, implement ("sơ kết 5 năm thực hiện Chỉ thị
/// 05" is a review; "kiểm tra việc thực hiện" an inspection; "quán triệt, triển khai" a rollout). With no
/// cue, a mention joined to the previous one by "và" or a comma ("Nghị quyết 18 và Nghị quyết 19") takes
/// its action, and a passive cue after it ("được quán triệt") counts. "Kế hoạch số 12-KH/ĐU thực hiện
/// Nghị quyết 18": the document a plan carries out is planned. "Ủy ban Kiểm tra" and "Ban Chấp hành" are bodies, not cues.</para>
/// </remarks>
internal static partial class ActionClassifier
{
    public static IReadOnlyList<Mention> Classify(IReadOnlyList<Mention> mentions, MentionScan scan)
    {
        var result = new List<Mention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var previous = i > 0 ? result[i - 1] : null;
            result.Add(m with { Action = ClassifyOne(m, previous, scan) });
        }

        return result;
    }

    private static string ClassifyOne(Mention m, Mention? previous, MentionScan scan)
    {
        var folded = scan.Folded;
        var (sentenceStart, sentenceEnd) = scan.SentenceSpan(m.Start, m.End);
        var start = sentenceStart;
        var afterPrevious = previous is not null && previous.End > sentenceStart && previous.End <= m.Start;
        if (afterPrevious)
        {
            start = previous!.End;
        }

        var boundary = folded.LastIndexOfAny([';', ':', '\n'], Math.Max(start, m.Start - 1), Math.Max(0, m.Start - start));
        if (boundary >= start)
        {
            start = boundary + 1;
            afterPrevious = false;
        }

        var before = folded[start..m.Start];

        // "Kế hoạch số 41-KH/ĐU thực hiện Nghị quyết 18": the plan carries it out.
        if (afterPrevious && previous!.Kind is "plan" or "programme" or "scheme" && PlanCarriesOut().IsMatch(before))
        {
            return Plan;
        }

        var cue = StrongestCue(before, m);
        if (cue is not null)
        {
            return cue;
        }

        if (afterPrevious && previous is not null)
        {
            var between = before.TrimEnd();
            if (between.Length == 0 || between.EndsWith(',') || Joined().IsMatch(between))
            {
                return previous.Action;
            }
        }

        var after = folded[m.End..Math.Min(sentenceEnd, m.End + 80)];
        var passive = PassiveCue().Match(after);
        if (passive.Success)
        {
            return StrongestCue(passive.Groups["cue"].Value, m) ?? Cited;
        }

        return Cited;
    }

    private static string? StrongestCue(string before, Mention m)
    {
        var text = InspectionBody().Replace(before, match => new string(' ', match.Length));
        var interim = LastIndex(text, InterimCue());
        var final = LastIndex(text, FinalCue());
        if (interim >= 0 || final >= 0)
        {
            return interim > final ? InterimReview : FinalReview;
        }

        if (InspectCue().IsMatch(text))
        {
            return Inspect;
        }

        var isPlanDocument = m.Kind is "plan" or "programme" or "scheme";
        if (PlanCue().IsMatch(text) || isPlanDocument && IssueCue().IsMatch(text))
        {
            // "xây dựng kế hoạch thực hiện Chỉ thị 05", "ban hành Kế hoạch số 27-KH/ĐU".
            return Plan;
        }

        if (StudyCue().IsMatch(text))
        {
            return Study;
        }

        return ImplementCue().IsMatch(text) ? Implement : null;
    }

    private static int LastIndex(string text, Regex cue)
    {
        var last = -1;
        foreach (Match match in cue.Matches(text))
        {
            last = match.Index;
        }

        return last;
    }

    private const string W = @"(?<![\p{L}\p{N}])";
    private const string E = @"(?![\p{L}\p{N}])";

    [GeneratedRegex(W + @"so\s+ket" + E, RegexOptions.CultureInvariant)]
    private static partial Regex InterimCue();

    [GeneratedRegex(W + @"tong\s+ket" + E, RegexOptions.CultureInvariant)]
    private static partial Regex FinalCue();

    [GeneratedRegex(W + @"(?:kiem\s+tra|giam\s+sat)" + E, RegexOptions.CultureInvariant)]
    private static partial Regex InspectCue();

    [GeneratedRegex(W + @"(?:uy\s+ban\s+kiem\s+tra|ubkt|doan\s+kiem\s+tra|ban\s+chi\s+dao|ban\s+chap\s+hanh|bch)" + E, RegexOptions.CultureInvariant)]
    private static partial Regex InspectionBody();

    [GeneratedRegex(W + @"(?:ke\s+hoach|trien\s+khai|cu\s+the\s+hoa|chuong\s+trinh\s+hanh\s+dong|lo\s+trinh)" + E, RegexOptions.CultureInvariant)]
    private static partial Regex PlanCue();

    [GeneratedRegex(W + @"(?:ban\s+hanh|xay\s+dung|du\s+thao|phe\s+duyet)" + E, RegexOptions.CultureInvariant)]
    private static partial Regex IssueCue();

    [GeneratedRegex(W + @"(?:quan\s+triet|hoc\s+tap|tuyen\s+truyen|pho\s+bien|gioi\s+thieu|nghien\s+cuu|truyen\s+dat|thong\s+tin)" + E, RegexOptions.CultureInvariant)]
    private static partial Regex StudyCue();

    [GeneratedRegex(W + @"(?:thuc\s+hien|chap\s+hanh|thi\s+hanh|van\s+dung)" + E, RegexOptions.CultureInvariant)]
    private static partial Regex ImplementCue();

    [GeneratedRegex(@"^\s*(?:de\s+|nham\s+|ve\s+viec\s+)?(?:trien\s+khai\s+)?(?:thuc\s+hien|trien\s+khai)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanCarriesOut();

    [GeneratedRegex(W + @"(?:va|hoac|cung|voi)$", RegexOptions.CultureInvariant)]
    private static partial Regex Joined();

    [GeneratedRegex(@"^[^.;\n]{0,40}?(?<![\p{L}\p{N}])duoc\s+(?<cue>(?:[\p{L}]+\s+){0,4}[\p{L}]+\s+[\p{L}]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveCue();
}
