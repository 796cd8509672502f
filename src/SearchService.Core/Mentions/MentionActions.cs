namespace SearchService.Core.Mentions;

/// <summary>
/// What a report did with a document it mentions, read from the mention's sentence. A mention is not an
/// implementation: a ward studies a directive, issues a plan to roll it out, carries it out, reviews it at
/// mid-term or at the end, inspects it, or only names it.
/// </summary>
/// <remarks>
/// <para>Classes: <c>study</c> (quán triệt, học tập, tuyên truyền, phổ biến, giới thiệu); <c>plan</c> (ban hành or
/// xây dựng a plan, triển khai, cụ thể hóa, chương trình hành động; a plan or programme that is issued); <c>implement</c>
/// (thực hiện, chấp hành); <c>interim_review</c> (sơ kết); <c>final_review</c> (tổng kết); <c>inspect</c> (kiểm tra,
/// giám sát); <c>cited</c> (named only: "theo", "căn cứ", or no cue).</para>
/// <para>They are read from the cue words of the sentence by <see cref="Extraction.ActionClassifier"/>.</para>
/// </remarks>
public static class MentionActions
{
    public const string Study = "study";
    public const string Plan = "plan";
    public const string Implement = "implement";
    public const string InterimReview = "interim_review";
    public const string FinalReview = "final_review";
    public const string Inspect = "inspect";
    public const string Cited = "cited";

    /// <summary>Every action class, in the order a ward usually does them.</summary>
    public static IReadOnlyList<string> All { get; } = [Study, Plan, Implement, InterimReview, FinalReview, Inspect, Cited];

    /// <summary>True for the classes that count as a rollout (a plan issued or the document rolled out).</summary>
    public static bool IsRollout(string action) => action == Plan;

    /// <summary>True for the review classes.</summary>
    public static bool IsReview(string action) => action is InterimReview or FinalReview;
}
