namespace SearchService.Core.Mentions.Extraction;

/// <summary>
/// The items one kind word introduces ("Nghị quyết 15, 16 và 17") and the issuer of the body named after them
/// ("… của Thành ủy"); a later list joined by "và" may share that issuer.
/// </summary>
internal sealed class KindWordList(DocumentKind kind, bool hasSo)
{
    public DocumentKind Kind { get; } = kind;

    public bool HasSo { get; } = hasSo;

    public List<MentionItem> Items { get; } = [];

    public string? PhraseIssuer { get; set; }
}
