namespace SearchService.Core.Mentions;

/// <summary>
/// One mention of a Party or State document in a text, as defined in the mentions spec.
/// </summary>
/// <param name="Key">Canonical key ("05-CT/TW", "TW4/XII", "15/2020/NĐ-CP"); see <see cref="MentionKeys"/>.</param>
/// <param name="Kind">English kind: "resolution", "directive", "decision", "regulation", "conclusion",
/// "scheme", "programme", "plan", "official_letter", "notice", "guidance", "decree", "circular" or "law".
/// It is the kind word as written ("Quy định" gives "regulation" even though the key says QĐ).</param>
/// <param name="Text">The text of the span exactly as written; equals <c>text[Start..End]</c>.</param>
/// <param name="Start">Start offset (UTF-16, inclusive) into the text given to the extractor.</param>
/// <param name="End">End offset (UTF-16, exclusive).</param>
/// <param name="Sentence">The sentence containing the span, trimmed, for quoting.</param>
/// <param name="Number">Party style: the number with at least two digits ("05"); State style: the
/// number, with "/year" when a year is given ("15/2020"); null for plenum resolutions.</param>
/// <param name="Symbol">Party style: the kind code ("CT", "NQ", "ĐA"); State style: everything after the
/// number and year ("NĐ-CP", "UBND-NV"); "NQ" for plenum resolutions.</param>
/// <param name="Issuer">Party style: "TW", "TU", "QU", "HU", "ĐU" or a board code, null when unknown;
/// State style: the part of the symbol naming the body ("CP", "UBND"); "TW" for plenum resolutions.</param>
/// <param name="Plenum">The Central Committee plenum (4 for "Nghị quyết Trung ương IV"), else null.</param>
/// <param name="Term">The term (khóa) in Roman numerals ("XII") when stated for a plenum, or the term of the
/// catalogue issue a recurring number resolved to (when the catalogue knows it), else null.</param>
/// <param name="Action">What the report did with the document, read from the mention's sentence: one of
/// <see cref="MentionActions.All"/> ("study", "plan", "implement", "interim_review", "final_review",
/// "inspect", "cited").</param>
/// <param name="CandidateKeys">For a central Party number that recurs across terms and that the report does
/// not pin to one issue: the dated keys it may mean ("18-NQ/TW/2017", "18-NQ/TW/2022"); else null.</param>
/// <param name="ResolvedBy">For a recurring number resolved to one issue: what decided it, "date" (a date written
/// with it), "term" ("khóa XII"), "subject" (words of its title), "published" (the only issue not later than
/// the report) or "document" (the same number resolved elsewhere in the report); else null.</param>
public sealed record Mention(
    string Key,
    string Kind,
    string Text,
    int Start,
    int End,
    string Sentence,
    string? Number,
    string? Symbol,
    string? Issuer,
    int? Plenum,
    string? Term,
    string Action = MentionActions.Cited,
    IReadOnlyList<string>? CandidateKeys = null,
    string? ResolvedBy = null)
{
    /// <summary>Equal when every field is, the candidate keys compared item by item.</summary>
    public bool Equals(Mention? other) => other is not null
        && Key == other.Key && Kind == other.Kind && Text == other.Text && Start == other.Start && End == other.End
        && Sentence == other.Sentence && Number == other.Number && Symbol == other.Symbol && Issuer == other.Issuer
        && Plenum == other.Plenum && Term == other.Term && Action == other.Action && ResolvedBy == other.ResolvedBy
        && (CandidateKeys ?? []).SequenceEqual(other.CandidateKeys ?? [], StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Key, Start, End, Action);
}
