namespace SearchService.Core.Mentions.Extraction;

/// <summary>The sentence around a mention: for its quote, and the clause in which its action and issue are read.</summary>
internal sealed partial class MentionScan
{
    private const int MaxSentenceSide = 400;

    /// <summary>The bounds [start, end) of the sentence around a span, as <see cref="Sentence"/> cuts it.</summary>
    public (int Start, int End) SentenceSpan(int start, int end)
    {
        var s = start;
        var limit = Math.Max(0, start - MaxSentenceSide);
        while (s > limit && !IsSentenceEnd(s - 1))
        {
            s--;
        }

        var e = end;
        var upper = Math.Min(_text.Length, end + MaxSentenceSide);
        while (e < upper && !IsSentenceEnd(e))
        {
            e++;
        }

        return (s, e);
    }

    private string Sentence(int start, int end)
    {
        var (s, e) = SentenceSpan(start, end);
        if (e < _text.Length && _text[e] is '.' or '!' or '?')
        {
            e++;
        }

        return _text[s..e].Trim();
    }

    private bool IsSentenceEnd(int i)
    {
        var c = _text[i];
        if (c is '\n' or '\r')
        {
            return true;
        }

        if (c is '.' or '!' or '?')
        {
            var nextIsSpace = i + 1 >= _text.Length || char.IsWhiteSpace(_text[i + 1]);
            return nextIsSpace;
        }

        return false;
    }
}
